import Foundation
import RegularsData

extension NextStepModel {
    /// Trains on `snapshot` as if today were `asOf`. Pure; O(first purchases in the lag windows), one dense
    /// row at a time.
    public static func train(on snapshot: Snapshot, asOf: Date, settings: Settings = .init()) -> Self {
        let productCount = snapshot.productCount
        let now = Int64(asOf.timeIntervalSince1970.rounded(.down))
        let minimumLag = DayNumber.seconds(settings.minimumLagDays)
        let maximumLag = DayNumber.seconds(settings.maximumLagDays)
        let firsts = FirstPurchases(snapshot, before: now)
        let base = baseRates(snapshot, firsts: firsts, before: now, minimumLag: minimumLag, maximumLag: maximumLag)

        var steps = ProductNeighbours(expectedRows: productCount)
        var support: [Int32] = []
        var lagP25: [Float] = []
        var lagMedian: [Float] = []
        var lagP75: [Float] = []
        // Dense scratch rows, reset through `touched` after each anchor.
        let customers = UnsafeMutableBufferPointer<Int32>.allocate(capacity: productCount)
        let slot = UnsafeMutableBufferPointer<Int32>.allocate(capacity: productCount)
        customers.initialize(repeating: 0)
        slot.initialize(repeating: -1)
        defer {
            customers.deallocate()
            slot.deallocate()
        }
        var touched: [Int] = []
        for a in 0..<productCount {
            // Pass 1: distinct customers per follower; each (customer, product) appears once in `firsts`.
            let anchorCustomers = firsts.forEachFollower(
                of: a, before: now, minimumLag: minimumLag, maximumLag: maximumLag
            ) { b, _ in
                if customers[b] == 0 { touched.append(b) }
                customers[b] += 1
            }
            var top = TopK(limit: settings.neighbourCount)
            let n = Float(anchorCustomers)
            for b in touched where Int(customers[b]) >= settings.minimumCustomers {
                let s = Float(customers[b])
                let p = base[b]
                let z = (s - n * p) / (n * p * (1 - p) + 1).squareRoot()
                let uplift = s / (n + settings.shrinkage) - p
                guard z >= settings.minimumZ, uplift > 0, top.admits(ProductIndex(b), uplift) else { continue }
                top.offer(ProductIndex(b), uplift)
            }
            let row = top.sorted()
            steps.appendRow(row)
            if !row.isEmpty {
                // Pass 2, for the kept steps only: their lags, gathered by slot, then sorted for the quartiles.
                var lags = [[Float]](repeating: [], count: row.count)
                for (index, entry) in row.enumerated() { slot[Int(entry.product)] = Int32(index) }
                _ = firsts.forEachFollower(of: a, before: now, minimumLag: minimumLag, maximumLag: maximumLag) {
                    b, lag in
                    if slot[b] >= 0 { lags[Int(slot[b])].append(Float(Double(lag) / DayNumber.interval)) }
                }
                for (index, entry) in row.enumerated() {
                    lags[index].sort()
                    let quartiles = Quartiles(sorted: lags[index][...])!
                    support.append(customers[Int(entry.product)])
                    lagP25.append(quartiles.p25)
                    lagMedian.append(quartiles.median)
                    lagP75.append(quartiles.p75)
                    slot[Int(entry.product)] = -1
                }
            }
            for b in touched { customers[b] = 0 }
            touched.removeAll(keepingCapacity: true)
        }
        let recent = recentPurchases(snapshot, before: now, maximumLag: maximumLag, steps: steps)
        return NextStepModel(
            settings: settings, asOf: asOf, steps: steps, support: support, lagP25Days: lagP25,
            lagMedianDays: lagMedian, lagP75Days: lagP75, recentStart: recent.start, recentProduct: recent.product,
            recentTime: recent.time)
    }

    /// Per product, the share of customers (with an order at least `minimumLag` before the cutoff) whose first
    /// purchase of it came `minimumLag`…`maximumLag` after one of their own earlier orders.
    static func baseRates(
        _ snapshot: Snapshot, firsts: FirstPurchases, before now: Int64, minimumLag: Int64, maximumLag: Int64
    ) -> [Float] {
        var count = [Float](repeating: 0, count: snapshot.productCount)
        var eligible = 0
        for customer in 0..<Int32(snapshot.customerCount) {
            let orders = snapshot.orders(of: customer)
            guard let first = orders.first, now - snapshot.orderTime[first] >= minimumLag else { continue }
            eligible += 1
            // `candidate` trails the entries: the newest order at least `minimumLag` before the entry.
            var earliest = orders.lowerBound
            var candidate = -1
            for k in Int(firsts.start[Int(customer)])..<Int(firsts.start[Int(customer) + 1]) {
                let time = firsts.time[k]
                while earliest < orders.upperBound, time - snapshot.orderTime[earliest] >= minimumLag {
                    candidate = earliest
                    earliest += 1
                }
                guard candidate >= 0, time - snapshot.orderTime[candidate] <= maximumLag else { continue }
                count[Int(firsts.product[k])] += 1
            }
        }
        let denominator = Float(max(eligible, 1))
        return count.map { $0 / denominator }
    }

    /// Each customer's purchases within `maximumLag` before the cutoff of products that have next steps.
    static func recentPurchases(
        _ snapshot: Snapshot, before now: Int64, maximumLag: Int64, steps: ProductNeighbours
    ) -> (start: [Int32], product: [ProductIndex], time: [Int64]) {
        var start: [Int32] = [0]
        var product: [ProductIndex] = []
        var time: [Int64] = []
        start.reserveCapacity(snapshot.customerCount + 1)
        for customer in 0..<Int32(snapshot.customerCount) {
            for line in snapshot.lines(ofCustomer: customer) {
                let t = snapshot.lineTime(line)
                guard t < now, now - t <= maximumLag, !steps.row(snapshot.lineProduct[line]).isEmpty else { continue }
                product.append(snapshot.lineProduct[line])
                time.append(t)
            }
            start.append(Int32(product.count))
        }
        return (start, product, time)
    }
}
