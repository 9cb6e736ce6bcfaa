import Foundation

/// Recency, frequency and monetary quintile scores, 1 (lowest fifth) to 5 (highest fifth).
///
/// A customer's score is 1 + ⌊5 · (customers strictly worse) / (customers)⌋, so ties share a score
/// and a shop where most customers bought once gives them all frequency 1. Recency scores the days
/// since the last order (fewer is better), frequency the orders, monetary the total spend.
public struct RFMScore: Sendable, Hashable, Codable, CustomStringConvertible {
    public var recency: Int
    public var frequency: Int
    public var monetary: Int

    public init(recency: Int, frequency: Int, monetary: Int) {
        self.recency = recency
        self.frequency = frequency
        self.monetary = monetary
    }

    /// "545": recency, frequency, monetary.
    public var description: String { "\(recency)\(frequency)\(monetary)" }

    /// Scores of every measured customer, parallel to `activity` (`nil` stays `nil`).
    public static func scores(_ activity: [CustomerActivity?]) -> [RFMScore?] {
        let measured = activity.compactMap { $0 }
        let recency = quintiles(measured.map { -Double($0.daysSinceLastOrder) })
        let frequency = quintiles(measured.map { Double($0.orders) })
        let monetary = quintiles(measured.map { Double($0.totalSpend.units) })
        var next = 0
        return activity.map { customer in
            guard customer != nil else { return nil }
            defer { next += 1 }
            return RFMScore(recency: recency[next], frequency: frequency[next], monetary: monetary[next])
        }
    }

    /// 1 + ⌊5 · (values strictly below) / n⌋ for each value, higher values scoring higher.
    static func quintiles(_ values: [Double]) -> [Int] {
        let sorted = values.sorted()
        let n = Double(values.count)
        return values.map { value in
            var low = 0
            var high = sorted.count
            while low < high {  // first index with sorted[index] >= value
                let mid = (low + high) / 2
                if sorted[mid] < value { low = mid + 1 } else { high = mid }
            }
            return 1 + Int(5 * Double(low) / n)
        }
    }
}
