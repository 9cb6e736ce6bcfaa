import Foundation
import RegularsTestSupport
import Testing

@testable import RegularsCLI

@Suite("regulars predict and segments")
struct PredictCommandTests {
    @Test("predict --summary on CDNOW prints the published BG/NBD and Gamma-Gamma fits and writes per-ID rows")
    func cdnowSummary() async throws {
        let folder = try Fixtures.temporaryDirectory()
        let out = folder.appendingPathComponent("p.csv").path
        let result = await CLI.run(
            ["predict", "--summary", Fixtures.sharedData("cdnow-summary.csv").path, "--json", "--out", out])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: [String: Double]])
        let bgnbd = try #require(json["bgnbd"])
        #expect(abs(bgnbd["r"]! - 0.2426) < 0.0005)
        #expect(abs(bgnbd["alpha"]! - 4.414) < 0.005)
        #expect(abs(bgnbd["a"]! - 0.7929) < 0.0005)
        #expect(abs(bgnbd["b"]! - 2.426) < 0.005)
        #expect(abs(bgnbd["log_likelihood"]! + 9582.43) < 0.01)
        let gg = try #require(json["gamma_gamma"])
        #expect(abs(gg["p"]! - 6.25) < 0.01)
        #expect(abs(gg["q"]! - 3.74) < 0.01)
        let rows = try String(contentsOfFile: out, encoding: .utf8).split(separator: "\n")
        #expect(rows.first == "ID,p_alive,expected_purchases,expected_spend")
        #expect(rows.count == 2358)
        let customer1 = rows[1].split(separator: ",")
        #expect(customer1[0] == "1")
        #expect(abs(Double(customer1[2])! - 1.226) < 0.0005)
    }

    @Test("predict --validate on the raw CDNOW transactions prints the hold-out comparison by frequency")
    func cdnowValidation() async throws {
        let result = await CLI.run([
            "predict", "--validate", "--transactions", Fixtures.sharedData("cdnow-sample-transactions.csv").path,
            "--calibration-end", "1997-09-30", "--holdout-end", "1998-06-30",
        ])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.contains("7+"))
        #expect(result.stdout.contains("total: actual 1882"))
    }

    @Test("a summary file with a bad number names its line and column and exits non-zero")
    func badSummary() async throws {
        let file = try TemporaryStore.file(
            named: "s.csv", "ID,x,t_x,T,zbar\n1,2,30.43,38.86,22.35\n2,two,1.71,38.86,11.77\n")
        let result = await CLI.run(["predict", "--summary", file.path, "--json"])
        #expect(result.status != 0)
        #expect(result.stderr.contains(":3"))
        #expect(result.stderr.contains("x"))
    }

    @Test("segments --json on the demo store lists every segment with sizes that add up to the customers")
    func segmentsOnDemo() async throws {
        let folder = try await CLI.demoFolder()
        let result = await CLI.run([
            "segments", "--json", "--as-of", "2025-07-01", "--store",
            folder.appendingPathComponent("regulars-demo.sqlite").path,
        ])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let customers = try #require(json["customers"] as? Int)
        let unassigned = try #require(json["unassigned"] as? Int)
        let segments = try #require(json["segments"] as? [[String: Any]])
        let primaries = segments.compactMap { $0["primary"] as? Int }.reduce(0, +)
        #expect(primaries + unassigned == customers)
        #expect(segments.count == 8)
    }
}
