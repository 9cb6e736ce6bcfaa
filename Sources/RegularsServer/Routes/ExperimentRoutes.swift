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

    /// openapi.yaml's `Experiment` and `ExperimentResults`: the shapes the CLI's `--json` prints too.
    typealias ExperimentJSON = ExperimentRecord.JSON
    typealias ResultsJSON = ExperimentResults.JSON

    func list() throws -> Components.Schemas.ExperimentList {
        .init(experiments: try services.store.experiments().map(\.json))
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
            return record.json
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
        try Self.found { try services.shop.experimentResults(named: name) }.json
    }

    func stop(name: String) throws -> ExperimentJSON {
        let record = try Self.found { try services.shop.stopExperiment(named: name) }
        services.experiments.invalidate()
        return record.json
    }

    static func found<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let error as ExperimentStoreError {
            throw APIError(.notFound, error.description)
        }
    }
}
