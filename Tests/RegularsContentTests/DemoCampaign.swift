import Foundation
import RegularsContent
import RegularsData
import RegularsDemo
import RegularsRecommend
import RegularsSegments

/// The demo shop, trained once for every test here: its snapshot keeps names and e-mails (as the store's
/// does), the models get the stripped copy (as `regulars train` saves them).
enum DemoCampaign {
    static let snapshot: Snapshot = DemoShop.generate().snapshot()
    static let models: ModelSet = ModelSet.train(on: snapshot, trainedAt: Date(timeIntervalSince1970: 0))
    static let predictions: PredictionReport = PredictionReport.make(snapshot: snapshot, asOf: snapshot.asOf)
    static let templates: TemplateSet = try! TemplateSet.load()

    static func inputs(voice: BrandVoice = BrandVoice()) -> Campaign.Inputs {
        Campaign.Inputs(
            snapshot: snapshot, predictions: predictions, recommender: Recommender(models: models), voice: voice,
            templates: templates, handles: [:], asOf: snapshot.asOf, generatedAt: snapshot.asOf)
    }

    static var catalog: CatalogFacts { CatalogFacts(snapshot: snapshot, voice: BrandVoice(), handles: [:]) }
}
