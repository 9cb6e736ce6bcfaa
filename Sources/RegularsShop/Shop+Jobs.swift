import Foundation
import RegularsContent
import RegularsData

extension Shop {
    /// Does one job's work; returns what it did, in words without personal details.
    public func run(job: Job) async throws -> String {
        guard let kind = Job.Kind(rawValue: job.kind) else {
            throw ShopError.unknownJob(job.kind)
        }
        switch kind {
        case .train:
            let outcome = try train(asOf: try asOf().date)
            return "model version \(outcome.version) on \(outcome.orders) orders"
        case .campaign:
            guard let name = job.argument, let segment = Playbook.segment(named: name) else {
                throw ShopError.badJobArgument(kind: job.kind, argument: job.argument)
            }
            // The same steps as `regulars campaign --segment`, with the templates' copy (no LLM in a worker).
            let asOf = try asOf().date
            let inputs = try campaignInputs(asOf: asOf)
            let campaign = await Campaign.make(segment: segment, inputs: inputs)
            let folder = Campaign.defaultFolder(storePath: storePath, segment: segment, asOf: asOf)
            let summary = try export(campaign, templates: inputs.templates, to: folder)
            return "campaign \(folder.lastPathComponent): \(summary.recipients) recipients"
        }
    }
}
