import Foundation

/// An A/B test of one placement as the store keeps it: its arms, their recipes and weights, and when it ran.
///
/// Only the definition lives here; assignment and statistics are `RegularsMeasure`'s.
public struct ExperimentRecord: Sendable, Hashable, Codable {
    /// One arm: a name the responses carry (`A`, `B`), the recipe it serves, its share of the enrolled units.
    public struct Arm: Sendable, Hashable, Codable {
        public var name: String
        /// `default` (the placement's recipe), `none` (no recommendations), `popular`, or a name in the rules
        /// file's `experiment_recipes`.
        public var recipe: String
        public var weight: Double

        public init(name: String, recipe: String, weight: Double) {
            self.name = name
            self.recipe = recipe
            self.weight = weight
        }
    }

    /// Who is randomized: a signed-in customer, or a browser session (anonymous traffic).
    public enum Unit: String, Sendable, Hashable, Codable, CaseIterable {
        case customer
        case session
    }

    public var name: String
    public var placement: String
    public var arms: [Arm]
    /// Units kept out of every arm (they get the placement's default and are not counted), 0–50 %.
    public var holdoutPercent: Double
    public var unit: Unit
    /// Seconds since 1970.
    public var startedAt: Int64
    public var stoppedAt: Int64?

    public init(
        name: String, placement: String, arms: [Arm], holdoutPercent: Double = 0, unit: Unit = .customer,
        startedAt: Int64, stoppedAt: Int64? = nil
    ) {
        self.name = name
        self.placement = placement
        self.arms = arms
        self.holdoutPercent = holdoutPercent
        self.unit = unit
        self.startedAt = startedAt
        self.stoppedAt = stoppedAt
    }

    public var isRunning: Bool { stoppedAt == nil }

    /// The arm `unit` is in (`ExperimentAssignment.arm` over these arms and holdout), `nil` in the holdout.
    public func arm(for unit: String) -> Arm? {
        let name = ExperimentAssignment.arm(
            experiment: self.name, unit: unit, arms: arms.map { ($0.name, $0.weight) }, holdoutPercent: holdoutPercent)
        return arms.first { $0.name == name }
    }

    /// The placement of the shop-wide permanent holdout, which spans every placement and e-mail.
    public static let everyPlacement = "*"
    /// The arm of the permanent holdout whose customers get no personal recommendations anywhere.
    public static let heldOutArm = "holdout"

    /// Whether this is the permanent holdout (arms `personalized` and `holdout`) rather than a placement's test.
    public var isPermanentHoldout: Bool { placement == Self.everyPlacement }

    /// Whether the permanent holdout keeps `customer` from personal recommendations (false for other experiments).
    public func holdsOut(_ customer: CustomerID) -> Bool {
        isPermanentHoldout && ExperimentAssignment.isInPermanentHoldout(unit: customer, percent: heldOutPercent)
    }

    /// The permanent holdout's percentage (its `holdout` arm's share of the weights), 0 for other experiments.
    public var heldOutPercent: Double {
        guard isPermanentHoldout else { return 0 }
        let total = arms.reduce(0) { $0 + $1.weight }
        return total > 0 ? 100 * (arms.first { $0.name == Self.heldOutArm }?.weight ?? 0) / total : 0
    }
}

/// The first time a unit was served an arm of an experiment: who counts in the arm, and from when.
public struct ExperimentExposure: Sendable, Hashable, Codable {
    public var experiment: String
    public var unit: String
    public var arm: String
    /// Seconds since 1970.
    public var firstAt: Int64

    public init(experiment: String, unit: String, arm: String, firstAt: Int64) {
        self.experiment = experiment
        self.unit = unit
        self.arm = arm
        self.firstAt = firstAt
    }
}

/// One e-mail of a campaign sent to one customer (revenue per e-mail counts these).
public struct EmailSend: Sendable, Hashable, Codable {
    public var campaign: String
    public var customerID: CustomerID
    /// Seconds since 1970.
    public var at: Int64
    /// The opaque recipient token its links carry (`rg=`), which the widget sends back with an `email_click` so
    /// the click is the customer's without their id appearing in a URL (`RecipientToken`).
    public var token: String?

    public init(campaign: String, customerID: CustomerID, at: Int64, token: String? = nil) {
        self.campaign = campaign
        self.customerID = customerID
        self.at = at
        self.token = token
    }
}

/// Why an experiment could not be stored.
public enum ExperimentStoreError: Error, Equatable, CustomStringConvertible {
    case nameTaken(String)
    case notFound(String)

    public var description: String {
        switch self {
        case .nameTaken(let name): "an experiment named '\(name)' exists already; pick another name"
        case .notFound(let name): "no experiment named '\(name)'"
        }
    }
}
