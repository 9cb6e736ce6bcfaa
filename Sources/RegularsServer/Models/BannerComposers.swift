import Foundation
import RegularsContent
import RegularsData
import RegularsSegments
import RegularsShop

/// The server's banner composer, kept while the served models and the insight snapshot stay the same: the
/// voice and the templates (a few files, some hundred small templates to compile) are read once per model
/// version and snapshot, not once per page view.
final class BannerComposers: Sendable {
    private let cached = Locked<(version: Int, asOf: Date, composer: BannerComposer)?>(nil)
    /// The dashboard's banner per segment, kept with the composer it came from (each is some hundred
    /// recommendations over a sample of the segment's members).
    private let segments = Locked<(version: Int, asOf: Date, banners: [Banner])?>(nil)

    /// Each segment's banner and the anonymous visitor's, as the dashboard shows them.
    func segmentBanners(
        shop: Shop, loaded: ModelRegistry.Loaded, report: PredictionReport, snapshot: Snapshot, asOf: Date
    )
        throws -> [Banner]
    {
        if let kept = segments.current, kept.version == loaded.version, kept.asOf == asOf { return kept.banners }
        let banners = try composer(shop: shop, loaded: loaded, snapshot: snapshot, asOf: asOf)
            .segmentBanners(report: report, asOf: asOf)
        segments.withLock { $0 = (loaded.version, asOf, banners) }
        return banners
    }

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
