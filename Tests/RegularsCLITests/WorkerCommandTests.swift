import Foundation
import RegularsData
import RegularsRecommend
import RegularsTestSupport
import Testing

/// `regulars worker` as separate processes on one store, one of them killed in the middle of a training.
@Suite("regulars worker: a worker killed mid-job loses nothing")
struct WorkerCommandTests {
    @Test("two workers, one killed with SIGKILL while it trains: the other trains once, after the lease runs out")
    func killedWorker() async throws {
        let folder = try await CLI.demoFolder()
        let store = folder.appendingPathComponent("regulars-demo.sqlite").path
        let directory = ModelDirectory(storePath: store)
        let before = directory.versions
        #expect(CLIRunner.executable.path.hasSuffix("regulars"))
        #expect(try CLIRunner.run(["jobs", "enqueue", "train", "--store", store]).status == 0)

        let first = Process()
        first.executableURL = CLIRunner.executable
        first.arguments = ["worker", "--store", store, "--name", "A", "--lease", "3", "--poll", "0.1"]
        first.standardError = FileHandle.nullDevice
        try first.run()
        let sqlite = try SQLiteStore(path: store)
        // Watched by blocking this thread, not by awaiting a sleep: the whole suite runs beside it on two cores,
        // and a suspended test task may wait longer for a thread than the training takes (under a second idle).
        var running = false
        let deadline = ContinuousClock.now + .seconds(60)
        while !running, ContinuousClock.now < deadline {
            running = try sqlite.jobs(limit: 1).first.map { $0.state == .running && $0.worker == "A" } ?? false
            if !running { usleep(1_000) }
        }
        #expect(running)
        kill(first.processIdentifier, SIGKILL)
        first.waitUntilExit()
        #expect(directory.versions == before, "killed before it saved")

        // Worker B finds nothing due until A's lease (3 s) runs out, then takes the job and trains.
        var job = try #require(try sqlite.jobs(limit: 1).first)
        for _ in 0..<30 where job.state != .done {
            let result = try CLIRunner.run(["worker", "--store", store, "--name", "B", "--lease", "3", "--until-idle"])
            #expect(result.status == 0)
            job = try #require(try sqlite.jobs(limit: 1).first)
            if job.state != .done { try await Task.sleep(for: .milliseconds(300)) }
        }
        #expect(job.state == .done)
        #expect(job.worker == "B" && job.attempts == 2)
        #expect(directory.versions.count == before.count + 1, "trained exactly once")
        #expect(job.result?.hasPrefix("model version \(directory.versions.last!) on ") == true)
    }

    @Test(
        "a queued campaign job writes the segment's campaign where the dashboard lists it, as `regulars campaign` does")
    func campaignJob() async throws {
        let folder = try await CLI.demoFolder()
        let store = folder.appendingPathComponent("regulars-demo.sqlite").path
        let refused = try CLIRunner.run(["jobs", "enqueue", "campaign", "--store", store])
        #expect(refused.status != 0 && refused.stderr.contains("--segment"))
        let queued = try CLIRunner.run(["jobs", "enqueue", "campaign", "--segment", "lapsed", "--store", store])
        #expect(queued.status == 0 && queued.stdout.contains("Queued a campaign (lapsed) job."))
        let again = try CLIRunner.run(["jobs", "enqueue", "campaign", "--segment", "lapsed", "--store", store])
        #expect(again.stdout.contains("already waiting"))
        let worked = try CLIRunner.run(["worker", "--store", store, "--until-idle"])
        #expect(worked.status == 0, "\(worked.stderr)")
        let job = try #require(try SQLiteStore(path: store).jobs(limit: 1).first)
        #expect(job.state == .done && job.argument == "lapsed", "\(job)")
        let campaigns = folder.appendingPathComponent("regulars-demo.campaigns")
        let written = try FileManager.default.contentsOfDirectory(atPath: campaigns.path).filter {
            $0.hasPrefix("lapsed")
        }
        #expect(written.count == 1)
        let name = try #require(written.first)
        #expect(job.result?.hasPrefix("campaign \(name): ") == true, "\(job.result ?? "")")
        let files = try FileManager.default.contentsOfDirectory(
            atPath: campaigns.appendingPathComponent(name).path)
        #expect(files.contains("summary.json"))
    }
}
