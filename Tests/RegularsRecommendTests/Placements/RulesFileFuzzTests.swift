import Foundation
import RegularsData
import RegularsDemo
import RegularsTestSupport
import Testing

@testable import RegularsRecommend

/// Mutation fuzzing of the rules file: a mutated file is read or refused with an error naming the file, and rules
/// that read serve every placement without a crash (a slot of 0, a cap below zero, a price range upside down).
@Suite("Fuzzing the rules file", .timeLimit(.minutes(5)))
struct RulesFileFuzzTests {
    typealias Truth = DemoShop.GroundTruth

    @Test("a mutated rules file is refused naming the file, or serves every placement")
    func rulesFile() throws {
        var rules = MerchandisingRules()
        rules.pins = [.init(sku: Truth.candles[2], placement: .checkout, slot: 2)]
        rules.excludedSKUs = [Truth.careKit]
        rules.excludedCategories = ["kitchen textiles"]
        let folder = try Fixtures.temporaryDirectory()
        let url = folder.appendingPathComponent("shop.rules.json")
        try rules.save(to: url)
        let seed = try Array(Data(contentsOf: url))
        var mutator = Mutator(seed: 3)
        let runs = ProcessInfo.processInfo.environment["FUZZ_RUNS"].flatMap(Int.init) ?? 150
        var served = 0
        for run in 0..<runs {
            try Data(mutator.mutate(seed)).write(to: url)
            let loaded: MerchandisingRules
            do {
                loaded = try MerchandisingRules.load(from: url)
            } catch {
                #expect("\(error)".contains("shop.rules.json"), "#\(run): \(error)")
                continue
            }
            for placement in Placement.allCases {
                _ = try? PlacementFixtures.list(
                    .init(
                        placement: placement, customer: PlacementFixtures.busiestCustomers.first,
                        product: Truth.skillet, cart: [Truth.skillet], limit: 6), rules: loaded)
            }
            served += 1
        }
        print("fuzz: rules file, \(runs) inputs, \(served) read and served every placement, 0 crashes")
    }
}
