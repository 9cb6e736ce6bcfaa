import Foundation
import RegularsData

extension Shop {
    /// Does one job's work; returns what it did, in words without personal details.
    public func run(job: Job) throws -> String {
        guard let kind = Job.Kind(rawValue: job.kind) else {
            throw ShopError.unknownJob(job.kind)
        }
        switch kind {
        case .train:
            let outcome = try train(asOf: try asOf().date)
            return "model version \(outcome.version) on \(outcome.orders) orders"
        }
    }
}
