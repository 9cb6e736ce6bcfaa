import Foundation
import RegularsContent
import RegularsData
import RegularsShop

/// The server's banner composer, kept while the served models and the insight snapshot stay the same: the
/// voice and the templates (a few files, some hundred small templates to compile) are read once per model
/// version and snapshot, not once per page view.
final class BannerComposers: Sendable {
    private let cached = Locked<(version: Int, asOf: Date, composer: BannerComposer)?>(nil)

    func composer(shop: Shop, loaded: ModelRegistry.Loaded, snapshot: Snapshot, asOf: Date) throws -> BannerComposer {
        if let cached = cached.current, cached.version == loaded.version, cached.asOf == asOf {
            return cached.composer
        }
        let voice = try shop.voice()
        let composer = BannerComposer(
            voice: voice, templates: try shop.templates(), recommender: loaded.recommender,
            catalog: CatalogFacts(snapshot: snapshot, voice: voice, handles: loaded.handles))
        cached.withLock { $0 = (loaded.version, asOf, composer) }
        return composer
    }
}
