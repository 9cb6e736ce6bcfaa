import Foundation
import RegularsData

extension DemoShop {
    /// What to generate. The defaults give the shop the README's demo uses.
    public struct Settings: Sendable, Hashable, Codable {
        /// Everything random follows from this seed.
        public var seed: UInt64 = 20_250_630
        /// The last day of the history (midnight UTC of that day); orders run to its end, UK local time.
        /// Default 2025-06-30.
        public var lastDay = Date(timeIntervalSince1970: 1_751_241_600)
        /// How many days of history end on `lastDay`.
        public var days = 730
        /// Registered customers (with an e-mail); a few may end up without any order and are dropped.
        public var customerCount = 2_000
        /// Single orders without e-mail, each its own customer.
        public var guestOrderCount = 150
        /// The number in the first order's name (`#1001`).
        public var firstOrderNumber = 1_001

        public init() {}
    }
}
