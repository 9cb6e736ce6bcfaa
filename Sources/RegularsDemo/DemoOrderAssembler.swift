import Foundation
import RegularsData

/// Turns planned purchases into numbered, priced orders with Shopify's payment states: discount codes,
/// free delivery over £50, VAT included, a few cancelled and refunded orders.
struct DemoOrderAssembler {
    let catalog: DemoCatalog
    let people: [DemoPerson]
    let lastDay: Int
    let firstNumber: Int
    var random: DemoRandom

    struct Result {
        var orders: [DemoOrder]
        /// Index in `orders` of each person's first order; `nil` for people who never ordered.
        var firstOrder: [Int?]
    }

    /// Numbers and prices `intents`; one person's purchases on one day become one order.
    mutating func assemble(_ intents: [DemoIntent]) -> Result {
        var merged: [DemoIntent] = []
        let sorted = intents.filter { !$0.lines.isEmpty }.sorted {
            ($0.person, $0.day, $0.localSeconds) < ($1.person, $1.day, $1.localSeconds)
        }
        for intent in sorted {
            guard var last = merged.last, last.person == intent.person, last.day == intent.day else {
                merged.append(intent)
                continue
            }
            for line in intent.lines {
                if let i = last.lines.firstIndex(where: { $0.product == line.product }) {
                    last.lines[i].quantity += line.quantity
                } else {
                    last.lines.append(line)
                }
            }
            last.planted = last.planted || intent.planted
            merged[merged.count - 1] = last
        }
        let timeline = merged.map { (DemoCalendar.instant(day: $0.day, localSeconds: $0.localSeconds), $0) }
            .sorted { ($0.0, $0.1.person) < ($1.0, $1.1.person) }

        var orders: [DemoOrder] = []
        var firstOrder = [Int?](repeating: nil, count: people.count)
        var eligible: [Bool] = []
        for (index, (instant, intent)) in timeline.enumerated() {
            let isFirst = firstOrder[intent.person] == nil
            if isFirst { firstOrder[intent.person] = index }
            orders.append(price(intent, at: instant, index: index, isFirst: isFirst))
            let canGoWrong = !intent.planted && people[intent.person].email != nil && intent.day <= lastDay - 5
            eligible.append(canGoWrong)
            let draw = random.unit()
            if canGoWrong {
                if draw < 0.004 {
                    cancel(&orders[index])
                } else if draw < 0.012 {
                    refund(&orders[index], wholly: true)
                } else if draw < 0.017, orders[index].lines.count > 1 {
                    refund(&orders[index], wholly: false)
                }
            }
        }
        // Every demo has at least one of each, whatever the seed.
        if !orders.contains(where: { $0.financialStatus == .voided }),
            let i = eligible.indices.first(where: { $0 >= 20 && eligible[$0] && orders[$0].financialStatus == .paid })
        {
            cancel(&orders[i])
        }
        if !orders.contains(where: { $0.financialStatus == .refunded }),
            let i = eligible.indices.first(where: { $0 >= 30 && eligible[$0] && orders[$0].financialStatus == .paid })
        {
            refund(&orders[i], wholly: true)
        }
        return Result(orders: orders, firstOrder: firstOrder)
    }

    private mutating func price(_ intent: DemoIntent, at instant: Int64, index: Int, isFirst: Bool) -> DemoOrder {
        let name = "#\(firstNumber + index)"
        let person = people[intent.person]
        var lines: [OrderLine] = []
        var lineTotals: [Int64] = []
        for (position, line) in intent.lines.enumerated() {
            let product = catalog.products[line.product]
            lines.append(
                OrderLine(
                    orderID: name, position: position + 1, sku: product.sku, productName: product.title,
                    quantity: line.quantity, unitPrice: product.price!))
            lineTotals.append(product.price!.units * Int64(line.quantity))
        }
        let subtotal = lineTotals.reduce(0, +)
        let month = DemoCalendar.date(ofDay: intent.day).month
        let garden = intent.lines.contains {
            [.garden, .soilAndPlantCare].contains(catalog.entries[$0.product].category)
        }
        let draw = random.unit()
        var code: String?
        var percent: Int64 = 0
        if person.email == nil {
            code = nil
        } else if isFirst, person.acceptsMarketing, draw < 0.35 {
            (code, percent) = ("WELCOME10", 10)
        } else if (3...5).contains(month), garden, draw < 0.25 {
            (code, percent) = ("SPRING10", 10)
        } else if month >= 11, draw < 0.12 {
            (code, percent) = ("GIFT15", 15)
        } else if draw > 0.975 {
            (code, percent) = ("FRIENDS20", 20)
        }
        let discount = (subtotal * percent / 100 + 50) / 100 * 100
        var lineDiscounts = lineTotals.map { subtotal == 0 ? 0 : $0 * discount / subtotal / 100 * 100 }
        lineDiscounts[0] += discount - lineDiscounts.reduce(0, +)
        let pos = intent.source == "pos"
        let shipping: Int64 = pos || subtotal - discount >= 500_000 ? 0 : 49_500
        let total = subtotal - discount + shipping
        let paymentMethod =
            pos
            ? (random.chance(0.4) ? "Cash" : "Shopify Payments")
            : (random.chance(0.8) ? "Shopify Payments" : "PayPal Express Checkout")
        // The till hands goods over at once; the web shop ships 1–3 days later in working hours.
        let fulfilled: Int64? =
            pos
            ? instant + 60
            : intent.day >= lastDay - 1
                ? nil
                : DemoCalendar.instant(
                    day: intent.day + random.int(in: 1...3), localSeconds: random.int(in: 32_400...61_200))
        return DemoOrder(
            order: Order(
                id: name, customerID: person.email ?? "", createdAt: date(instant), currency: "GBP",
                total: Money(units: total), discountCode: code, source: intent.source),
            lines: lines, financialStatus: .paid, cancelledAt: nil, refundedAmount: .zero,
            subtotal: Money(units: subtotal), discountAmount: Money(units: discount),
            lineDiscounts: lineDiscounts.map(Money.init(units:)), shipping: Money(units: shipping),
            taxes: Money(units: (total / 6 + 50) / 100 * 100), paidAt: date(instant + 1),
            fulfilledAt: fulfilled.map(date),
            paymentMethod: paymentMethod,
            shopifyID: 5_612_000_000_000 + Int64(index) * 1_217 + Int64(random.int(in: 0...999)),
            planted: intent.planted, customerIndex: intent.person)
    }

    /// Cancelled before capture: `voided`, never paid or fulfilled.
    private mutating func cancel(_ order: inout DemoOrder) {
        order.financialStatus = .voided
        order.cancelledAt = order.order.createdAt.addingTimeInterval(TimeInterval(random.int(in: 600...20_000)))
        order.paidAt = nil
        order.fulfilledAt = nil
    }

    /// Refunded after delivery: the whole order, or its last line.
    private func refund(_ order: inout DemoOrder, wholly: Bool) {
        order.financialStatus = wholly ? .refunded : .partiallyRefunded
        if wholly {
            order.refundedAmount = order.order.total
        } else {
            let last = order.lines[order.lines.count - 1]
            order.refundedAmount = last.unitPrice * last.quantity - order.lineDiscounts[order.lines.count - 1]
        }
    }

    private func date(_ seconds: Int64) -> Date { Date(timeIntervalSince1970: TimeInterval(seconds)) }
}
