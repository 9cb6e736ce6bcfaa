import Foundation
import RegularsTestSupport
import Testing

@testable import RegularsData

@Suite("Stated preferences in the store")
struct StatedPreferencesStoreTests {
    @Test(
        "an answer replaces the earlier one, is read back whole, and is not read once expired",
        arguments: StoreKind.available)
    func roundTrip(kind: StoreKind) throws {
        let store = try TemporaryStore.make(kind)
        let now = Fixtures.day("2024-06-30")
        let first = StatedPreferences(
            customerID: "C-1", categories: ["Candles"], statedAt: now, expiresAt: now.addingTimeInterval(86_400))
        try store.record(preferences: first)
        var second = first
        second.categories = ["Garden", "Candles"]
        second.priceBands = [PriceBand(minimum: Money(units: 100_000), maximum: nil)]
        second.fewerEmails = true
        try store.record(preferences: second)
        #expect(try store.statedPreferences(at: now) == ["C-1": second])
        #expect(try store.statedPreferences(at: now.addingTimeInterval(86_400)).isEmpty)
    }

    @Test("price bands cut at the catalog's terciles, whole units, each price in exactly one band")
    func bands() {
        let prices = [5, 8, 9, 12, 15, 18, 24, 30, 45].map { Money(units: Int64($0) * Money.scale + 5_000) }
        let bands = PriceBand.terciles(of: prices)
        #expect(bands.count == 3)
        #expect(
            bands[0].maximum == Money(units: 12 * Money.scale) && bands[2].minimum == Money(units: 24 * Money.scale))
        for price in prices { #expect(bands.filter { $0.contains(price) }.count == 1) }
    }

    @Test("a preference link names its customer until it expires; another purpose's token or another key does not")
    func link() {
        let key = [UInt8](repeating: 3, count: 32)
        let now = Fixtures.day("2024-06-30")
        let token = PreferenceLink.token(customer: "C-1", key: key, now: now)
        #expect(PreferenceLink.customer(in: token, key: key, now: now) == "C-1")
        #expect(PreferenceLink.customer(in: token, key: key, now: now.addingTimeInterval(59 * 86_400)) == "C-1")
        #expect(PreferenceLink.customer(in: token, key: key, now: now.addingTimeInterval(62 * 86_400)) == nil)
        #expect(PreferenceLink.customer(in: token, key: [UInt8](repeating: 4, count: 32), now: now) == nil)
        let pageToken = CustomerToken.make(customer: "C-1", key: key, now: now)
        #expect(PreferenceLink.customer(in: pageToken, key: key, now: now) == nil)
        // An id with the separator in it is still one customer.
        let odd = PreferenceLink.token(customer: "a|b@example.com", key: key, now: now)
        #expect(PreferenceLink.customer(in: odd, key: key, now: now) == "a|b@example.com")
    }
}
