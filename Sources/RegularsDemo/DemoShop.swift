import Foundation
import RegularsData

/// A realistic, deterministic home-goods shop for the demo, the README and the tests.
///
/// About 2,000 customers, ~290 products in 13 categories (one of them sensitive) and two years of
/// orders ending on `Settings.lastDay`, with patterns the models must find: complements (the Lodge
/// skillet with its care kit and an oven mitt; grinder and dripper with beans), a next step with a lag
/// (raised-bed kit in spring, soil amendment 42–56 days later), replenishment (coffee beans every ~30
/// days, candles every ~60), seasonality (gift sets in November and December), and loyal, lapsed, new
/// and guest customers. `GroundTruth` names the SKUs; `profiles` say what was planted for whom.
///
/// Pure: the same `Settings` give the same values and the same CSV bytes. In a release build generating
/// the default shop takes about 0.15 s and writing both exports (about 10 MB) about 0.6 s.
///
/// ```swift
/// let shop = DemoShop.generate(settings: .init())
/// try shop.write(to: URL(fileURLWithPath: "demo"))   // orders_export.csv, products_export.csv
/// ```
public struct DemoShop: Sendable {
    public let settings: Settings
    /// Registered customers who ordered (id = their e-mail), then one customer per guest order
    /// (id `guest:#1234`, no e-mail).
    public let customers: [Customer]
    /// What was planted for `customers[i]`.
    public let profiles: [Profile]
    /// One product per variant, in the products export's order.
    public let products: [Product]
    /// Every order, oldest first; names `#1001`, `#1002`, … follow that order.
    public let orders: [DemoOrder]

    /// Names and addresses for the export, parallel to `customers`.
    let people: [DemoPerson]
    let catalog: DemoCatalog

    /// The orders as domain values.
    public var plainOrders: [Order] { orders.map(\.order) }
    /// Every order line, order by order.
    public var orderLines: [OrderLine] { orders.flatMap(\.lines) }
    /// The category names, the sensitive one included.
    public static var categories: [String] { DemoCategory.allCases.map(\.rawValue) }

    /// The first and last local days of the history, as days since 1970.
    var dayRange: ClosedRange<Int> {
        let last = DemoCalendar.day(of: settings.lastDay)
        return (last - settings.days + 1)...last
    }

    /// Generates the shop described by `settings`.
    public static func generate(settings: Settings = Settings()) -> DemoShop {
        let days = DemoCalendar.day(of: settings.lastDay) - settings.days + 1...DemoCalendar.day(of: settings.lastDay)
        let root = DemoRandom(seed: settings.seed)
        var catalogRandom = root.fork(1)
        let catalog = DemoCatalog(random: &catalogRandom, firstDay: days.lowerBound, lastDay: days.upperBound)
        let plan = DemoShopperPlan(catalog: catalog, firstDay: days.lowerBound, lastDay: days.upperBound)

        var people: [DemoPerson] = []
        var profiles: [Profile] = []
        var intents: [DemoIntent] = []
        var takenEmails = Set<String>()
        var peopleRandom = root.fork(2)
        for index in 0..<settings.customerCount {
            var random = root.fork(1_000_000 + UInt64(index))
            let person = DemoPerson.make(random: &peopleRandom, takenEmails: &takenEmails, guest: false)
            let (lifecycle, traits, start, end) = plan.profile(random: &random)
            people.append(person)
            profiles.append(
                Profile(
                    customerID: person.email!, lifecycle: lifecycle, traits: traits, activeFrom: midnight(start),
                    activeUntil: midnight(end)))
            intents += plan.intents(
                person: index, lifecycle: lifecycle, traits: traits, start: start, end: end, random: &random)
        }
        for guest in 0..<settings.guestOrderCount {
            var random = root.fork(2_000_000 + UInt64(guest))
            people.append(DemoPerson.make(random: &peopleRandom, takenEmails: &takenEmails, guest: true))
            let intent = plan.guestIntent(person: people.count - 1, random: &random)
            profiles.append(
                Profile(
                    customerID: "", lifecycle: .guest, traits: [], activeFrom: midnight(intent.day),
                    activeUntil: midnight(intent.day)))
            intents.append(intent)
        }
        var assembler = DemoOrderAssembler(
            catalog: catalog, people: people, lastDay: days.upperBound, firstNumber: settings.firstOrderNumber,
            random: root.fork(3))
        let assembled = assembler.assemble(intents)

        // Keep the people who ordered, registered ones first, and renumber the orders' buyers.
        var newIndex = [Int](repeating: -1, count: people.count)
        var customers: [Customer] = []
        var keptPeople: [DemoPerson] = []
        var keptProfiles: [Profile] = []
        for (index, person) in people.enumerated() {
            guard let first = assembled.firstOrder[index] else { continue }
            var profile = profiles[index]
            let id = person.email ?? "guest:\(assembled.orders[first].order.id)"
            profile.customerID = id
            newIndex[index] = customers.count
            customers.append(
                Customer(
                    id: id, email: person.email, firstName: person.firstName, acceptsMarketing: person.acceptsMarketing,
                    createdAt: assembled.orders[first].order.createdAt))
            keptPeople.append(person)
            keptProfiles.append(profile)
        }
        let orders = assembled.orders.map { order -> DemoOrder in
            var order = order
            order.customerIndex = newIndex[order.customerIndex]
            order.order.customerID = customers[order.customerIndex].id
            return order
        }
        return DemoShop(
            settings: settings, customers: customers, profiles: keptProfiles, products: catalog.products,
            orders: orders, people: keptPeople, catalog: catalog)
    }

    private static func midnight(_ day: Int) -> Date {
        Date(timeIntervalSince1970: TimeInterval(day) * DayNumber.interval)
    }
}
