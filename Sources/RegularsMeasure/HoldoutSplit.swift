import Foundation
import RegularsData

/// The two ways a list is scored (PROTOCOL.md §3): every test customer against everything they bought in the test
/// window, or only customers who bought something new, against only the new products.
public enum Track: String, Sendable, Codable, CaseIterable {
    case all
    case new
}

/// The offline protocol's split of order lines at `cutoff` (PROTOCOL.md §2, `score.py make_split`).
///
/// Train is every line with `orderedAt < cutoff` (built into `snapshot`, `asOf = cutoff`); test is the rest. Test
/// customers have lines on both sides; a track's truth is the set of SKUs they bought in test (`new`: minus their
/// train SKUs, customers left with none dropped). SKUs outside the train catalog can be truth but never
/// recommended; they get negative ids here, one per SKU.
public struct HoldoutSplit: Sendable {
    /// The test window's length: exactly 30 × 86,400 s.
    public static let horizonSeconds: Int64 = 30 * DayNumber.seconds

    /// Seconds since 1970.
    public let cutoff: Int64
    /// The train lines.
    public let snapshot: Snapshot
    /// The `all` track's customers, sorted by their id as a string (as `test-customers.csv`).
    public let testCustomers: [CustomerIndex]
    /// Truth per track: customer → products (catalog products ≥ 0; unknown SKUs < 0).
    public let truth: [Track: [CustomerIndex: Set<ProductIndex>]]
    public let trainLineCount: Int
    public let testLineCount: Int

    /// The latest `orderedAt` of `lines`, or `nil` when there are none.
    public static func latestTime(of lines: some Sequence<SnapshotBuilder.Line>) -> Int64? {
        lines.reduce(nil) { max($0 ?? $1.orderedAt, $1.orderedAt) }
    }

    /// The protocol's split of `lines`, or with `validation` the same protocol on its training lines only, at
    /// `cutoff − 30 days` (PROTOCOL.md §7): the split settings are tuned on before the test split is looked at.
    /// The validation split needs only the test split's cutoff, not the test split itself.
    /// - Throws: `EvaluationError.nothingToTrainOn` when no line comes before the cutoff (a file shorter than 30
    ///   days, or 60 for the validation split), instead of a table of zeros.
    public static func of(_ lines: [SnapshotBuilder.Line], validation: Bool) throws -> HoldoutSplit {
        let testCutoff = (latestTime(of: lines) ?? 0) - horizonSeconds
        let split =
            validation
            ? HoldoutSplit(lines: lines.filter { $0.orderedAt < testCutoff }, cutoff: testCutoff - horizonSeconds)
            : HoldoutSplit(lines: lines, cutoff: testCutoff)
        guard split.trainLineCount > 0 else {
            throw EvaluationError.nothingToTrainOn(
                cutoff: OfflineEvaluation.isoString(split.cutoff), validation: validation)
        }
        return split
    }

    /// Splits `lines` at `cutoff`, by default the latest time minus 30 days (the protocol's test split); `of`
    /// makes the validation split of §7.
    public init(lines: [SnapshotBuilder.Line], cutoff: Int64? = nil) {
        let cutoff = cutoff ?? ((Self.latestTime(of: lines) ?? 0) - Self.horizonSeconds)
        self.cutoff = cutoff
        var builder = SnapshotBuilder(asOf: Date(timeIntervalSince1970: TimeInterval(cutoff)))
        var testLines: [SnapshotBuilder.Line] = []
        for line in lines where !builder.add(line: line) { testLines.append(line) }
        let snapshot = builder.build()
        self.snapshot = snapshot
        trainLineCount = lines.count - testLines.count
        testLineCount = testLines.count

        var unknown: [SKU: ProductIndex] = [:]
        var bought: [CustomerIndex: Set<ProductIndex>] = [:]
        for line in testLines {
            guard let customer = snapshot.customerIndexByID[line.customerID] else { continue }
            let product: ProductIndex
            if let known = snapshot.productIndexBySKU[line.sku] {
                product = known
            } else if let seen = unknown[line.sku] {
                product = seen
            } else {
                product = -ProductIndex(unknown.count + 1)
                unknown[line.sku] = product
            }
            bought[customer, default: []].insert(product)
        }
        testCustomers = bought.keys.sorted {
            snapshot.customers[Int($0)].id.utf8.lexicographicallyPrecedes(snapshot.customers[Int($1)].id.utf8)
        }
        var new: [CustomerIndex: Set<ProductIndex>] = [:]
        for (customer, products) in bought {
            let history = Self.trainProducts(of: customer, in: snapshot)
            let fresh = products.subtracting(history)
            if !fresh.isEmpty { new[customer] = fresh }
        }
        truth = [.all: bought, .new: new]
    }

    /// The track's customers, in `testCustomers` order.
    public func customers(of track: Track) -> [CustomerIndex] {
        let truth = truth[track]!
        return testCustomers.filter { truth[$0] != nil }
    }

    /// Distinct products a customer bought in train, `H(c)`.
    public static func trainProducts(of customer: CustomerIndex, in snapshot: Snapshot) -> Set<ProductIndex> {
        Set(snapshot.lines(ofCustomer: customer).map { snapshot.lineProduct[$0] })
    }
}
