import Foundation
import RegularsData

/// The learned ranker: gradient-boosted trees that score (customer, candidate) pairs from `RankerContext`'s
/// features; by default one model serves both list kinds (with the customer's own products, and new products
/// only), since "owned" is itself a feature.
///
/// Trained on the orders the snapshot already has: for each of `windows` 30-day windows ending at `asOf`
/// (the latest first: `[asOf − 30 d, asOf)`, then the month before, …), the candidate models are fitted on the
/// orders before the window and every customer who ordered in it gives one row per candidate, labelled 1 when they
/// bought it in the window. The same protocol as the offline evaluation, so what the trees learn is exactly
/// "what will this customer buy in the next 30 days".
///
/// One customer in sixteen is kept out of the latest window's rows, whether they ordered in it or not: all their
/// candidates, unsampled, fit the `PlattScaling` that turns a raw score into the probability of a purchase
/// within 30 days.
public struct RankerModel: Sendable, Codable {
    public struct Settings: Sendable, Codable, Equatable {
        /// Training windows of 30 days before `asOf`; 3 beat 2 on the validation split (NDCG@20 +0.005 `all`).
        public var windows = 3
        /// The share of negative rows kept (positives are all kept); scores stay in the same order.
        public var negativeSampling = 0.3
        /// Fit a second model on the rows of products the customer never bought, for lists without them. One model
        /// for both did as well on the validation split, in half the time.
        public var separateNewModel = false
        /// Weight each positive row by 20 / min(20, |the customer's purchases in the window|), its share of
        /// Recall@20. Off: on the validation split it moved NDCG@20 by +0.002 (`all`) and −0.001 (`new`), noise.
        public var recallWeighting = false
        public var trees = GradientBoostedTrees.Settings()
        /// The four "same weeks last year" features (the item's and the customer's orders in the same 30 days a year
        /// earlier); off, they are constant and the trees ignore them. Off because they did not show a gain
        /// (`regulars evaluate F --model ranker-last-year` against `--model ranker`, then
        /// `scripts/paired-difference.py`): on online-retail the training windows have no year before them, and on
        /// the two-year demo shop, cut off in the gift season and in June, every difference's 95 % interval held 0.
        public var lastYearFeatures = false
        /// Keep customers out of the latest window's rows to fit the calibration on (else only the sampling's
        /// correction is applied).
        public var calibrate = true
        /// At most this many customers give a window's training rows, and a quarter as many the calibration's:
        /// past it, a fixed hash of the customer picks who stays. Building candidates and growing trees cost in
        /// proportion to the rows, and the trees need a few thousand customers, not every one of a large shop's
        /// (a 70,000-SKU shop has 9,000 a month). Online-retail's windows have 900–1,500 and are never sampled.
        public var customersPerWindow = 4_000
        public init() {}
    }

    /// Every row of a window's customers: features, label, whether the customer owned the product, weight.
    struct TrainingRows {
        var rows: [Float] = [], labels: [Float] = [], owned: [Bool] = [], weights: [Float] = []

        mutating func append(_ other: TrainingRows) {
            rows += other.rows
            labels += other.labels
            owned += other.owned
            weights += other.weights
        }
    }

    /// Scores lists that may contain the customer's own products.
    public let all: GradientBoostedTrees
    /// Scores lists of products the customer never bought.
    public let new: GradientBoostedTrees
    /// Raw score to P(buys in the next 30 days), for each model.
    public let calibration: PlattScaling, newCalibration: PlattScaling

    /// The probability that the customer buys the product within 30 days, from `all`'s or `new`'s raw score.
    public func probability(_ score: Float, new isNew: Bool = false) -> Float {
        (isNew ? newCalibration : calibration).probability(score)
    }

    /// The customers whose rows calibrate instead of train: one in sixteen, by a fixed hash of their index. Two
    /// parameters need few rows (a few hundred customers give thousands of purchases); every row held out is one
    /// the trees do not learn from (one in eight cost 0.002–0.004 of Recall@20 on online-retail).
    static func isHeldOut(_ customer: CustomerIndex) -> Bool { (UInt64(customer) &* 0x9E37_79B9_7F4A_7C15) >> 60 == 0 }

    static let windowSeconds: Int64 = 30 * DayNumber.seconds

    /// Builds the training rows of every window, fits both models and their calibrations.
    static func train(on snapshot: Snapshot, asOf: Int64, settings: CollaborativeRecommender.Settings) -> Self {
        // The windows' candidate models are fitted at the same time (each fit is mostly single-threaded); their rows
        // are then built one window after another (each on every core) and appended in window order, so the result
        // is the same as fitting one window after another. A window's models are dropped once its rows are built.
        let windows = settings.ranker.windows
        var contexts = [RankerContext?](repeating: nil, count: windows)
        contexts.withUnsafeMutableBufferPointer { contexts in
            let out = UncheckedBox(contexts)
            // Each task writes only its own window's slot.
            Parallel.tasks(windows) { window in
                let start = asOf - Int64(window + 1) * windowSeconds
                out.value[window] = RankerContext(snapshot: snapshot, before: start, settings: settings)
            }
        }
        var training = TrainingRows(), heldOut = TrainingRows()
        for window in 0..<windows {
            let start = asOf - Int64(window + 1) * windowSeconds
            let sample = trainingRows(
                context: contexts[window]!, windowEnd: start + windowSeconds,
                negativeSampling: settings.ranker.negativeSampling, seed: settings.ranker.trees.seed &+ UInt64(window),
                recallWeighting: settings.ranker.recallWeighting, holdOut: window == 0 && settings.ranker.calibrate,
                customersPerWindow: settings.ranker.customersPerWindow)
            contexts[window] = nil
            training.append(sample.training)
            heldOut.append(sample.heldOut)
        }
        let f = RankerContext.featureCount
        let trees = settings.ranker.trees
        let trainAll = {
            GradientBoostedTrees.train(
                rows: training.rows, featureCount: f, labels: training.labels,
                weights: settings.ranker.recallWeighting ? training.weights : nil, settings: trees)
        }
        let fallback = PlattScaling.samplingCorrection(settings.ranker.negativeSampling)
        guard settings.ranker.separateNewModel else {
            let all = trainAll()
            let calibration = PlattScaling.fit(scores: all.scores(heldOut.rows), labels: heldOut.labels) ?? fallback
            return RankerModel(all: all, new: all, calibration: calibration, newCalibration: calibration)
        }
        // The new-products model learns from the rows of products the customer did not own; the two ensembles
        // grow side by side (each is parallel only in its histograms).
        let notOwned = training.notOwned
        let (all, new) = Parallel.both(trainAll) {
            GradientBoostedTrees.train(
                rows: notOwned.rows, featureCount: f, labels: notOwned.labels, settings: trees)
        }
        let calibration = PlattScaling.fit(scores: all.scores(heldOut.rows), labels: heldOut.labels) ?? fallback
        let newHeldOut = heldOut.notOwned
        let newCalibration =
            PlattScaling.fit(scores: new.scores(newHeldOut.rows), labels: newHeldOut.labels) ?? fallback
        return RankerModel(all: all, new: new, calibration: calibration, newCalibration: newCalibration)
    }

    /// `customers` (and their purchases, in the same order) cut to at most `budget` who train and `budget / 4`
    /// who calibrate, each kept with the same chance by a fixed hash of the customer and `seed`.
    static func withinBudget(
        _ customers: [CustomerIndex], _ bought: [[ProductIndex]], budget: Int, holdOut: Bool, seed: UInt64
    ) -> ([CustomerIndex], [[ProductIndex]]) {
        let calibrating = holdOut ? customers.filter(isHeldOut).count : 0
        let training = customers.count - calibrating
        guard training > budget || calibrating > budget / 4 else { return (customers, bought) }
        let trainShare = min(1, Double(budget) / Double(max(training, 1)))
        let calibrateShare = min(1, Double(budget / 4) / Double(max(calibrating, 1)))
        var keptCustomers: [CustomerIndex] = [], keptBought: [[ProductIndex]] = []
        for (i, customer) in customers.enumerated() {
            var random = SeededRandom(seed: (seed ^ 0x5EED_CAFE) &+ UInt64(customer))
            let share = holdOut && isHeldOut(customer) ? calibrateShare : trainShare
            guard Double(random.next() >> 11) / Double(1 << 53) < share else { continue }
            keptCustomers.append(customer)
            keptBought.append(bought[i])
        }
        return (keptCustomers, keptBought)
    }

    /// Candidate rows of every customer who ordered in `[context.asOf, windowEnd)` (up to `customersPerWindow`),
    /// labelled by those orders.
    static func trainingRows(
        context: RankerContext, windowEnd: Int64, negativeSampling: Double, seed: UInt64, recallWeighting: Bool = false,
        holdOut: Bool = false, customersPerWindow: Int = .max
    ) -> (training: TrainingRows, heldOut: TrainingRows) {
        let history = context.history
        let snapshot = history.snapshot
        var customers: [CustomerIndex] = []
        var bought: [[ProductIndex]] = []
        for c in 0..<history.customerCount where history.row(CustomerIndex(c)).count > 0 {
            let end = Int(history.orderEnd[c])
            var products = Set<ProductIndex>()
            var order = end
            while order < Int(snapshot.customerOrderStart[c + 1]), snapshot.orderTime[order] < windowEnd {
                for line in snapshot.lines(of: order) { products.insert(snapshot.lineProduct[line]) }
                order += 1
            }
            // A held-out customer counts whether or not they ordered in the window: the probability is of buying
            // within 30 days, not of buying given that they order (most customers of a month order nothing).
            if !products.isEmpty || (holdOut && isHeldOut(CustomerIndex(c))) {
                customers.append(CustomerIndex(c))
                bought.append(Array(products))
            }
        }
        (customers, bought) = withinBudget(customers, bought, budget: customersPerWindow, holdOut: holdOut, seed: seed)
        var parts = [TrainingRows](repeating: TrainingRows(), count: customers.count)
        parts.withUnsafeMutableBufferPointer { parts in
            let out = UncheckedBox(parts)
            // Each iteration writes only its own customers' slots; a chunk of customers shares one scratch.
            let chunks = min(customers.count, 64)
            Parallel.forEach(chunks) { chunk in
                var scratch = context.makeScratch()
                for i in (customers.count * chunk / chunks)..<(customers.count * (chunk + 1) / chunks) {
                    let customer = customers[i]
                    let truth = Set(bought[i])
                    let (products, owned, rows) = context.candidates(for: customer, includeOwn: true, scratch: &scratch)
                    var random = SeededRandom(seed: seed &* 0x9E37_79B9 &+ UInt64(customer))
                    var part = TrainingRows()
                    // A held-out customer's every candidate is kept, unsampled: the calibration sees the real odds.
                    let calibrating = holdOut && isHeldOut(customer)
                    // A hit is worth 1 / min(20, |truth|) of this customer's Recall@20.
                    let hitWeight = Float(20) / Float(min(20, truth.count))
                    let f = RankerContext.featureCount
                    for (k, product) in products.enumerated() {
                        let positive = truth.contains(product)
                        if !positive, !calibrating, Double(random.next() >> 11) / Double(1 << 53) >= negativeSampling {
                            continue
                        }
                        part.rows += rows[(k * f)..<((k + 1) * f)]
                        part.labels.append(positive ? 1 : 0)
                        part.weights.append(positive ? hitWeight : 1)
                        part.owned.append(owned[k])
                    }
                    out.value[i] = part
                }
            }
        }
        var training = TrainingRows(), heldOut = TrainingRows()
        for (i, part) in parts.enumerated() {
            if holdOut && isHeldOut(customers[i]) { heldOut.append(part) } else { training.append(part) }
        }
        return (training, heldOut)
    }
}

extension RankerModel.TrainingRows {
    /// The rows of products the customer did not own.
    var notOwned: Self {
        let f = RankerContext.featureCount
        var out = Self()
        for r in owned.indices where !owned[r] {
            out.rows += rows[(r * f)..<((r + 1) * f)]
            out.labels.append(labels[r])
            out.owned.append(false)
            out.weights.append(weights[r])
        }
        return out
    }
}
