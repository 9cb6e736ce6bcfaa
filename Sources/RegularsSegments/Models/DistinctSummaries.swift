import Foundation

/// Summaries collapsed to their distinct (x, t_x, T) rows with a weight each, the likelihoods' input.
///
/// With day-granular data many customers share a row (every one-time buyer of the same day does), so
/// a likelihood evaluation costs distinct rows, not customers; and x, t_x and T each take few distinct
/// values (whole days), so the terms that depend on one of them alone — log Γ(r+x), log(α+T),
/// log(α+t_x) — are tabulated once per evaluation and looked up per row. Rows keep first-appearance
/// order, so sums, and hence fits, do not depend on hashing.
struct DistinctSummaries: Sendable {
    var recency: [Double] = []
    var age: [Double] = []
    var averageSpend: [Double] = []
    var weight: [Double] = []
    var totalWeight = 0.0
    /// The distinct values of x, ascending, and each row's index into them.
    var frequencies: [Int] = []
    var slot: [Int32] = []
    /// The distinct values of T and of t_x, and each row's index into them.
    var ages: [Double] = []
    var ageSlot: [Int32] = []
    var recencies: [Double] = []
    var recencySlot: [Int32] = []

    var count: Int { weight.count }

    private struct Key: Hashable {
        var x: Int
        var recency: UInt64
        var age: UInt64
        var spend: UInt64
    }

    /// Collapses rows; `includeSpend` keys on (x, z̄) instead of (x, t_x, T), for Gamma-Gamma.
    init<Rows: Sequence>(_ rows: Rows, includeSpend: Bool = false) where Rows.Element == CustomerSummary {
        var index: [Key: Int] = [:]
        var xs: [Int] = []
        for row in rows {
            let key = Key(
                x: row.frequency, recency: includeSpend ? 0 : row.recency.bitPattern,
                age: includeSpend ? 0 : row.age.bitPattern, spend: includeSpend ? row.averageSpend.bitPattern : 0)
            if let position = index[key] {
                weight[position] += 1
            } else {
                index[key] = weight.count
                xs.append(row.frequency)
                recency.append(row.recency)
                age.append(row.age)
                averageSpend.append(row.averageSpend)
                weight.append(1)
            }
        }
        tabulate(xs)
    }

    /// Every k-th row, about `target` of them, for screening starting points cheaply on big shops.
    func strided(toAbout target: Int) -> DistinctSummaries {
        let step = max(1, count / max(target, 1))
        var sample = DistinctSummaries([CustomerSummary]())
        var xs: [Int] = []
        for i in stride(from: 0, to: count, by: step) {
            xs.append(frequencies[Int(slot[i])])
            sample.recency.append(recency[i])
            sample.age.append(age[i])
            sample.averageSpend.append(averageSpend[i])
            sample.weight.append(weight[i])
        }
        sample.tabulate(xs)
        return sample
    }

    /// Builds the tables of distinct x, T and t_x, and the total weight.
    private mutating func tabulate(_ xs: [Int]) {
        totalWeight = weight.reduce(0, +)
        (frequencies, slot) = Self.distinct(xs)
        let (ageValues, ageSlots) = Self.distinct(age.map(OrderedDouble.init))
        (ages, ageSlot) = (ageValues.map(\.value), ageSlots)
        let (recencyValues, recencySlots) = Self.distinct(recency.map(OrderedDouble.init))
        (recencies, recencySlot) = (recencyValues.map(\.value), recencySlots)
    }

    private static func distinct<T: Hashable & Comparable>(_ values: [T]) -> ([T], [Int32]) {
        let sorted = Array(Set(values)).sorted()
        let slotOf = Dictionary(uniqueKeysWithValues: sorted.enumerated().map { ($1, Int32($0)) })
        return (sorted, values.map { slotOf[$0]! })
    }

    /// Runs `body(range, out)` over up to 16 contiguous row ranges on all cores and returns the
    /// per-chunk sums (`width` each) added in chunk order, so the total is the same on any machine.
    func inChunks(_ width: Int, _ body: @Sendable (Range<Int>, UnsafeMutableBufferPointer<Double>) -> Void) -> [Double]
    {
        let chunkCount = max(1, min(16, count / 8192))
        var sums = [Double](repeating: 0, count: chunkCount * width)
        let n = count
        sums.withUnsafeMutableBufferPointer { buffer in
            if chunkCount == 1 {
                body(0..<n, buffer)
                return
            }
            let shared = SharedBuffer(base: buffer)
            DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
                let rows = (n * chunk / chunkCount)..<(n * (chunk + 1) / chunkCount)
                body(rows, UnsafeMutableBufferPointer(rebasing: shared.base[(chunk * width)..<((chunk + 1) * width)]))
            }
        }
        var totals = [Double](repeating: 0, count: width)
        for chunk in 0..<chunkCount {
            for k in 0..<width { totals[k] += sums[chunk * width + k] }
        }
        return totals
    }
}

/// A Double that is Hashable by value and totally ordered (the summaries hold no NaN).
private struct OrderedDouble: Hashable, Comparable {
    var value: Double
    static func < (lhs: Self, rhs: Self) -> Bool { lhs.value < rhs.value }
}

/// The per-chunk result buffer of `DistinctSummaries.inChunks`.
///
/// `@unchecked Sendable` because the chunks write disjoint slices of it and the buffer outlives
/// `concurrentPerform`, which returns only when every chunk is done.
private struct SharedBuffer: @unchecked Sendable {
    let base: UnsafeMutableBufferPointer<Double>
}
