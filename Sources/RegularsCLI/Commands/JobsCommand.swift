import ArgumentParser
import Foundation
import RegularsData

struct JobsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "jobs",
        abstract: "Queue work for `regulars worker`, and list what was queued, ran, failed or was parked.",
        subcommands: [Enqueue.self, List.self])

    struct Enqueue: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Queue a job (unless one of its kind is already waiting).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The kind: \(Job.Kind.allCases.map(\.rawValue).joined(separator: ", ")).")
        var kind: Job.Kind

        func run() throws {
            let queued = try global.openStore().enqueue(job: kind, at: Int64(global.clock().timeIntervalSince1970))
            print(queued ? "Queued a \(kind.rawValue) job." : "A \(kind.rawValue) job is already waiting.")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The newest jobs: state, attempts, outcome.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "How many.")
        var limit = 20

        func run() throws {
            let jobs = try global.openStore().jobs(limit: limit)
            if global.json {
                print(
                    try Output.json(
                        jobs.map {
                            [
                                "id": String($0.id), "kind": $0.kind, "state": $0.state.rawValue,
                                "attempts": String($0.attempts), "worker": $0.worker ?? "", "result": $0.result ?? "",
                                "error": $0.error ?? "",
                            ]
                        }))
                return
            }
            if jobs.isEmpty { print("No jobs. Queue one with `regulars jobs enqueue train`.") }
            for job in jobs {
                let what = job.error.map { "failed: \($0)" } ?? job.result ?? (job.worker.map { "held by \($0)" } ?? "")
                print("\(job.id)  \(job.kind)  \(job.state.rawValue)  attempts \(job.attempts)  \(what)")
            }
        }
    }
}

extension Job.Kind: ExpressibleByArgument {}
