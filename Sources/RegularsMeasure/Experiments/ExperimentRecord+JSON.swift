import Foundation
import RegularsData

extension ExperimentRecord {
    /// An experiment as `GET /v1/experiments` and `regulars experiment … --json` print it (openapi.yaml's
    /// `Experiment`): snake_case keys, ISO 8601 dates, `stopped_at` written out as null while it runs.
    public struct JSON: Codable, Hashable, Sendable {
        public struct Arm: Codable, Hashable, Sendable {
            public var name: String
            public var recipe: String
            public var weight: Double
        }
        public var name: String
        public var placement: String
        public var arms: [Arm]
        public var holdoutPercent: Double
        public var unit: String
        public var startedAt: String
        public var stoppedAt: String?

        enum CodingKeys: String, CodingKey {
            case name, placement, arms, unit
            case holdoutPercent = "holdout_percent"
            case startedAt = "started_at"
            case stoppedAt = "stopped_at"
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(name, forKey: .name)
            try c.encode(placement, forKey: .placement)
            try c.encode(arms, forKey: .arms)
            try c.encode(holdoutPercent, forKey: .holdoutPercent)
            try c.encode(unit, forKey: .unit)
            try c.encode(startedAt, forKey: .startedAt)
            try c.encode(stoppedAt, forKey: .stoppedAt)  // null while running: the schema requires the key
        }
    }

    public var json: JSON {
        JSON(
            name: name, placement: placement,
            arms: arms.map { JSON.Arm(name: $0.name, recipe: $0.recipe, weight: $0.weight) },
            holdoutPercent: holdoutPercent, unit: unit.rawValue, startedAt: Timestamp.iso(startedAt),
            stoppedAt: stoppedAt.map(Timestamp.iso))
    }
}

extension ExperimentResults {
    /// The results as `GET /v1/experiments/{name}` and `regulars experiment results --json` print them (openapi.yaml's
    /// `ExperimentResults`).
    public struct JSON: Codable, Hashable, Sendable {
        public var experiment: ExperimentRecord.JSON
        public var arms: [ArmJSON]
        public var comparisons: [ComparisonJSON]
    }

    public var json: JSON {
        JSON(experiment: experiment.json, arms: arms.map(\.json), comparisons: comparisons.map(\.json))
    }
}
