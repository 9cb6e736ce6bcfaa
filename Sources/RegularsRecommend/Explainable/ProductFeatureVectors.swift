import Foundation
import RegularsData

/// The unit-length content vectors of `SimilarItemsModel`, as compressed sparse rows (product → features)
/// and their transpose (feature → products, the postings). Training-time only.
struct ProductFeatureVectors {
    /// Features of product `p`: `feature[start[p] ..< start[p + 1]]` with `value`s in the same positions.
    let start: [Int32]
    let feature: [Int32]
    let value: [Float]
    /// Products of feature `f`: `postingProduct[postingStart[f] ..< postingStart[f + 1]]`.
    let postingStart: [Int32]
    let postingProduct: [Int32]
    let postingValue: [Float]

    func row(_ product: Int) -> Range<Int> { Int(start[product])..<Int(start[product + 1]) }
    func postings(_ feature: Int) -> Range<Int> { Int(postingStart[feature])..<Int(postingStart[feature + 1]) }

    init(_ snapshot: Snapshot, settings: SimilarItemsModel.Settings) {
        var ids: [String: Int32] = [:]
        func id(_ key: String) -> Int32 {
            if let known = ids[key] { return known }
            let next = Int32(ids.count)
            ids[key] = next
            return next
        }
        // Raw blocks per product: (feature, weight before normalisation), one array per block.
        typealias Block = [(feature: Int32, weight: Float)]
        var titles: [Block] = []
        var tags: [Block] = []
        var singles: [(category: Int32?, vendor: Int32?, prices: Block)] = []
        var documentFrequency: [Int32: Int] = [:]
        for product in snapshot.products {
            var counts: [Int32: Int] = [:]
            for token in TitleTokenizer.tokens(product.title) { counts[id("t:" + token), default: 0] += 1 }
            let title = counts.sorted { $0.key < $1.key }.map {
                (feature: $0.key, weight: 1 + Float(log(Double($0.value))))
            }
            let tagIDs = Set(
                product.tags.map { $0.lowercased().trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            )
            .sorted().map { (feature: id("g:" + $0), weight: Float(1)) }
            for entry in title + tagIDs { documentFrequency[entry.feature, default: 0] += 1 }
            titles.append(title)
            tags.append(tagIDs)
            let category = product.category >= 0 ? id("c:\(product.category)") : nil
            let vendor = product.vendor.flatMap { $0.isEmpty ? nil : id("v:" + $0.lowercased()) }
            var prices: Block = []
            if let price = product.price?.doubleValue, price > 0 {
                let band = Int((log(price) / log(settings.priceBandRatio)).rounded(.down))
                prices = [(id("p:\(band - 1)"), 0.5), (id("p:\(band)"), 1), (id("p:\(band + 1)"), 0.5)]
            }
            singles.append((category, vendor, prices))
        }
        let n = Double(snapshot.productCount)
        func idf(_ feature: Int32) -> Float {
            Float(log((n + 1) / Double((documentFrequency[feature] ?? 0) + 1)) + 1)
        }
        func scaled(_ block: Block, to weight: Float) -> Block {
            let norm = block.reduce(Float(0)) { $0 + $1.weight * $1.weight }.squareRoot()
            guard norm > 0, weight > 0 else { return [] }
            return block.map { (feature: $0.feature, weight: $0.weight / norm * weight) }
        }

        var start: [Int32] = [0]
        var feature: [Int32] = []
        var value: [Float] = []
        for p in 0..<snapshot.productCount {
            var vector = scaled(titles[p].map { ($0.feature, $0.weight * idf($0.feature)) }, to: settings.titleWeight)
            vector += scaled(tags[p].map { ($0.feature, idf($0.feature)) }, to: settings.tagWeight)
            if let category = singles[p].category { vector += scaled([(category, 1)], to: settings.categoryWeight) }
            if let vendor = singles[p].vendor { vector += scaled([(vendor, 1)], to: settings.vendorWeight) }
            vector += scaled(singles[p].prices, to: settings.priceWeight)
            let norm = vector.reduce(Float(0)) { $0 + $1.weight * $1.weight }.squareRoot()
            for entry in vector where norm > 0 {
                feature.append(entry.feature)
                value.append(entry.weight / norm)
            }
            start.append(Int32(feature.count))
        }

        // Transpose into postings (counting sort by feature keeps products ascending).
        let featureCount = ids.count
        var postingStart = [Int32](repeating: 0, count: featureCount + 1)
        for f in feature { postingStart[Int(f) + 1] += 1 }
        for f in 0..<featureCount { postingStart[f + 1] += postingStart[f] }
        var cursor = Array(postingStart.dropLast())
        var postingProduct = [Int32](repeating: 0, count: feature.count)
        var postingValue = [Float](repeating: 0, count: feature.count)
        for p in 0..<snapshot.productCount {
            for k in Int(start[p])..<Int(start[p + 1]) {
                let f = Int(feature[k])
                postingProduct[Int(cursor[f])] = Int32(p)
                postingValue[Int(cursor[f])] = value[k]
                cursor[f] += 1
            }
        }
        self.start = start
        self.feature = feature
        self.value = value
        self.postingStart = postingStart
        self.postingProduct = postingProduct
        self.postingValue = postingValue
    }
}
