import Foundation
import Testing

@testable import RegularsData
@testable import RegularsDemo

/// One shop for the whole file: generation is pure, so every test may share it.
private let shop = DemoShop.generate(settings: .init())
private let lastDay = Int(shop.settings.lastDay.timeIntervalSince1970 / 86_400)
/// A smaller shop of the same kind for the export checks (parsing 10 MB is slow in debug builds).
private let small: DemoShop = {
    var settings = DemoShop.Settings()
    settings.customerCount = 300
    settings.guestOrderCount = 20
    return DemoShop.generate(settings: settings)
}()
private let ordersText = small.ordersCSV()
private let productsText = small.productsCSV()

/// The UTC day number of an order (orders are placed 07:00–23:59 UK time, so it is also the local day).
private func day(_ date: Date) -> Int { Int((date.timeIntervalSince1970 / 86_400).rounded(.down)) }

/// Each registered customer's orders, oldest first, keyed by customer id.
private let ordersByCustomer: [CustomerID: [DemoOrder]] = Dictionary(grouping: shop.orders, by: \.order.customerID)

/// The days on which `customer` bought any of `skus`, without repeats.
private func purchaseDays(of customer: CustomerID, _ skus: Set<SKU>) -> [Int] {
    let days = (ordersByCustomer[customer] ?? []).filter { $0.lines.contains { skus.contains($0.sku) } }
    return Array(Set(days.map { day($0.order.createdAt) })).sorted()
}

private func median(_ values: [Int]) -> Double {
    let sorted = values.sorted()
    let mid = sorted.count / 2
    return sorted.count % 2 == 1 ? Double(sorted[mid]) : Double(sorted[mid - 1] + sorted[mid]) / 2
}

@Suite("DemoShop")
struct DemoShopTests {
    @Test("the same seed gives the same CSV bytes, another seed another shop")
    func determinism() {
        let again = DemoShop.generate(settings: .init())
        #expect(again.ordersCSV() == shop.ordersCSV())
        #expect(again.productsCSV() == shop.productsCSV())
        var other = small.settings
        other.seed = 7
        #expect(DemoShop.generate(settings: other).ordersCSV() != ordersText)
    }

    @Test("counts of customers, products, categories and orders are those of a small shop")
    func counts() {
        #expect((2_000...2_200).contains(shop.customers.count))
        #expect(shop.customers.filter { $0.email == nil }.count == shop.settings.guestOrderCount)
        #expect((250...320).contains(shop.products.count))
        #expect(Set(shop.products.compactMap(\.category)).count >= 10)
        #expect((8_000...20_000).contains(shop.orders.count))
        #expect(shop.orderLines.count > shop.orders.count)
        #expect(shop.orders.first?.order.id == "#1001")
        #expect(shop.orders.last?.order.id == "#\(1_000 + shop.orders.count)")
        #expect(zip(shop.orders, shop.orders.dropFirst()).allSatisfy { $0.order.createdAt <= $1.order.createdAt })
        #expect(day(shop.orders.last!.order.createdAt) <= lastDay)
        #expect(day(shop.orders.first!.order.createdAt) > lastDay - shop.settings.days)
    }

    @Test("coffee drinkers reorder beans about every 30 days, candle lovers about every 60")
    func replenishment() {
        func gaps(_ trait: DemoShop.Profile.Traits, _ skus: [SKU]) -> [Int] {
            shop.profiles.filter { $0.traits.contains(trait) }.flatMap { profile -> [Int] in
                let days = purchaseDays(of: profile.customerID, Set(skus))
                return zip(days, days.dropFirst()).map { $1 - $0 }
            }
        }
        let coffee = gaps(.coffee, DemoShop.GroundTruth.coffeeBeans)
        #expect(coffee.count > 500)
        #expect(abs(median(coffee) - 30) <= 3)
        let candles = gaps(.candles, DemoShop.GroundTruth.candles)
        #expect(candles.count > 100)
        #expect(abs(median(candles) - 60) <= 5)
    }

    @Test("a soil amendment follows most raised-bed kits by 42 to 56 days")
    func nextStepWithLag() {
        let kits = Set(DemoShop.GroundTruth.raisedBedKits)
        let amendments = Set(DemoShop.GroundTruth.soilAmendments)
        var kitsWithTime = 0
        var followed = 0
        for (customer, _) in ordersByCustomer {
            let soilDays = purchaseDays(of: customer, amendments)
            for kitDay in purchaseDays(of: customer, kits) where kitDay + 56 <= lastDay {
                kitsWithTime += 1
                if let next = soilDays.first(where: { $0 > kitDay }),
                    DemoShop.GroundTruth.soilAmendmentLagDays
                        .contains(next - kitDay)
                {
                    followed += 1
                }
            }
        }
        #expect(kitsWithTime > 100)
        #expect(Double(followed) / Double(kitsWithTime) >= 0.7)
        let kitMonths = shop.orders.filter { $0.lines.contains { kits.contains($0.sku) } }
            .map { Calendar.utc.component(.month, from: $0.order.createdAt) }
        #expect(kitMonths.allSatisfy { (3...5).contains($0) })
    }

    @Test("most skillet buyers also buy the care kit, many in the same order, and an oven mitt")
    func complements() {
        let buyers = ordersByCustomer.keys.filter { !purchaseDays(of: $0, [DemoShop.GroundTruth.skillet]).isEmpty }
        let withKit = buyers.filter { !purchaseDays(of: $0, [DemoShop.GroundTruth.careKit]).isEmpty }
        let withMitt = buyers.filter { !purchaseDays(of: $0, Set(DemoShop.GroundTruth.ovenMitts)).isEmpty }
        let sameOrder = shop.orders.filter { order in
            order.lines.contains { $0.sku == DemoShop.GroundTruth.skillet }
                && order.lines.contains { $0.sku == DemoShop.GroundTruth.careKit }
        }
        #expect(buyers.count > 150)
        #expect(Double(withKit.count) / Double(buyers.count) >= 0.7)
        #expect(Double(withMitt.count) / Double(buyers.count) >= 0.5)
        #expect(Double(sameOrder.count) / Double(buyers.count) >= 0.4)
    }

    @Test("gift sets sell mostly in November and December")
    func seasonality() {
        let giftSets = Set(DemoShop.GroundTruth.giftSets)
        let months = shop.orders.flatMap { order in
            order.lines.filter { giftSets.contains($0.sku) }.map { _ in
                Calendar.utc.component(.month, from: order.order.createdAt)
            }
        }
        #expect(months.count > 300)
        #expect(Double(months.filter { $0 >= 11 }.count) / Double(months.count) >= 0.8)
    }

    @Test("new, lapsed, loyal and guest customers look like their lifecycle")
    func lifecycles() {
        func orderDays(_ profile: DemoShop.Profile) -> [Int] {
            (ordersByCustomer[profile.customerID] ?? []).map { day($0.order.createdAt) }
        }
        let new = shop.profiles.filter { $0.lifecycle == .new }
        #expect(new.count >= 50)
        #expect(new.allSatisfy { orderDays($0).min()! > lastDay - 30 })
        let lapsed = shop.profiles.filter { $0.lifecycle == .lapsed }
        #expect(lapsed.count >= 150)
        #expect(lapsed.allSatisfy { (183...548).contains(lastDay - orderDays($0).max()!) })
        let loyal = shop.profiles.filter { $0.lifecycle == .loyal }
        #expect(loyal.count >= 100)
        #expect(loyal.filter { orderDays($0).count >= 8 }.count * 10 >= loyal.count * 9)
        #expect(loyal.allSatisfy { lastDay - orderDays($0).max()! <= 30 })
        let guests = shop.profiles.filter { $0.lifecycle == .guest }
        #expect(guests.allSatisfy { orderDays($0).count == 1 && $0.customerID.hasPrefix("guest:#") })
        #expect(shop.customers.contains { $0.acceptsMarketing } && shop.customers.contains { !$0.acceptsMarketing })
    }

    @Test("the catalog and orders hold the edge cases the models must handle")
    func edgeCases() {
        let sensitive = shop.products.filter(\.sensitive)
        #expect(!sensitive.isEmpty)
        #expect(sensitive.allSatisfy { $0.category == DemoShop.GroundTruth.sensitiveCategory })
        #expect(shop.outOfStockSKUs.count >= 3)
        #expect(shop.unsoldSKUs.count >= 3)
        #expect(shop.newArrivalSKUs.count >= 5)
        #expect(shop.products.contains { $0.status == "draft" } && shop.products.contains { $0.status == "archived" })
        #expect(!shop.cancelledOrderIDs.isEmpty && !shop.refundedOrderIDs.isEmpty)
        #expect(shop.orders.contains { $0.order.discountCode != nil })
        let unbalanced = shop.orders.filter { demo in
            let subtotal = demo.lines.reduce(Money.zero) { $0 + $1.unitPrice * $1.quantity }
            return demo.subtotal != subtotal || demo.lineDiscounts.reduce(Money.zero, +) != demo.discountAmount
                || demo.order.total != subtotal - demo.discountAmount + demo.shipping
        }
        #expect(unbalanced.map(\.order.id) == [])
    }

    @Test("UK offsets switch at 01:00 UTC on the last Sundays of March and October")
    func localTime() {
        let spring = Int64(DemoCalendar.days(year: 2024, month: 3, day: 31)) * 86_400 + 3_600
        let autumn = Int64(DemoCalendar.days(year: 2024, month: 10, day: 27)) * 86_400 + 3_600
        #expect(DemoCalendar.shopifyTimestamp(spring - 1) == "2024-03-31 00:59:59 +0000")
        #expect(DemoCalendar.shopifyTimestamp(spring) == "2024-03-31 02:00:00 +0100")
        #expect(DemoCalendar.shopifyTimestamp(autumn - 1) == "2024-10-27 01:59:59 +0100")
        #expect(DemoCalendar.shopifyTimestamp(autumn) == "2024-10-27 01:00:00 +0000")
    }
}

@Suite("DemoShop exports")
struct DemoShopExportTests {
    @Test("the orders CSV has Shopify's header, one row per line and order fields on first rows only")
    func ordersExport() throws {
        let records = MinimalCSV.parse(ordersText)
        let header = try #require(records.first)
        #expect(header == DemoShop.ordersExportHeader)
        for name in [
            "Name", "Email", "Financial Status", "Created at", "Lineitem quantity", "Lineitem name",
            "Lineitem price", "Lineitem sku", "Total", "Discount Code", "Cancelled at", "Refunded Amount", "Id",
        ] {
            #expect(header.contains(name))
        }
        let rows = records.dropFirst()
        #expect(rows.allSatisfy { $0.count == header.count })
        #expect(rows.count == small.orderLines.count)
        let column = { (name: String) in header.firstIndex(of: name)! }
        #expect(Set(rows.map { $0[column("Name")] }).count == small.orders.count)
        let firstRows = rows.filter { !$0[column("Financial Status")].isEmpty }
        #expect(firstRows.count == small.orders.count)
        #expect(
            rows.allSatisfy {
                $0[column("Created at")].wholeMatch(of: /\d{4}-\d\d-\d\d \d\d:\d\d:\d\d \+0[01]00/) != nil
            })
        #expect(rows.contains { $0[column("Email")].isEmpty })
        #expect(
            firstRows.contains { $0[column("Financial Status")] == "voided" && !$0[column("Cancelled at")].isEmpty })
    }

    @Test("the products CSV has the current header, one row per variant plus image-only rows")
    func productsExport() throws {
        let records = MinimalCSV.parse(productsText)
        let header = try #require(records.first)
        #expect(header == DemoShop.productsExportHeader)
        for name in [
            "Title", "URL handle", "Description", "Vendor", "Type", "Tags", "Status", "SKU", "Price",
            "Compare-at price", "Cost per item", "Inventory quantity",
        ] {
            #expect(header.contains(name))
        }
        let rows = records.dropFirst()
        #expect(rows.allSatisfy { $0.count == header.count })
        let sku = header.firstIndex(of: "SKU")!
        #expect(rows.filter { !$0[sku].isEmpty }.map { $0[sku] } == small.products.map(\.sku))
        #expect(rows.contains { $0[sku].isEmpty })  // image-only rows
        #expect(rows.contains { $0[header.firstIndex(of: "Description")!].contains("\"") })
    }

    @Test("write(to:) puts both exports in the folder")
    func writesFiles() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("regulars-demo-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try small.write(to: folder)
        let orders = try Data(contentsOf: folder.appendingPathComponent("orders_export.csv"))
        let products = try Data(contentsOf: folder.appendingPathComponent("products_export.csv"))
        #expect(orders == Data(ordersText.utf8))
        #expect(products == Data(productsText.utf8))
    }
}

/// A minimal RFC 4180 reader, independent of the importers', to check the exports from the outside.
private enum MinimalCSV {
    static func parse(_ text: String) -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var field: [UInt8] = []
        var quoted = false
        let bytes = Array(text.utf8)
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            if quoted {
                if byte == 0x22, i + 1 < bytes.count, bytes[i + 1] == 0x22 {
                    field.append(0x22)
                    i += 1
                } else if byte == 0x22 {
                    quoted = false
                } else {
                    field.append(byte)
                }
            } else if byte == 0x22 {
                quoted = true
            } else if byte == 0x2C {
                record.append(String(decoding: field, as: UTF8.self))
                field.removeAll(keepingCapacity: true)
            } else if byte == 0x0A {
                record.append(String(decoding: field, as: UTF8.self))
                field.removeAll(keepingCapacity: true)
                records.append(record)
                record.removeAll(keepingCapacity: true)
            } else if byte != 0x0D {
                field.append(byte)
            }
            i += 1
        }
        if !field.isEmpty || !record.isEmpty {
            record.append(String(decoding: field, as: UTF8.self))
            records.append(record)
        }
        return records
    }
}

extension Calendar {
    fileprivate static let utc: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()
}
