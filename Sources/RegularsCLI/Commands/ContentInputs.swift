import ArgumentParser
import Foundation
import RegularsContent
import RegularsData
import RegularsRecommend
import RegularsSegments
import RegularsShop

/// `Shop.campaignInputs` with its errors in the CLI's words.
enum ContentInputs {
    /// `snapshot`, `predictions` and `models` may be passed when the caller has them already (the demo).
    static func load(
        _ shop: Shop, asOf: Date, snapshot: Snapshot? = nil, predictions: PredictionReport? = nil,
        models: ModelSet? = nil
    ) throws -> Campaign.Inputs {
        do {
            return try shop.campaignInputs(asOf: asOf, snapshot: snapshot, predictions: predictions, models: models)
        } catch let error as ShopError {
            throw ValidationError(error.description)
        }
    }
}
