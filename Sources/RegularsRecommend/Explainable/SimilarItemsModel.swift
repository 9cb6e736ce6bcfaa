import Foundation
import RegularsData

/// "More like this": content-based neighbours from what the catalog says about a product, so that it works
/// for a product nobody has bought yet (cold start).
///
/// Each product becomes a sparse vector of five blocks, each scaled to unit length and then weighted:
/// title words (`TitleTokenizer`, TF-IDF with `tf = 1 + ln count`, `idf = ln((N + 1) / (df + 1)) + 1`),
/// category, tags (IDF-weighted), vendor, and price band (`floor(ln price / ln priceBandRatio)`, with half
/// weight on the two neighbouring bands so that 9.90 and 10.10 are alike). The whole vector is scaled to
/// unit length, so the similarity of two products is their dot product, the cosine (Salton & Buckley 1988).
/// Products sharing no feature are never neighbours. Features shared by more than `maximumPostings`
/// products are skipped when pairing (they barely tell products apart and would make pairing quadratic).
public struct SimilarItemsModel: Sendable, Codable {
    public struct Settings: Sendable, Codable, Equatable {
        public var titleWeight: Float = 1
        public var categoryWeight: Float = 0.6
        public var tagWeight: Float = 0.5
        public var vendorWeight: Float = 0.3
        public var priceWeight: Float = 0.4
        /// Width of a price band as a ratio (1.5: a band spans prices within 50 % of each other).
        public var priceBandRatio = 1.5
        /// Neighbours kept per product.
        public var neighbourCount = 20
        /// Smallest cosine kept.
        public var minimumSimilarity: Float = 0.05
        /// Features on more products than this are not used for pairing.
        public var maximumPostings = 5_000
        public init() {}
    }

    public let settings: Settings
    public let asOf: Date
    /// Most similar products per product, best first; scores are cosines in 0…1.
    public let neighbours: ProductNeighbours

    /// Trains on the catalog of `snapshot` (orders are not used). Pure; O(Σ df²) over the features.
    public static func train(on snapshot: Snapshot, asOf: Date, settings: Settings = .init()) -> Self {
        let vectors = ProductFeatureVectors(snapshot, settings: settings)
        let productCount = snapshot.productCount
        var neighbours = ProductNeighbours(expectedRows: productCount)
        var dot = [Float](repeating: 0, count: productCount)
        var touched: [Int] = []
        for p in 0..<productCount {
            for k in vectors.row(p) {
                let feature = Int(vectors.feature[k])
                let postings = vectors.postings(feature)
                guard postings.count <= settings.maximumPostings else { continue }
                let value = vectors.value[k]
                for posting in postings {
                    let q = Int(vectors.postingProduct[posting])
                    if q == p { continue }
                    if dot[q] == 0 { touched.append(q) }
                    dot[q] += value * vectors.postingValue[posting]
                }
            }
            var top = TopK(limit: settings.neighbourCount)
            for q in touched {
                let score = min(dot[q], 1)
                if score >= settings.minimumSimilarity, top.admits(ProductIndex(q), score) {
                    top.offer(ProductIndex(q), score)
                }
                dot[q] = 0
            }
            touched.removeAll(keepingCapacity: true)
            neighbours.appendRow(top.sorted())
        }
        return SimilarItemsModel(settings: settings, asOf: asOf, neighbours: neighbours)
    }

    /// The products most like `product`, best first, with their cosine similarity.
    public func similar(to product: ProductIndex, limit: Int, excluding: Set<ProductIndex> = []) -> [ExplainedScore] {
        // One product's stored row holds each neighbour once, so its best are `similar(toAny:)`'s without the
        // bookkeeping of several sources (this runs for fifty purchases on every personal request).
        var top = TopK(limit: limit)
        for k in neighbours.row(product) {
            let q = neighbours.neighbour[k]
            guard q != product, !excluding.contains(q) else { continue }
            top.offer(q, neighbours.score[k])
        }
        return top.sorted().map {
            ExplainedScore(product: $0.product, score: $0.score, anchor: product, evidence: .similar(to: product))
        }
    }

    /// The products most like any of `products` (scored by their best match, never one of `products`).
    public func similar(
        toAny products: [ProductIndex], limit: Int, excluding: Set<ProductIndex> = []
    ) -> [ExplainedScore] {
        let sources = Set(products)
        var best: [ProductIndex: (anchor: ProductIndex, score: Float)] = [:]
        for source in sources.sorted() {
            for k in neighbours.row(source) {
                let q = neighbours.neighbour[k]
                guard !sources.contains(q), !excluding.contains(q) else { continue }
                if neighbours.score[k] > best[q]?.score ?? -.infinity { best[q] = (source, neighbours.score[k]) }
            }
        }
        var top = TopK(limit: limit)
        for (product, entry) in best { top.offer(product, entry.score) }
        return top.sorted().map { entry in
            let anchor = best[entry.product]!.anchor
            return ExplainedScore(
                product: entry.product, score: entry.score, anchor: anchor, evidence: .similar(to: anchor))
        }
    }
}
