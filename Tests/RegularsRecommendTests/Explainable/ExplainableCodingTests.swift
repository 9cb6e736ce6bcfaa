import Foundation
import RegularsData
import RegularsDemo
import Testing

@testable import RegularsRecommend

@Suite("Explainable models in a model file")
struct ExplainableCodingTests {
    static func roundTrip<Model: Codable>(_ model: Model) throws -> Model {
        try JSONDecoder().decode(Model.self, from: JSONEncoder().encode(model))
    }

    @Test("each model trained on the demo shop answers the same after a JSON round trip")
    func roundTrips() throws {
        let snapshot = ExplainableFixtures.demoSnapshot
        let asOf = snapshot.asOf
        let skillet = ExplainableFixtures.demoProduct(DemoShop.GroundTruth.skillet)
        let kit = ExplainableFixtures.demoProduct(DemoShop.GroundTruth.raisedBedKits[0])
        let customers = (0..<Int32(snapshot.customerCount)).filter { $0 % 50 == 0 }

        let popular = PopularModel.train(on: snapshot, asOf: asOf)
        let popularCopy = try Self.roundTrip(popular)
        #expect(popularCopy.top(limit: 10) == popular.top(limit: 10))
        #expect(popularCopy.trending(limit: 10, category: 0) == popular.trending(limit: 10, category: 0))

        let replenishment = ReplenishmentModel.train(on: snapshot, asOf: asOf)
        let replenishmentCopy = try Self.roundTrip(replenishment)
        for customer in customers {
            #expect(replenishmentCopy.timing(for: customer) == replenishment.timing(for: customer))
        }

        let complements = ComplementsModel.train(on: snapshot, asOf: asOf)
        #expect(
            try Self.roundTrip(complements).complements(of: [skillet], limit: 10)
                == complements.complements(of: [skillet], limit: 10))

        let nextStep = NextStepModel.train(on: snapshot, asOf: asOf)
        let nextStepCopy = try Self.roundTrip(nextStep)
        #expect(nextStepCopy.nextSteps(after: kit) == nextStep.nextSteps(after: kit))
        for customer in customers {
            #expect(nextStepCopy.upcoming(for: customer, limit: 5) == nextStep.upcoming(for: customer, limit: 5))
        }

        let similar = SimilarItemsModel.train(on: snapshot, asOf: asOf)
        #expect(try Self.roundTrip(similar).similar(to: kit, limit: 10) == similar.similar(to: kit, limit: 10))
    }

    @Test("quartiles interpolate between order statistics (Hyndman & Fan type 7)")
    func quartiles() throws {
        let q = try #require(Quartiles(sorted: [1, 2, 3, 4][...]))
        #expect(q == Quartiles(p25: 1.75, median: 2.5, p75: 3.25))
        #expect(Quartiles(sorted: [7][...]) == Quartiles(p25: 7, median: 7, p75: 7))
        #expect(Quartiles(sorted: [][...]) == nil)
    }
}
