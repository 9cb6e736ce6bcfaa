import Foundation
import RegularsData

/// The ranker's scored candidates of the customers most likely to ask, computed ahead of their requests, the way
/// Gorse serves lists it computed offline: a request then reads its customer's list instead of building and
/// scoring about 200 candidates with 150 trees, which was two thirds of a personal request's time.
///
/// A list depends on nothing but the model set and the customer (`CollaborativeRecommender.scored`, the customer's
/// own products included), so a request reads the very list it would have computed, and every served answer is
/// the one `regulars evaluate` measures. A request that leaves out what the customer owns, and a customer past the
/// budget or asking before the lists are ready, still compute theirs. The cost moves from requests to the
/// minute after a model set loads (on online-retail about 2 s of CPU and 9 MB for 4,300 customers).
public final class PersonalLists: @unchecked Sendable {
    /// Customers computed ahead at most, those with the newest orders first: about 2 KB each, so at most ~100 MB.
    /// A shop with more customers computes the rest's lists in their requests, as before.
    public static let defaultBudget = 50_000

    /// Per customer the index of their list in `lists`, -1 for none; `customers` in the order of `lists`.
    private struct Table {
        var slot: [Int32]
        var customers: [CustomerIndex]
        var lists: [[ScoredProduct]]

        /// The customer's place in `lists` (and in the evidence), if they have one.
        func place(of customer: CustomerIndex) -> Int? {
            let c = Int(customer)
            guard c >= 0, c < slot.count, slot[c] >= 0 else { return nil }
            return Int(slot[c])
        }
    }

    private let lock = NSLock()
    /// Published once every list is computed: a request reads all of it or none of it.
    private var table: Table?
    /// The same customers' evidence for one day (`DayEvidence`), in the order of `table.lists`, and the day whose
    /// computation is under way.
    private var evidence: (day: Int32, items: [DayEvidence])?
    private var evidencePending: Int32?

    public init() {}

    /// Whether the lists are computed.
    public var isReady: Bool { lock.withLock { table != nil } }

    /// How many customers have a list computed ahead.
    public var count: Int { lock.withLock { table?.lists.count ?? 0 } }

    /// The customer's list, when it was computed ahead.
    func list(for customer: CustomerIndex) -> [ScoredProduct]? {
        guard let table = lock.withLock({ table }), let k = table.place(of: customer) else { return nil }
        return table.lists[k]
    }

    /// The customer's evidence for `day`, when it was computed ahead for that day.
    func evidence(for customer: CustomerIndex, day: Int32) -> DayEvidence? {
        lock.lock()
        let table = self.table, evidence = self.evidence
        lock.unlock()
        guard let table, let evidence, evidence.day == day, let k = table.place(of: customer) else { return nil }
        return evidence.items[k]
    }

    /// True once per day: when the lists are ready and `day` is later than the day computed or under way; the caller
    /// is then to compute it (`computeEvidence`). Only forward: requests for an earlier day (a preview as of last
    /// week) compute theirs, rather than have two days take turns at being computed.
    func claimEvidence(day: Int32) -> Bool {
        lock.withLock {
            guard table != nil, day > (evidence?.day ?? .min), day > (evidencePending ?? .min) else { return false }
            evidencePending = day
            return true
        }
    }

    /// Computes `day`'s evidence of the customers with a list on every core, then publishes it in place of the
    /// previous day's.
    func computeEvidence(day: Int32, _ compute: (CustomerIndex) -> DayEvidence) {
        guard let customers = lock.withLock({ table?.customers }) else { return }
        let items = Self.map(customers, empty: DayEvidence.none, compute)
        lock.withLock {
            if evidence.map({ $0.day < day }) ?? true { evidence = (day, items) }
            if evidencePending == day { evidencePending = nil }
        }
    }

    /// Computes the lists of the `budget` customers with the newest orders on every core, then publishes them;
    /// a second call does nothing.
    func compute(_ collaborative: CollaborativeRecommender, budget: Int) {
        guard !isReady else { return }
        let history = collaborative.context.history
        let snapshot = history.snapshot
        let chosen = (0..<history.customerCount).compactMap { c -> (customer: CustomerIndex, last: Int64)? in
            let orders = history.orders(of: CustomerIndex(c))
            return orders.isEmpty ? nil : (CustomerIndex(c), snapshot.orderTime[orders.upperBound - 1])
        }.sorted { $0.last != $1.last ? $0.last > $1.last : $0.customer < $1.customer }.prefix(max(0, budget))
            .map(\.customer)
        // The ranker's scratches come from the requests' pool.
        let lists = Self.map(chosen, empty: []) { collaborative.scored(customer: $0, excludeHistory: false) }
        var slot = [Int32](repeating: -1, count: history.customerCount)
        for (k, customer) in chosen.enumerated() { slot[Int(customer)] = Int32(k) }
        let computed = Table(slot: slot, customers: chosen, lists: lists)
        lock.withLock { if table == nil { table = computed } }
    }

    /// `body` of every customer, on every core: 64 interleaved pieces, each writing its own customers' places only.
    private static func map<T>(_ customers: [CustomerIndex], empty: T, _ body: (CustomerIndex) -> T) -> [T] {
        var out = [T](repeating: empty, count: customers.count)
        let pieces = 64
        out.withUnsafeMutableBufferPointer { out in
            let box = UncheckedBox(out)
            Parallel.forEach(pieces) { piece in
                for k in stride(from: piece, to: customers.count, by: pieces) { box.value[k] = body(customers[k]) }
            }
        }
        return out
    }
}
