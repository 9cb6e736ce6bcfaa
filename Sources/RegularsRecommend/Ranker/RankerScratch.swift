import Foundation
import RegularsData

/// The per-product working arrays of `RankerContext.candidates`, clean (zero, `false`, the rank cap) between
/// customers: `candidates` resets exactly the slots it wrote, so one set serves every customer a training thread
/// handles and a customer costs what their candidates cost, not what the catalog does (70,000 products).
struct RankerScratch {
    var tifu: [Float]
    var listed: [Bool]
    var touched: [ProductIndex] = []
    var owned: [Bool]
    var tifuRank: [Float], tifuRankNew: [Float], easeRank: [Float], easeRankNew: [Float]
    var sources: [Float]
    /// TIFU-KNN's neighbour search, per customer of the shop.
    var neighbours: NeighbourScratch
    /// The rank of a product past the cap or without a score.
    let unranked: Float

    init(productCount n: Int, customerCount: Int, rankCap: Int) {
        neighbours = NeighbourScratch(customerCount: customerCount)
        unranked = Float(rankCap + 1)
        tifu = [Float](repeating: 0, count: n)
        listed = [Bool](repeating: false, count: n)
        owned = listed
        tifuRank = [Float](repeating: Float(rankCap + 1), count: n)
        tifuRankNew = tifuRank
        easeRank = tifuRank
        easeRankNew = tifuRank
        sources = tifu
    }
}

extension RankerScratch {
    /// Writes the ranks of a source's best-first `list`: among all products, and among those not owned.
    mutating func rank(_ list: [ScoredProduct], cap: Int, ease: Bool) {
        var rankNew = 0
        for (r, entry) in list.enumerated() {
            let p = Int(entry.product)
            if r < cap {
                if ease { easeRank[p] = Float(r + 1) } else { tifuRank[p] = Float(r + 1) }
            }
            if !owned[p], rankNew < cap {
                rankNew += 1
                if ease { easeRankNew[p] = Float(rankNew) } else { tifuRankNew[p] = Float(rankNew) }
            }
        }
    }

    /// Counts one more source proposing `p`, listing it in `products` the first time.
    mutating func propose(_ p: Int, into products: inout [ProductIndex]) {
        if sources[p] == 0 { products.append(ProductIndex(p)) }
        sources[p] += 1
    }

    /// Puts back every slot one customer's candidates wrote: the scores `touched` lists, the `owned` flags, the
    /// ranks of the `ranked` products and the counts of the `proposed` ones.
    mutating func clean(owned ownedProducts: [ProductIndex], ranked: [ScoredProduct], proposed: [ProductIndex]) {
        for p in touched {
            tifu[Int(p)] = 0
            listed[Int(p)] = false
        }
        touched.removeAll(keepingCapacity: true)
        for p in ownedProducts { owned[Int(p)] = false }
        for entry in ranked {
            let p = Int(entry.product)
            tifuRank[p] = unranked
            tifuRankNew[p] = unranked
            easeRank[p] = unranked
            easeRankNew[p] = unranked
        }
        for p in proposed { sources[Int(p)] = 0 }
    }
}

/// Clean scratches (`RankerScratch`) kept between the requests of one model set, at most `capacity`: the requests
/// scoring at the same moment each take one, and give it back clean (`candidates` leaves it so).
final class RankerScratchPool: @unchecked Sendable {
    private let lock = NSLock()
    private var idle: [RankerScratch] = []
    let capacity: Int

    init(capacity: Int = 8) { self.capacity = capacity }

    func take() -> RankerScratch? { lock.withLock { idle.popLast() } }

    func put(_ scratch: RankerScratch) {
        lock.withLock { if idle.count < capacity { idle.append(scratch) } }
    }
}
