import RegularsData
import Testing

@Suite("Money")
struct MoneyTests {
    @Test("parses decimals exactly, up to four places")
    func parsing() {
        #expect(Money(parsing: "2.55")?.units == 25_500)
        #expect(Money(parsing: "12")?.units == 120_000)
        #expect(Money(parsing: "0.001")?.units == 10)
        #expect(Money(parsing: "-3.5")?.units == -35_000)
        #expect(Money(parsing: "1,234.50")?.units == 12_345_000)
        #expect(Money(parsing: "1.23456") == nil)
        #expect(Money(parsing: "abc") == nil)
        #expect(Money(parsing: "") == nil)
        #expect(Money(parsing: "1.2.3") == nil)
        #expect(Money(parsing: "1,5") == nil)
        #expect(Money(parsing: "12,345,678")?.units == 123_456_780_000)
    }

    @Test("shows two decimals, rounding half away from zero, and keeps every decimal in exact form")
    func formatting() {
        #expect(Money(units: 25_500).description == "2.55")
        #expect(Money(units: 10).description == "0.00")
        #expect(Money(units: 50).description == "0.01")
        #expect(Money(units: -35_000).description == "-3.50")
        #expect(Money(units: 10).exactDescription == "0.001")
        #expect(Money(units: 25_500).exactDescription == "2.55")
    }
}
