import Foundation
import RegularsData
import Testing

@testable import RegularsContent

@Suite("Redacting what is personal before a prompt leaves")
struct RedactorTests {
    static func snapshot() -> Snapshot {
        var builder = SnapshotBuilder(asOf: Date(timeIntervalSince1970: 1_800_000_000))
        builder.add(customer: Customer(id: "c-a8b6182a54138bec", email: "oliver.k@example.com", firstName: "Oliver"))
        builder.add(customer: Customer(id: "c-2", email: "rose@example.com", firstName: "Rose"))
        builder.add(product: Product(sku: "CANDLE-ROSE", title: "Rose Candle"))
        _ = builder.add(
            line: .init(orderID: "SHOP-5521", customerID: "c-2", orderedAt: 1_700_000_000, sku: "CANDLE-ROSE"))
        return builder.build()
    }

    @Test(
        "names with a surname, e-mails, phones, addresses, postcodes and shop ids go; titles, prices and dates stay"
    )
    func knownAnswer() {
        let text =
            "Hi Oliver Kowalski (Oliver.K@example.com, +44 7700 900123), 149 Kings Road, EX7 7NA, order #1001, "
            + "SHOP-5521 and c-a8b6182a54138bec; the Rose Candle is £12.00 until 2025-06-30 for 3 customers; "
            + "rose loved it. Write to jane@elsewhere.org."
        let (redacted, replaced) = Redactor(snapshot: Self.snapshot()).redact(text)
        #expect(
            redacted
                == "Hi [name] ([email], [phone]), [address], [postcode], order [order], [id] and [id]; the Rose Candle "
                + "is £12.00 until 2025-06-30 for 3 customers; [name] loved it. Write to [email].")
        #expect(replaced == 10)
    }
}
