import ArgumentParser
import Foundation
import RegularsContent
import RegularsData
import RegularsSegments

struct JobsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "jobs",
        abstract: "Queue work for `regulars worker`, and list what was queued, ran, failed or was parked.",
        subcommands: [Enqueue.self, List.self])

    struct Enqueue: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Queue a job (unless the same one is already waiting).",
            discussion: """
                train: a new model version. campaign --segment NAME: the segment's campaign, written with the \
                templates' copy into the shop's campaigns folder (the dashboard lists it), as `regulars campaign` \
                does.
                """)
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The kind: \(Job.Kind.allCases.map(\.rawValue).joined(separator: ", ")).")
        var kind: Job.Kind
        @Option(
            help: "For a campaign: the segment (\(LifecycleSegment.allCases.map(\.rawValue).joined(separator: ", "))).")
        var segment: String?

        func validate() throws {
            switch kind {
            case .campaign:
                guard let segment, Playbook.segment(named: segment) != nil else {
                    throw ValidationError(
                        "--segment: a campaign job needs one of "
                            + LifecycleSegment.allCases.map(\.rawValue).joined(separator: ", "))
                }
            case .train:
                if segment != nil { throw ValidationError("--segment: a train job takes none") }
            }
        }

        func run() throws {
            let argument = segment.flatMap(Playbook.segment(named:))?.rawValue
            let queued = try global.openStore().enqueue(
                job: kind, argument: argument, at: Int64(global.clock().timeIntervalSince1970))
            let what = kind.rawValue + (argument.map { " (\($0))" } ?? "")
            print(queued ? "Queued a \(what) job." : "A \(what) job is already waiting.")
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
                                "id": String($0.id), "kind": $0.kind, "argument": $0.argument ?? "",
                                "state": $0.state.rawValue,
                                "attempts": String($0.attempts), "worker": $0.worker ?? "", "result": $0.result ?? "",
                                "error": $0.error ?? "",
                            ]
                        }))
                return
            }
            if jobs.isEmpty { print("No jobs. Queue one with `regulars jobs enqueue train`.") }
            for job in jobs {
                let what = job.error.map { "failed: \($0)" } ?? job.result ?? (job.worker.map { "held by \($0)" } ?? "")
                let kind = job.kind + (job.argument.map { " " + $0 } ?? "")
                print("\(job.id)  \(kind)  \(job.state.rawValue)  attempts \(job.attempts)  \(what)")
            }
        }
    }
}

extension Job.Kind: ExpressibleByArgument {}
