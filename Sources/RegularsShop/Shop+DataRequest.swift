import Foundation
import RegularsData

/// What the store holds about one customer, for the shop owner to hand them (a data-access request).
public struct CustomerDataExport: Sendable, Encodable {
    public struct Line: Sendable, Encodable {
        var order: String
        var at: String
        var sku: String
        var quantity: Int
        var unitPrice: String

        enum CodingKeys: String, CodingKey {
            case order, at, sku, quantity
            case unitPrice = "unit_price"
        }
    }

    public var requestedAt: String
    public var customerIDs: [String]
    public var emails: [String]
    public var firstNames: [String]
    public var orderLines: [Line]
    public var events: [ShopEvent]
    public var statedPreferences: [StatedPreferences]

    enum CodingKeys: String, CodingKey {
        case emails, events
        case requestedAt = "requested_at"
        case customerIDs = "customer_ids"
        case firstNames = "first_names"
        case orderLines = "order_lines"
        case statedPreferences = "stated_preferences"
    }
}

extension Shop {
    /// Where data-request files go: `shop.data-requests/` beside the store.
    public var dataRequestFolder: URL { StorePaths.sibling(of: storePath, suffix: ".data-requests") }

    /// Writes what the store holds about `id` (a customer id, or an e-mail naming every record that has it) to
    /// `shop.data-requests/NAME.json`, owner-only and noted for erasure, and returns its path.
    public func writeDataRequest(for id: String, name: String) throws -> URL {
        let who = try store.personalIdentifiers(of: id)
        let now = clock()
        let lines = try store.placedLines(from: 0, to: Int64.max).filter {
            $0.customerID.map(who.ids.contains) ?? false
        }
        var events: [ShopEvent] = []
        for customer in who.ids.sorted() { events += try store.events(ofCustomer: customer) }
        let stated = try store.statedPreferences(at: now).values.filter { who.ids.contains($0.customerID) }
        let export = CustomerDataExport(
            // The e-mail the request named is among `who.ids` (erasure looks for it as an id too); it is listed once,
            // as an e-mail.
            requestedAt: Timestamp.iso(Int64(now.timeIntervalSince1970)),
            customerIDs: who.ids.filter { !who.emails.contains($0.lowercased()) }.sorted(),
            emails: who.emails.sorted(), firstNames: who.names.sorted(),
            orderLines: lines.map {
                .init(
                    order: $0.orderID, at: Timestamp.iso($0.at), sku: $0.sku, quantity: $0.quantity,
                    unitPrice: $0.unitPrice.description)
            }, events: events, statedPreferences: stated.sorted { $0.customerID < $1.customerID })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let safeName = String(name.map { $0.isLetter || $0.isNumber || $0 == "-" ? $0 : "-" }.prefix(80))
        let url = dataRequestFolder.appendingPathComponent("data-request-\(safeName).json")
        try FileManager.default.createDirectory(at: dataRequestFolder, withIntermediateDirectories: true)
        try writePersonalFile(try encoder.encode(export), to: url, kind: .dataRequest)
        return url
    }
}
