import Foundation
import RegularsData

/// The item × item Gram matrix `XᵀX` of the interaction weights over a chosen set of products, dense and row-major.
///
/// `X[c, i]` is `PurchaseHistory.weight` of customer `c` and product `i`. Cost: Σ over customers of (products
/// in the set)², on every core; memory 4·n² bytes.
struct ItemGram {
    /// The chosen products; local index `k` is `products[k]`.
    let products: [ProductIndex]
    /// Local index of each product of the snapshot, or -1.
    let local: [Int32]
    var values: [Float]
    var count: Int { products.count }

    /// The `maxItems` products bought by the most customers (ties: lower index), in product order.
    static func mostBought(in history: PurchaseHistory, maxItems: Int) -> [ProductIndex] {
        var buyers = [Int32](repeating: 0, count: history.productCount)
        for product in history.items { buyers[Int(product)] += 1 }
        var chosen = (0..<history.productCount).filter { buyers[$0] > 0 }
        if chosen.count > maxItems {
            chosen.sort { buyers[$0] != buyers[$1] ? buyers[$0] > buyers[$1] : $0 < $1 }
            chosen = Array(chosen.prefix(maxItems)).sorted()
        }
        return chosen.map { ProductIndex($0) }
    }

    init(history: PurchaseHistory, products: [ProductIndex], value: (Float) -> Float = { $0 }) {
        self.products = products
        var local = [Int32](repeating: -1, count: history.productCount)
        for (k, product) in products.enumerated() { local[Int(product)] = Int32(k) }
        self.local = local
        let n = products.count
        // Local rows of every customer, gathered once.
        var rowStart = [Int](repeating: 0, count: history.customerCount + 1)
        var rowIndex: [Int32] = []
        var rowValue: [Float] = []
        for customer in 0..<history.customerCount {
            for at in history.row(CustomerIndex(customer)) {
                let k = local[Int(history.items[at])]
                if k >= 0 {
                    rowIndex.append(k)
                    rowValue.append(value(history.weight[at]))
                }
            }
            rowStart[customer + 1] = rowIndex.count
        }
        var values = [Float](repeating: 0, count: n * n)
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8))
        values.withUnsafeMutableBufferPointer { gram in
            let gram = UnsafeMutableSendablePointer(gram.baseAddress!)
            rowIndex.withUnsafeBufferPointer { idx in
                rowValue.withUnsafeBufferPointer { val in
                    // Worker w owns the Gram rows k with k % workers == w, so writes never overlap.
                    Parallel.forEach(workers) { worker in
                        for customer in 0..<history.customerCount {
                            let lo = rowStart[customer], hi = rowStart[customer + 1]
                            for a in lo..<hi where Int(idx[a]) % workers == worker {
                                let base = gram.pointer + Int(idx[a]) * n
                                let va = val[a]
                                for b in lo..<hi { base[Int(idx[b])] += va * val[b] }
                            }
                        }
                    }
                }
            }
        }
        self.values = values
    }
}

/// A raw pointer handed to `concurrentPerform` workers that write disjoint parts of one buffer.
struct UnsafeMutableSendablePointer<T>: @unchecked Sendable {
    // Safe because every caller partitions the writes so that no two workers touch the same element.
    let pointer: UnsafeMutablePointer<T>
    init(_ pointer: UnsafeMutablePointer<T>) { self.pointer = pointer }
}
