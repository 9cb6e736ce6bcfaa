import Foundation
import RegularsData
import Testing

@testable import RegularsContent

@Suite("Copy variation and timing words")
struct CopyVariationTests {
    @Test("the same customer and slot always pick the same phrasing")
    func deterministic() {
        let a = CopyVariation.index(customer: "c-0001", slot: "lapsed/subject", count: 4)
        for _ in 0..<5 { #expect(CopyVariation.index(customer: "c-0001", slot: "lapsed/subject", count: 4) == a) }
        #expect(CopyVariation.hash("abc") == 0xe71f_a219_0541_574b)  // FNV-1a 64 reference value
    }

    @Test("phrasings spread over customers, and differ between slots")
    func spread() {
        let picks = (0..<400).map { CopyVariation.index(customer: "c-\($0)", slot: "lapsed/intro", count: 3) }
        for option in 0..<3 { #expect(picks.filter { $0 == option }.count > 80) }
        let other = (0..<400).map { CopyVariation.index(customer: "c-\($0)", slot: "lapsed/subject", count: 3) }
        #expect(picks != other)
    }

    @Test("a lapsed campaign's subjects and intros vary across recipients, and differ from the loyal campaign's")
    func variesAcrossRecipientsAndSegments() async {
        let lapsed = await Campaign.make(segment: .lapsed, inputs: DemoCampaign.inputs(), limit: 40)
        let loyal = await Campaign.make(segment: .loyal, inputs: DemoCampaign.inputs(), limit: 40)
        #expect(Set(lapsed.emails.map(\.subject)).count > 10)
        #expect(Set(lapsed.emails.map { String($0.intro.prefix(20)) }).count >= 3)
        #expect(Set(lapsed.emails.map(\.intro)).isDisjoint(with: Set(loyal.emails.map(\.intro))))
        let again = await Campaign.make(segment: .lapsed, inputs: DemoCampaign.inputs(), limit: 40)
        #expect(again.emails == lapsed.emails)
        #expect(lapsed.emails.allSatisfy { !$0.greeting.contains("Valued") })
    }

    @Test("days read as people say them")
    func timeInWords() {
        #expect(TimeInWords.span(days: 2) == "a few days")
        #expect(TimeInWords.span(days: 14) == "two weeks")
        #expect(TimeInWords.span(days: 91) == "three months")
        #expect(TimeInWords.span(days: 180) == "six months")
        #expect(TimeInWords.span(days: 400) == "a year")
        #expect(TimeInWords.span(days: 800) == "two years")
    }

    @Test("short titles drop sizes and variants: the skillet is 'Lodge Cast-Iron Skillet'")
    func shortTitles() {
        #expect(LastPurchase.shortTitle("Lodge Cast-Iron Skillet 10.25 in") == "Lodge Cast-Iron Skillet")
        #expect(LastPurchase.shortTitle("Handmade Mug - Ink") == "Handmade Mug")
        #expect(LastPurchase.shortTitle("Swiss Water Decaf - 250 g") == "Swiss Water Decaf")
        #expect(LastPurchase.shortTitle("Paper Filters, Size 02 (100)") == "Paper Filters")
        #expect(LastPurchase.shortTitle("Espresso Cups (2)") == "Espresso Cups")
        #expect(
            LastPurchase.shortTitle("Single-Origin Coffee Beans, Colombia Huila - 250 g")
                == "Single-Origin Coffee Beans")
    }
}
