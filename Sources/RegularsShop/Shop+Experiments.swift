import Foundation
import RegularsData
import RegularsMeasure
import RegularsRecommend

/// What an owner asks for when starting an experiment, as the CLI and the API take it (text, checked here once).
public struct ExperimentSpec: Sendable, Hashable {
    public var name: String
    public var placement: String
    /// `A=default,B=none`: NAME=RECIPE pairs.
    public var arms: String
    /// `50/50`: percentages per arm; `nil`: equal.
    public var split: String?
    public var holdoutPercent: Double?
    public var unit: String?

    public init(
        name: String, placement: String, arms: String, split: String? = nil, holdoutPercent: Double? = nil,
        unit: String? = nil
    ) {
        self.name = name
        self.placement = placement
        self.arms = arms
        self.split = split
        self.holdoutPercent = holdoutPercent
        self.unit = unit
    }
}

/// A spec that cannot run, naming the field at fault (`arms`, `split`, …).
public struct ExperimentSpecError: Error, Equatable, CustomStringConvertible {
    public var field: String
    public var message: String
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
        let rules = try rules()
        var arms: [ExperimentRecord.Arm] = []
        for pair in spec.arms.split(separator: ",") {
            let parts = pair.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                throw fail("arms", "expected NAME=RECIPE pairs separated by commas, such as A=default,B=none")
            }
            guard rules.armRecipe(named: parts[1]) != nil else {
                let known = rules.armRecipeNames.joined(separator: ", ")
                throw fail("arms", "unknown recipe '\(parts[1].prefix(40))'; expected one of \(known)")
            }
            guard !arms.contains(where: { $0.name == parts[0] }) else { throw fail("arms", "arm '\(parts[0])' twice") }
            arms.append(.init(name: parts[0], recipe: parts[1], weight: 1))
        }
        guard arms.count >= 2, arms.count <= 10 else { throw fail("arms", "expected 2 to 10 arms") }
        if let split = spec.split {
            let shares = split.split(separator: "/").map { Double($0.trimmingCharacters(in: .whitespaces)) }
            guard shares.count == arms.count, shares.allSatisfy({ ($0 ?? 0) > 0 }),
                abs(shares.reduce(0) { $0 + ($1 ?? 0) } - 100) < 0.001
            else { throw fail("split", "expected \(arms.count) positive percentages summing to 100, such as 50/50") }
            for index in arms.indices { arms[index].weight = shares[index]! / 100 }
        }
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
        let experiment = try experiment(named: name)
        let now = Int64(clock().timeIntervalSince1970)
        let end = min(experiment.stoppedAt ?? now, now) + 1
        let lines = try store.placedLines(from: experiment.startedAt - ExperimentResults.prePeriod, to: end)
        let events = try store.events(
            from: experiment.startedAt, to: end,
            kinds: [.recommendationImpression, .recommendationClick, .emailClick, .productView, .addToCart])
        return ExperimentResults.make(
            experiment: experiment, exposures: try store.exposures(of: name), lines: lines, events: events, now: now)
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
