import Foundation
import OpenAPIRuntime

/// The server's side of the generated `APIProtocol`: one method per operation in openapi.yaml that the
/// generator config includes, each handing over to the route logic of its area (`…Routes`).
///
/// Only the successful answers are returned as outputs: failures are thrown as `APIError`, which
/// `ErrorMiddleware` writes in the one error format the document describes, whatever the operation.
struct APIHandler: APIProtocol {
    let services: AppServices

    func banner(_ input: Operations.Banner.Input) async throws -> Operations.Banner.Output {
        guard let banner = try await BannerRoutes(services: services).banner(input) else { return .noContent(.init()) }
        return .ok(.init(body: .json(banner)))
    }

    func recordEvents(_ input: Operations.RecordEvents.Input) async throws -> Operations.RecordEvents.Output {
        let batch =
            switch input.body {
            case .json(let batch): batch
            }
        return .ok(.init(body: .json(try EventRoutes(services: services).record(batch))))
    }

    func upsertProduct(_ input: Operations.UpsertProduct.Input) async throws -> Operations.UpsertProduct.Output {
        let body =
            switch input.body {
            case .json(let body): body
            }
        let stored = try await UpsertRoutes(services: services).putProduct(sku: input.path.sku, body)
        return .ok(.init(body: .json(stored)))
    }

    func upsertCustomer(_ input: Operations.UpsertCustomer.Input) async throws -> Operations.UpsertCustomer.Output {
        let body =
            switch input.body {
            case .json(let body): body
            }
        let stored = try await UpsertRoutes(services: services).putCustomer(id: input.path.id, body)
        return .ok(.init(body: .json(stored)))
    }

    func upsertOrder(_ input: Operations.UpsertOrder.Input) async throws -> Operations.UpsertOrder.Output {
        let body =
            switch input.body {
            case .json(let body): body
            }
        return .ok(.init(body: .json(try await UpsertRoutes(services: services).postOrder(body))))
    }

    func showCustomer(_ input: Operations.ShowCustomer.Input) async throws -> Operations.ShowCustomer.Output {
        .ok(.init(body: .json(try await CustomerRoutes(services: services).show(id: input.path.id))))
    }

    func eraseCustomer(_ input: Operations.EraseCustomer.Input) async throws -> Operations.EraseCustomer.Output {
        .ok(.init(body: .json(try await CustomerRoutes(services: services).erase(id: input.path.id))))
    }

    func customerToken(_ input: Operations.CustomerToken.Input) async throws -> Operations.CustomerToken.Output {
        .ok(.init(body: .json(try CustomerRoutes(services: services).token(id: input.path.id))))
    }

    func optOutCustomer(_ input: Operations.OptOutCustomer.Input) async throws -> Operations.OptOutCustomer.Output {
        .ok(.init(body: .json(try await CustomerRoutes(services: services).optOut(id: input.path.id))))
    }

    func listSegments(_ input: Operations.ListSegments.Input) async throws -> Operations.ListSegments.Output {
        .ok(.init(body: .json(try await SegmentRoutes(services: services).list())))
    }

    func train(_ input: Operations.Train.Input) async throws -> Operations.Train.Output {
        .ok(.init(body: .json(try await AdminRoutes(services: services).train())))
    }

    func dashboardLink(_ input: Operations.DashboardLink.Input) async throws -> Operations.DashboardLink.Output {
        .ok(.init(body: .json(try AdminRoutes(services: services).dashboardLink(keyHash: PresentedKey.current?.hash))))
    }

    func listExperiments(_ input: Operations.ListExperiments.Input) async throws
        -> Operations.ListExperiments.Output
    {
        .ok(.init(body: .json(try ExperimentRoutes(services: services).list())))
    }

    func createExperiment(_ input: Operations.CreateExperiment.Input) async throws
        -> Operations.CreateExperiment.Output
    {
        let body =
            switch input.body {
            case .json(let body): body
            }
        return .ok(.init(body: .json(try ExperimentRoutes(services: services).create(body))))
    }

    func experimentResults(_ input: Operations.ExperimentResults.Input) async throws
        -> Operations.ExperimentResults.Output
    {
        .ok(.init(body: .json(try ExperimentRoutes(services: services).results(name: input.path.name))))
    }

    func stopExperiment(_ input: Operations.StopExperiment.Input) async throws -> Operations.StopExperiment.Output {
        .ok(.init(body: .json(try ExperimentRoutes(services: services).stop(name: input.path.name))))
    }

    func health(_ input: Operations.Health.Input) async throws -> Operations.Health.Output {
        .ok(.init(body: .json(OperationsRoutes.health(models: services.models))))
    }
}
