import ArgumentParser
import Foundation
import RegularsData
import RegularsShop

struct WorkerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "worker",
        abstract: "Take queued jobs (training, campaigns) from the store, one at a time, under a lease.",
        discussion: """
            Jobs are queued by `regulars jobs enqueue train`, or by `regulars serve --train-in-worker` when webhooks \
            bring new orders. Run as many workers as you like on one store: each job is taken by one of them, and a \
            worker renews its lease while it works. A worker killed mid-job loses nothing: once its lease runs \
            out another worker takes the job again; a job that failed three times is parked with its error \
            (`regulars jobs list`). With --all-shops a worker serves every shop of the install, a folder of \
            shops or a PostgreSQL server's: two workers never run two jobs of one kind for one shop at once.
            """)
    @OptionGroup var scope: ShopOrAllOptions
    @Option(help: "Seconds a job stays this worker's without a renewal; renewed every third of it.")
    var lease: Int = 60
    @Option(help: "Seconds between looks for work when there is none.")
    var poll: Double = 2
    @Flag(help: "Stop when no job is due instead of waiting for more.")
    var untilIdle = false
    @Option(help: "How this worker is named in the store (default: host and process id).")
    var name: String?

    /// The clock, read here at the edge.
    private static let clock: @Sendable () -> Date = { Date() }

    func validate() throws {
        guard lease >= 3 else { throw ValidationError("--lease: expected at least 3 seconds") }
        guard poll > 0 else { throw ValidationError("--poll: expected a positive number of seconds") }
    }

    func run() async throws {
        let worker = name ?? "\(ProcessInfo.processInfo.hostName)-\(ProcessInfo.processInfo.processIdentifier)"
        var opened: [String: Shop] = [:]
        while true {
            var worked = false
            for (label, shop) in try shops(&opened) {
                let now = Int64(Self.clock().timeIntervalSince1970)
                guard let job = try shop.store.claimJob(worker: worker, at: now, lease: Int64(lease)) else { continue }
                worked = true
                try await perform(job, of: shop, label: label, worker: worker)
            }
            if !worked {
                if untilIdle { return }
                try await Task.sleep(for: .seconds(poll))
            }
        }
    }

    /// The shops to look at this pass: `--shop`'s (or the only one), or with `--all-shops` every shop of the install
    /// as it is now (a shop created since the last pass is looked at too), each opened once.
    private func shops(_ opened: inout [String: Shop]) throws -> [(label: String, shop: Shop)] {
        guard scope.allShops else {
            if opened[""] == nil { opened[""] = try scope.global().openShop() }
            return [("", opened[""]!)]
        }
        let install = scope.install
        let names = try install.names()
        opened = opened.filter { names.contains($0.key) }
        return try names.map { name in
            if opened[name] == nil {
                opened[name] = try Shop(
                    storePath: install.storePath(of: name), clock: Self.clock, asOf: try scope.explicitAsOf())
            }
            return ("\(name): ", opened[name]!)
        }
    }

    private func perform(_ job: Job, of shop: Shop, label: String, worker: String) async throws {
        Output.error(
            "\(worker): \(label)took job \(job.id) (\(job.kind)\(job.argument.map { " " + $0 } ?? "")), "
                + "attempt \(job.attempts)")
        let renewal = LeaseRenewal(
            store: shop.store, job: job.id, worker: worker, lease: Int64(lease), clock: Self.clock)
        let outcome: Result<String, any Error>
        do { outcome = .success(try await shop.run(job: job)) } catch { outcome = .failure(error) }
        renewal.stop()
        let end = Int64(Self.clock().timeIntervalSince1970)
        switch outcome {
        case .success(let result):
            let kept = try shop.store.finish(job: job.id, worker: worker, at: end, result: result, error: nil)
            Output.error(
                kept
                    ? "\(worker): \(label)job \(job.id) done: \(result)"
                    : "\(worker): \(label)job \(job.id) done, but its lease had run out and another worker took it")
        case .failure(let error):
            _ = try shop.store.finish(job: job.id, worker: worker, at: end, result: nil, error: "\(error)")
            Output.error("\(worker): \(label)job \(job.id) failed: \(error)")
        }
    }
}

/// Renews a job's lease every third of it on a thread of its own while the job runs on the caller's.
final class LeaseRenewal: @unchecked Sendable {  // `stopped` is read and written under `condition`.
    private let condition = NSCondition()
    private var stopped = false

    init(store: any Store, job: Int64, worker: String, lease: Int64, clock: @escaping @Sendable () -> Date) {
        let thread = Thread { [self] in
            condition.lock()
            defer { condition.unlock() }
            while !stopped {
                _ = condition.wait(until: Date().addingTimeInterval(Double(lease) / 3))
                if stopped { return }
                let until = Int64(clock().timeIntervalSince1970) + lease
                if (try? store.renewLease(job: job, worker: worker, until: until)) != true {
                    Output.error("\(worker): lost the lease on job \(job): another worker may take it")
                    return
                }
            }
        }
        thread.name = "regulars-lease"
        thread.start()
    }

    func stop() {
        condition.lock()
        stopped = true
        condition.signal()
        condition.unlock()
    }
}
