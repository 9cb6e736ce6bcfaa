import Foundation
import RegularsData

extension DemoShop {
    /// What the generator decided about one customer: the ground truth a test or a demo can check the
    /// models against. Never written to the exports.
    public struct Profile: Sendable, Hashable, Codable {
        /// The lifecycle the generator planted.
        public enum Lifecycle: String, Sendable, Hashable, Codable, CaseIterable {
            /// Exactly one order.
            case oneTime
            /// A few orders spread over the history; some drift away on their own.
            case regular
            /// An order every month or so, up to the last days of the history.
            case loyal
            /// Active for a while, then no order in the last 6 to 18 months.
            case lapsed
            /// First order in the last 30 days.
            case new
            /// A single order without e-mail (a till sale or guest checkout).
            case guest
        }

        /// Interests that drive the planted patterns.
        public struct Traits: OptionSet, Sendable, Hashable, Codable {
            public let rawValue: Int
            public init(rawValue: Int) { self.rawValue = rawValue }
            /// Coffee beans about every 30 days; may start with a grinder, a dripper and filters.
            public static let coffee = Traits(rawValue: 1 << 0)
            /// A soy candle about every 60 days.
            public static let candles = Traits(rawValue: 1 << 1)
            /// A raised-bed kit in spring, soil amendments 6–8 weeks later.
            public static let gardener = Traits(rawValue: 1 << 2)
            /// The Lodge skillet, with the care kit and an oven mitt in the same order or days later.
            public static let cook = Traits(rawValue: 1 << 3)
            /// Gift sets in November and December.
            public static let giftBuyer = Traits(rawValue: 1 << 4)
            /// Items from the sensitive category.
            public static let wellness = Traits(rawValue: 1 << 5)
        }

        public var customerID: CustomerID
        public var lifecycle: Lifecycle
        public var traits: Traits
        /// The first day the customer could order (midnight UTC).
        public var activeFrom: Date
        /// The last day the customer could order (midnight UTC); for `lapsed`, 6–18 months before the end.
        public var activeUntil: Date
    }
}
