import Foundation
import RegularsData
import RegularsMeasure
import RegularsRecommend

/// What an owner asks for when starting an experiment: the API's body as is, the CLI's text once parsed
/// (`ExperimentSpec.parse`); checked once, by `Shop.createExperiment`.
public struct ExperimentSpec: Sendable, Hashable {
    public struct Arm: Sendable, Hashable {
        public var name: String
        public var recipe: String
        /// A relative share of the units (`nil`: equal).
        public var share: Double?

        public init(name: String, recipe: String, share: Double? = nil) {
            self.name = name
            self.recipe = recipe
            self.share = share
        }
    }

    public var name: String
    public var placement: String
    public var arms: [Arm]
    public var holdoutPercent: Double?
    public var unit: String?

    public init(name: String, placement: String, arms: [Arm], holdoutPercent: Double? = nil, unit: String? = nil) {
        self.name = name
        self.placement = placement
        self.arms = arms
        self.holdoutPercent = holdoutPercent
        self.unit = unit
    }

    /// The CLI's `--arms A=default,B=none [--split 90/10]`.
    public static func parse(arms text: String, split: String?) throws -> [Arm] {
        var arms: [Arm] = []
        for pair in text.split(separator: ",") {
            let parts = pair.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                throw ExperimentSpecError(
                    field: "arms", message: "expected NAME=RECIPE pairs separated by commas, such as A=default,B=none")
            }
            arms.append(Arm(name: parts[0], recipe: parts[1]))
        }
        if let split, !split.isEmpty {
            // Relative shares: 50/50, 90/10 or 1/1 (they need not sum to 100).
            let shares = split.split(separator: "/", omittingEmptySubsequences: false).map {
                Double($0.trimmingCharacters(in: .whitespaces))
            }
            guard shares.count == arms.count, shares.allSatisfy({ $0 != nil }) else {
                throw ExperimentSpecError(
                    field: "split", message: "expected \(arms.count) shares separated by '/', such as 50/50")
            }
            for index in arms.indices { arms[index].share = shares[index] }
        }
        return arms
    }
}

/// A spec that cannot run, naming the field at fault (`arms`, `split`, …). `unknownRecipe`: the spec is well
/// formed but names a recipe the shop's rules file does not have (a conflict with the shop's state).
public struct ExperimentSpecError: Error, Equatable, CustomStringConvertible {
    public var field: String
    public var message: String
    public var unknownRecipe = false
    public var description: String { "\(field): \(message)" }
}

extension Shop {
    /// Checks `spec` against the placements and the rules' recipes, and starts the experiment now.
    public func createExperiment(_ spec: ExperimentSpec) throws -> ExperimentRecord {
        func fail(_ field: String, _ message: String) -> ExperimentSpecError { .init(field: field, message: message) }
        let name = spec.name
        guard !name.isEmpty, name.count <= 100,
            name.unicodeScalars.allSatisfy({
                CharacterSet.alphanumerics.contains($0) || "._-".unicodeScalars.contains($0)
            })
        else { throw fail("name", "expected 1 to 100 letters, digits, '.', '_' or '-'") }
        guard Placement(rawValue: spec.placement) != nil else {
            throw fail(
                "placement", "unknown placement '\(spec.placement.prefix(40))'; expected one of \(Placement.names)")
        }
        guard spec.arms.count >= 2, spec.arms.count <= 10 else { throw fail("arms", "expected 2 to 10 arms") }
        let rules = try rules()
        var arms: [ExperimentRecord.Arm] = []
        for arm in spec.arms {
            guard !arm.name.isEmpty, !arms.contains(where: { $0.name == arm.name }) else {
                throw fail("arms", "arm names must be distinct and not empty ('\(arm.name.prefix(40))')")
            }
            let share = arm.share ?? 1
            guard share > 0, share.isFinite else {
                throw fail("split", "expected a positive share for arm '\(arm.name.prefix(40))'")
            }
            guard rules.armRecipe(named: arm.recipe) != nil else {
                let known = rules.armRecipeNames.joined(separator: ", ")
                var error = fail("arms", "unknown recipe '\(arm.recipe.prefix(40))'; expected one of \(known)")
                error.unknownRecipe = true
                throw error
            }
            arms.append(.init(name: arm.name, recipe: arm.recipe, weight: share))
        }
        let total = arms.reduce(0) { $0 + $1.weight }
        for index in arms.indices { arms[index].weight /= total }
        let holdout = spec.holdoutPercent ?? 0
        guard (0...50).contains(holdout) else { throw fail("holdout_percent", "expected 0 to 50") }
        guard let unit = ExperimentRecord.Unit(rawValue: spec.unit ?? "customer") else {
            throw fail("unit", "expected customer or session")
        }
        let record = ExperimentRecord(
            name: name, placement: spec.placement, arms: arms, holdoutPercent: holdout, unit: unit,
            startedAt: Int64(clock().timeIntervalSince1970))
        try store.create(experiment: record)
        return record
    }

    public func experiment(named name: String) throws -> ExperimentRecord {
        guard let found = try store.experiments().first(where: { $0.name == name }) else {
            throw ExperimentStoreError.notFound(name)
        }
        return found
    }

    /// Stops the experiment now; its results stay readable.
    public func stopExperiment(named name: String) throws -> ExperimentRecord {
        try store.stopExperiment(named: name, at: Int64(clock().timeIntervalSince1970))
        return try experiment(named: name)
    }

    /// The experiment's results as of the clock: what the dashboard, the API and `experiment results` show.
    public func experimentResults(named name: String) throws -> ExperimentResults {
        try experimentHistory(named: name, points: 1).last!.results
    }

    /// The experiment's results as they stood at the end of days since it started (at most `points` looks, evenly
    /// spread, the last always now, or its stop): the chart of its interval over time ends with its results.
    public func experimentHistory(named name: String, points: Int = 30) throws -> [(
        day: Int64, results: ExperimentResults
    )] {
        let experiment = try experiment(named: name)
        let now = Int64(clock().timeIntervalSince1970)
        let end = min(experiment.stoppedAt ?? now, now)
        let lines = try store.placedLines(from: experiment.startedAt - ExperimentResults.prePeriod, to: end + 1)
        let events = try store.events(from: experiment.startedAt, to: end + 1, kinds: ShopEvent.Kind.measured)
        let exposures = try store.exposures(of: name)
        let days = max(1, (end - experiment.startedAt + 86_399) / 86_400)
        let step = max(1, (days + Int64(points) - 1) / Int64(points))
        var looks = Array(stride(from: days, through: 1, by: -Int(step)).reversed())
        if looks.count > points { looks.removeFirst(looks.count - points) }
        return looks.map { day in
            let at = min(experiment.startedAt + day * 86_400, end)
            return (
                at,
                ExperimentResults.make(
                    experiment: experiment, exposures: exposures, lines: lines, events: events, now: at)
            )
        }
    }

    /// How many weeks a test of `placement` needs to detect `lift` (0.1 = 10 %), from the shop's last four weeks:
    /// the visitors the placement served (customers with recommendation events), else the customers who ordered
    /// in the last year, as the units that would enter; their conversion and revenue per unit in four weeks.
    public func planExperiment(placement: String, lift: Double, holdoutPercent: Double = 0) throws
        -> (plan: ExperimentPlan?, traffic: TrafficProfile, basis: String)
    {
        let now = Int64(try asOf().date.timeIntervalSince1970)
        let window: Int64 = 28 * 86_400
        let events = try store.events(from: now - window, to: now, kinds: [.recommendationImpression])
        var units = Set(events.filter { $0.source == placement }.compactMap(\.customerID))
        var basis = "customers shown \(placement) recommendations in the last 4 weeks"
        if units.isEmpty {
            let year = try store.placedLines(from: now - 365 * 86_400, to: now - window)
            units = Set(year.compactMap(\.customerID))
            basis = "customers who ordered in the year before the last 4 weeks (no \(placement) impressions yet)"
        }
        var revenue: [CustomerID: Double] = [:]
        for line in try store.placedLines(from: now - window, to: now) {
            if let customer = line.customerID, units.contains(customer) {
                revenue[customer, default: 0] += line.revenue.doubleValue
            }
        }
        let n = Double(max(units.count, 1))
        let mean = revenue.values.reduce(0, +) / n
        let squares = revenue.values.reduce(0) { $0 + $1 * $1 }
        let variance = max(squares / n - mean * mean, 0) * n / max(n - 1, 1)
        let traffic = TrafficProfile(
            unitsPerWeek: Double(units.count) / 4, baselineConversionRate: Double(revenue.count) / n,
            baselineRevenuePerUnit: mean, revenuePerUnitStandardDeviation: variance.squareRoot(),
            holdoutFraction: holdoutPercent / 100)
        return (ExperimentPlanner.plan(traffic: traffic, targetLift: lift), traffic, basis)
    }
}
