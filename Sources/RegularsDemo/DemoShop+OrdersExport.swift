import Foundation
import RegularsData

extension DemoShop {
    /// The header of Shopify's orders export as of 2026 (79 columns), copied from a real export; see
    /// `Tests/Fixtures/shopify/SOURCES.md`.
    public static let ordersExportHeader: [String] = [
        "Name", "Email", "Financial Status", "Paid at", "Fulfillment Status", "Fulfilled at", "Accepts Marketing",
        "Currency", "Subtotal", "Shipping", "Taxes", "Total", "Discount Code", "Discount Amount", "Shipping Method",
        "Created at", "Lineitem quantity", "Lineitem name", "Lineitem price", "Lineitem compare at price",
        "Lineitem sku", "Lineitem requires shipping", "Lineitem taxable", "Lineitem fulfillment status",
        "Billing Name", "Billing Street", "Billing Address1", "Billing Address2", "Billing Company", "Billing City",
        "Billing Zip", "Billing Province", "Billing Country", "Billing Phone", "Shipping Name", "Shipping Street",
        "Shipping Address1", "Shipping Address2", "Shipping Company", "Shipping City", "Shipping Zip",
        "Shipping Province", "Shipping Country", "Shipping Phone", "Notes", "Note Attributes", "Cancelled at",
        "Payment Method", "Payment Reference", "Refunded Amount", "Vendor", "Outstanding Balance", "Employee",
        "Location", "Device ID", "Id", "Tags", "Risk Level", "Source", "Lineitem discount", "Tax 1 Name",
        "Tax 1 Value", "Tax 2 Name", "Tax 2 Value", "Tax 3 Name", "Tax 3 Value", "Tax 4 Name", "Tax 4 Value",
        "Tax 5 Name", "Tax 5 Value", "Phone", "Receipt Number", "Duties", "Billing Province Name",
        "Shipping Province Name", "Payment ID", "Payment Terms Name", "Next Payment Due At", "Payment References",
    ]

    /// The orders in Shopify's orders-export format: one row per line item; order-level fields on an
    /// order's first row only; continuation rows repeat `Name`, `Email` and `Created at`.
    public func ordersCSV() -> String { String(decoding: ordersCSVBytes(), as: UTF8.self) }

    /// `ordersCSV()` as UTF-8 bytes, without the detour through `String`.
    func ordersCSVBytes() -> [UInt8] {
        var csv = DemoCSV(header: Self.ordersExportHeader)
        let productBySKU = Dictionary(uniqueKeysWithValues: products.map { ($0.sku, $0) })
        for demo in orders {
            let person = people[demo.customerIndex]
            let order = demo.order
            let created = stamp(order.createdAt)
            let email = person.email ?? ""
            for (i, line) in demo.lines.enumerated() {
                let product = productBySKU[line.sku]!
                var fields: [(String, String)] = [
                    ("Name", order.id), ("Email", email), ("Created at", created),
                    ("Lineitem quantity", String(line.quantity)), ("Lineitem name", line.productName),
                    ("Lineitem price", DemoCSV.amount(line.unitPrice)),
                    ("Lineitem compare at price", product.compareAtPrice.map(DemoCSV.amount) ?? ""),
                    ("Lineitem sku", line.sku), ("Lineitem requires shipping", "true"), ("Lineitem taxable", "true"),
                    ("Lineitem fulfillment status", demo.fulfilledAt == nil ? "pending" : "fulfilled"),
                    ("Vendor", product.vendor ?? ""), ("Lineitem discount", DemoCSV.amount(demo.lineDiscounts[i])),
                ]
                if i == 0 { fields += orderFields(demo, person) }
                csv.append(fields)
            }
        }
        return csv.bytes
    }

    private func orderFields(_ demo: DemoOrder, _ person: DemoPerson) -> [(String, String)] {
        let pos = demo.order.source == "pos"
        let reference = demo.paidAt == nil ? "" : "c\(demo.shopifyID / 1_000).1"
        var fields: [(String, String)] = [
            ("Financial Status", demo.financialStatus.rawValue), ("Paid at", demo.paidAt.map(stamp) ?? ""),
            ("Fulfillment Status", demo.fulfilledAt == nil ? "unfulfilled" : "fulfilled"),
            ("Fulfilled at", demo.fulfilledAt.map(stamp) ?? ""),
            ("Accepts Marketing", person.acceptsMarketing ? "yes" : "no"), ("Currency", demo.order.currency ?? ""),
            ("Subtotal", DemoCSV.amount(demo.subtotal - demo.discountAmount)),
            ("Shipping", DemoCSV.amount(demo.shipping)),
            ("Taxes", DemoCSV.amount(demo.taxes)), ("Total", DemoCSV.amount(demo.order.total)),
            ("Discount Code", demo.order.discountCode ?? ""), ("Discount Amount", DemoCSV.amount(demo.discountAmount)),
            (
                "Shipping Method",
                pos ? "" : demo.shipping == .zero ? "Free delivery (3-5 days)" : "Standard (Royal Mail 2-3 days)"
            ),
            ("Cancelled at", demo.cancelledAt.map(stamp) ?? ""), ("Payment Method", demo.paymentMethod),
            ("Payment Reference", reference), ("Refunded Amount", DemoCSV.amount(demo.refundedAmount)),
            ("Outstanding Balance", "0.00"), ("Id", String(demo.shopifyID)), ("Risk Level", "Low"),
            ("Source", demo.order.source ?? ""), ("Tax 1 Name", "VAT 20%"), ("Tax 1 Value", DemoCSV.amount(demo.taxes)),
            ("Payment ID", reference), ("Payment References", reference),
        ]
        if pos {
            fields += [
                ("Employee", "Tom Hughes"), ("Location", "Bristol Shop"), ("Device ID", "1"),
                ("Receipt Number", "1-\(demo.order.id.dropFirst())"),
            ]
        }
        if person.email == nil && pos { return fields }
        let street = person.address2.isEmpty ? person.address1 : "\(person.address1), \(person.address2)"
        for prefix in ["Billing", "Shipping"] {
            fields += [
                ("\(prefix) Name", person.fullName), ("\(prefix) Street", street),
                ("\(prefix) Address1", person.address1), ("\(prefix) Address2", person.address2),
                ("\(prefix) City", person.city), ("\(prefix) Zip", person.zip), ("\(prefix) Country", "GB"),
                ("\(prefix) Phone", person.phone),
            ]
        }
        return fields
    }

    private func stamp(_ date: Date) -> String { DemoCalendar.shopifyTimestamp(Int64(date.timeIntervalSince1970)) }
}
