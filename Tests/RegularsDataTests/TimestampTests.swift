import RegularsData
import Testing

@Suite("Dates in exports")
struct TimestampTests {
    @Test("reads ISO-8601 with Z, with an offset, without a zone, and a bare date")
    func isoForms() {
        #expect(Timestamp.parse("2011-12-09T12:50:00Z") == 1_323_435_000)
        #expect(Timestamp.parse("2011-12-09T13:50:00+01:00") == 1_323_435_000)
        #expect(Timestamp.parse("2011-12-09T12:50:00") == 1_323_435_000)
        #expect(Timestamp.parse("2011-12-09T12:50:00.250Z") == 1_323_435_000)
        #expect(Timestamp.parse("2011-12-09") == 1_323_388_800)
    }

    @Test("reads Shopify's '2024-04-05 21:06:21 +0400'")
    func shopifyForm() {
        #expect(Timestamp.parse("2024-04-05 21:06:21 +0400") == Timestamp.parse("2024-04-05T17:06:21Z"))
        #expect(Timestamp.parse("2024-04-05 21:06:21 -0500") == Timestamp.parse("2024-04-06T02:06:21Z"))
        #expect(Timestamp.parse("2024-04-05 21:06:21 UTC") == Timestamp.parse("2024-04-05T21:06:21Z"))
    }

    @Test(
        "refuses impossible dates and other shapes",
        arguments: [
            "2011-02-31", "2011-13-01", "31/02/2011", "2011-12-09T25:00:00Z", "", "2024-02-30 10:00:00 +0000",
            "2011-12-09X",
        ])
    func refuses(_ text: String) {
        #expect(Timestamp.parse(text) == nil)
    }

    @Test("accepts 29 February in leap years only")
    func leapYears() {
        #expect(Timestamp.parse("2024-02-29") != nil)
        #expect(Timestamp.parse("2000-02-29") != nil)
        #expect(Timestamp.parse("1900-02-29") == nil)
        #expect(Timestamp.parse("2023-02-29") == nil)
    }

    @Test("writes back what it reads")
    func roundTrip() {
        for text in ["1970-01-01T00:00:00Z", "2011-12-09T12:50:00Z", "2024-02-29T23:59:59Z", "1969-12-31T23:59:59Z"] {
            #expect(Timestamp.iso(Timestamp.parse(text)!) == text)
        }
    }
}
