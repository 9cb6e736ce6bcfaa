import Foundation
import RegularsData
import RegularsTestSupport
import Testing

@testable import RegularsCLI

@Suite("regulars experiment and baseline on the demo shop")
struct ExperimentCommandTests {
    @Test("an e-mail experiment: arm B sends nothing, both arms' members are its units, results and plan print")
    func emailExperiment() async throws {
        let folder = try await CLI.demoFolder()
        let store = folder.appendingPathComponent("regulars-demo.sqlite").path
        let asOf = ["--store", store, "--as-of", "2025-07-01"]
        let created = await CLI.run(
            ["experiment", "create", "winback", "--placement", "email.win_back", "--arms", "A=default,B=none"] + asOf)
        #expect(created.status == 0, "\(created.stderr)")
        let campaign = await CLI.run(
            ["campaign", "--segment", "lapsed", "--json", "--out", folder.appendingPathComponent("out").path] + asOf)
        #expect(campaign.status == 0, "\(campaign.stderr)")
        let summary = try #require(
            try JSONSerialization.jsonObject(with: Data(campaign.stdout.utf8)) as? [String: Any])
        let skipped = try #require(summary["skipped"] as? [String: Int])
        let withoutEmail = try #require(skipped["experiment_arm_without_email"])
        let recipients = try #require(summary["recipients"] as? Int)
        #expect(withoutEmail > 0 && recipients > 0)
        // About half the consenting members are in each arm.
        #expect(abs(Double(withoutEmail) / Double(withoutEmail + recipients) - 0.5) < 0.1)

        let exposures = try SQLiteStore(path: store).exposures(of: "winback")
        #expect(Set(exposures.map(\.arm)) == ["A", "B"])
        #expect(exposures.count >= withoutEmail + recipients)

        let results = await CLI.run(["experiment", "results", "winback", "--json"] + asOf)
        #expect(results.status == 0, "\(results.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(results.stdout.utf8)) as? [String: Any])
        let arms = try #require(json["arms"] as? [[String: Any]])
        #expect(arms.map { $0["units"] as? Int ?? 0 }.reduce(0, +) == exposures.count)

        let plan = await CLI.run(["experiment", "plan", "--placement", "home", "--lift", "10%"] + asOf)
        #expect(plan.status == 0, "\(plan.stderr)")
        #expect(plan.stdout.contains("weeks"))
        let list = await CLI.run(["experiment", "list"] + asOf)
        #expect(list.stdout.contains("winback  email.win_back  A=default,B=none"))

        // One shape for an experiment: the API's (openapi.yaml's `Experiment`), in every `--json`.
        let listed = await CLI.run(["experiment", "list", "--json"] + asOf)
        let experiments = try #require(
            try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]])
        let winback = try #require(experiments.first { $0["name"] as? String == "winback" })
        #expect(
            Set(winback.keys) == ["name", "placement", "arms", "holdout_percent", "unit", "started_at", "stopped_at"])
        #expect(Timestamp.parse(winback["started_at"] as? String ?? "") != nil)
        #expect(winback["stopped_at"] is NSNull)
        let experiment = try #require(json["experiment"] as? [String: Any])
        #expect(experiment["started_at"] as? String == winback["started_at"] as? String)
        let stopped = await CLI.run(["experiment", "stop", "winback", "--json"] + asOf)
        let record = try #require(try JSONSerialization.jsonObject(with: Data(stopped.stdout.utf8)) as? [String: Any])
        #expect(Timestamp.parse(record["stopped_at"] as? String ?? "") != nil)
    }

    @Test("report: revenue, what recommendations earned, and the period's orders per segment")
    func report() async throws {
        let folder = try await CLI.demoFolder()
        let store = folder.appendingPathComponent("regulars-demo.sqlite").path
        let result = await CLI.run(["report", "--store", store, "--as-of", "2025-07-01", "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let report = try #require(json["report"] as? [String: Any])
        let orders = try #require(report["orders"] as? Int)
        #expect(orders > 0)
        let segments = try #require(json["segments"] as? [[String: Any]])
        #expect(segments.map { $0["orders"] as? Int ?? 0 }.reduce(0, +) == orders)
        let text = await CLI.run(["report", "--store", store, "--as-of", "2025-07-01"])
        #expect(text.stdout.contains("repeat-purchase rate"))
    }

    @Test("baseline set, then baseline shows each figure then and now")
    func baseline() async throws {
        let folder = try await CLI.demoFolder()
        let store = folder.appendingPathComponent("regulars-demo.sqlite").path
        let set = await CLI.run(["baseline", "set", "--store", store, "--as-of", "2025-05-01"])
        #expect(set.status == 0, "\(set.stderr)")
        #expect(set.stdout.contains("Baseline frozen"))
        let show = await CLI.run(["baseline", "--store", store, "--as-of", "2025-07-01"])
        #expect(show.status == 0, "\(show.stderr)")
        #expect(show.stdout.contains("average order value"))
        #expect(show.stdout.contains("repeat-purchase rate"))
        let none = await CLI.run(["baseline", "--store", folder.appendingPathComponent("new.sqlite").path])
        #expect(none.status != 0)
        #expect(none.stderr.contains("regulars baseline set"))
    }
}
