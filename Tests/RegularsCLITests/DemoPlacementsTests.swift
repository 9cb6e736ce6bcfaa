import Foundation
import RegularsData
import RegularsDemo
import RegularsRecommend
import Testing

@testable import RegularsCLI

@Suite("Demo placements showcase")
struct DemoPlacementsTests {
    /// The demo shop's models, trained as `regulars demo` would (cancelled and refunded orders left out).
    static let models: ModelSet = {
        return ModelSet.train(on: DemoShop.generate().snapshot(), trainedAt: Date(timeIntervalSince1970: 0))
    }()

    @Test("shows an anonymous visitor and three customers, each placement with reasons")
    func showcase() {
        let text = DemoPlacements.showcase(models: Self.models, rules: MerchandisingRules())
        print(text)
        #expect(text.contains("Cast-Iron Care Kit — Often bought together with the Lodge Cast-Iron Skillet 10.25 in"))
        #expect(text.contains("A coffee drinker"))
        #expect(text.contains("A recent raised-bed buyer"))
        #expect(text.contains("email.post_purchase:"))
        #expect(text.contains("Time to restock"))
        #expect(!text.contains("Wellness & pregnancy"))
    }
}
