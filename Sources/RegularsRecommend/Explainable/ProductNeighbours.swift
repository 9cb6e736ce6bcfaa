import RegularsData

/// Top-N related products per product, as compressed sparse rows: the neighbours of product `p` are
/// `neighbour[rowStart[p] ..< rowStart[p + 1]]`, best first, with their `score`s in the same positions.
///
/// Plain `Int32`/`Float` arrays so that a model file stays small and decodes fast; a model that keeps more
/// per neighbour (support, lags) keeps it in arrays parallel to `neighbour`.
public struct ProductNeighbours: Sendable, Hashable, Codable {
    public private(set) var rowStart: [Int32]
    public private(set) var neighbour: [ProductIndex]
    public private(set) var score: [Float]

    /// An empty table, ready for `appendRow` once per product in index order.
    init(expectedRows: Int = 0) {
        rowStart = [0]
        rowStart.reserveCapacity(expectedRows + 1)
        neighbour = []
        score = []
    }

    /// Number of rows (products).
    public var rowCount: Int { rowStart.count - 1 }

    /// Positions of `product`'s neighbours in `neighbour` and `score`; empty for an unknown product.
    @inlinable public func row(_ product: ProductIndex) -> Range<Int> {
        let p = Int(product)
        guard p >= 0, p + 1 < rowStart.count else { return 0..<0 }
        return Int(rowStart[p])..<Int(rowStart[p + 1])
    }

    /// Appends the next product's neighbours, which the caller gives best first.
    mutating func appendRow(_ entries: [ScoredProduct]) {
        for entry in entries {
            neighbour.append(entry.product)
            score.append(entry.score)
        }
        rowStart.append(Int32(neighbour.count))
    }
}

/// The 25th, 50th and 75th percentiles of a sample (linear interpolation between order statistics,
/// Hyndman & Fan 1996 type 7, as NumPy's default).
public struct Quartiles: Sendable, Hashable, Codable {
    public var p25: Float
    public var median: Float
    public var p75: Float

    public init(p25: Float, median: Float, p75: Float) {
        self.p25 = p25
        self.median = median
        self.p75 = p75
    }

    /// The quartiles of `sorted` (ascending); `nil` when it is empty.
    init?(sorted: ArraySlice<Float>) {
        guard !sorted.isEmpty else { return nil }
        p25 = Self.quantile(sorted, 0.25)
        median = Self.quantile(sorted, 0.5)
        p75 = Self.quantile(sorted, 0.75)
    }

    /// The interquartile range, `p75 - p25`.
    public var spread: Float { p75 - p25 }

    static func quantile(_ sorted: ArraySlice<Float>, _ q: Double) -> Float {
        let position = q * Double(sorted.count - 1)
        let low = Int(position.rounded(.down))
        let high = min(low + 1, sorted.count - 1)
        let fraction = Float(position - Double(low))
        let base = sorted.startIndex
        return sorted[base + low] + (sorted[base + high] - sorted[base + low]) * fraction
    }
}
