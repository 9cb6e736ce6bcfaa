import Foundation
import RegularsData
import RegularsMeasure
import RegularsShop

/// `/v1/experiments` (secret key): create, list, read the results of and stop A/B tests. The work is `Shop`'s, the
/// same the `regulars experiment` commands call.
struct ExperimentRoutes: Sendable {
    let services: AppServices

    /// The body of `POST /v1/experiments` (openapi.yaml's `ExperimentCreate`). Arms are an object keyed by arm
    /// name, so names are distinct by construction; the arm whose name sorts first is the control.
    struct CreatePayload: Codable, Hashable, Sendable {
        struct Arm: Codable, Hashable, Sendable {
            var recipe: String
            var share: Double?
        }
        var name: String
        var placement: String
        var arms: [String: Arm]
        var holdoutPercent: Double?
        var unit: String?

        enum CodingKeys: String, CodingKey {
            case name, placement, arms, unit
            case holdoutPercent = "holdout_percent"
        }
    }

    /// openapi.yaml's `Experiment`.
    struct ExperimentJSON: Codable, Hashable, Sendable {
        struct Arm: Codable, Hashable, Sendable {
            var name: String
            var recipe: String
            var weight: Double
        }
        var name: String
        var placement: String
        var arms: [Arm]
        var holdoutPercent: Double
        var unit: String
        var startedAt: String
        var stoppedAt: String?

        enum CodingKeys: String, CodingKey {
            case name, placement, arms, unit
            case holdoutPercent = "holdout_percent"
            case startedAt = "started_at"
            case stoppedAt = "stopped_at"
        }

        init(_ record: ExperimentRecord) {
            name = record.name
            placement = record.placement
            arms = record.arms.map { Arm(name: $0.name, recipe: $0.recipe, weight: $0.weight) }
            holdoutPercent = record.holdoutPercent
            unit = record.unit.rawValue
            startedAt = Timestamp.iso(record.startedAt)
            stoppedAt = record.stoppedAt.map(Timestamp.iso)
        }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(name, forKey: .name)
            try c.encode(placement, forKey: .placement)
            try c.encode(arms, forKey: .arms)
            try c.encode(holdoutPercent, forKey: .holdoutPercent)
            try c.encode(unit, forKey: .unit)
            try c.encode(startedAt, forKey: .startedAt)
            try c.encode(stoppedAt, forKey: .stoppedAt)  // null while running: the schema requires the key
        }
    }

    /// openapi.yaml's `ExperimentResults`.
    struct ResultsJSON: Codable, Hashable, Sendable {
        var experiment: ExperimentJSON
        var arms: [ExperimentResults.ArmJSON]
        var comparisons: [ExperimentResults.ComparisonJSON]
    }

    func list() throws -> Components.Schemas.ExperimentList {
        .init(experiments: try services.store.experiments().map(ExperimentJSON.init))
    }

    func create(_ body: CreatePayload) throws -> ExperimentJSON {
        let spec = ExperimentSpec(
            name: body.name, placement: body.placement,
            arms: body.arms.sorted { $0.key < $1.key }.map {
                .init(name: $0.key, recipe: $0.value.recipe, share: $0.value.share)
            },
            holdoutPercent: body.holdoutPercent, unit: body.unit)
        do {
            let record = try services.shop.createExperiment(spec)
            services.experiments.invalidate()
            return ExperimentJSON(record)
        } catch let error as ExperimentSpecError where error.unknownRecipe {
            // Well formed, but the shop's rules file has no such recipe: a conflict with the shop's state.
            throw APIError(.conflict, error.message, field: error.field)
        } catch let error as ExperimentSpecError {
            throw APIError.badRequest(error.message, field: error.field)
        } catch let error as ExperimentStoreError {
            throw APIError(.conflict, error.description)
        }
    }

    func results(name: String) throws -> ResultsJSON {
        let results = try Self.found { try services.shop.experimentResults(named: name) }
        return ResultsJSON(
            experiment: ExperimentJSON(results.experiment), arms: results.arms.map(\.json),
            comparisons: results.comparisons.map(\.json))
    }

    func stop(name: String) throws -> ExperimentJSON {
        let record = try Self.found { try services.shop.stopExperiment(named: name) }
        services.experiments.invalidate()
        return ExperimentJSON(record)
    }

    static func found<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let error as ExperimentStoreError {
            throw APIError(.notFound, error.description)
        }
    }
}
