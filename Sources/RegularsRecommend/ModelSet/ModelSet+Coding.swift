import Foundation
import RegularsData

/// The saved form of a model set: every model as it is, but the ranker as its trees only; its candidate models are
/// refitted from the snapshot on load (deterministic, and far smaller than EASE's dense weights).
extension ModelSet: Codable {
    enum CodingKeys: String, CodingKey {
        case trainedAt, settings, snapshot, popular, replenishment, complements, nextStep, similar, ranker
        case trainingSeconds
    }

    /// The ranker is saved as its trees; its candidate models are refitted from the snapshot (deterministic).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        trainedAt = try c.decode(Date.self, forKey: .trainedAt)
        settings = try c.decode(Settings.self, forKey: .settings)
        snapshot = try c.decode(Snapshot.self, forKey: .snapshot)
        popular = try c.decode(PopularModel.self, forKey: .popular)
        replenishment = try c.decode(ReplenishmentModel.self, forKey: .replenishment)
        complements = try c.decode(ComplementsModel.self, forKey: .complements)
        nextStep = try c.decode(NextStepModel.self, forKey: .nextStep)
        similar = try c.decode(SimilarItemsModel.self, forKey: .similar)
        collaborative = CollaborativeRecommender(
            snapshot: snapshot, asOf: snapshot.asOf, settings: settings.collaborative,
            ranker: try c.decode(RankerModel.self, forKey: .ranker))
        trainingSeconds = try c.decode([String: Double].self, forKey: .trainingSeconds)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(trainedAt, forKey: .trainedAt)
        try c.encode(settings, forKey: .settings)
        try c.encode(snapshot, forKey: .snapshot)
        try c.encode(popular, forKey: .popular)
        try c.encode(replenishment, forKey: .replenishment)
        try c.encode(complements, forKey: .complements)
        try c.encode(nextStep, forKey: .nextStep)
        try c.encode(similar, forKey: .similar)
        try c.encode(collaborative.ranker, forKey: .ranker)
        try c.encode(trainingSeconds, forKey: .trainingSeconds)
    }
}
