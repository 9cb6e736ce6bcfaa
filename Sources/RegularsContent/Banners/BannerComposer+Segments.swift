import Foundation
import RegularsData
import RegularsSegments

extension BannerComposer {
    /// The composer over what a campaign reads (`Shop.campaignInputs`): the served recommender, the voice, the
    /// templates and the store's catalog.
    public init(inputs: Campaign.Inputs) {
        self.init(
            voice: inputs.voice, templates: inputs.templates, recommender: inputs.recommender,
            catalog: CatalogFacts(snapshot: inputs.snapshot, voice: inputs.voice, handles: inputs.handles))
    }

    /// One banner for each segment that has customers (from a sample of its members), in the segments' order, then
    /// the anonymous visitor's:
    /// what the dashboard and `regulars banners` show the owner.
    public func segmentBanners(report: PredictionReport, source: TrafficSource? = nil, asOf: Date) -> [Banner] {
        var members: [LifecycleSegment: [CustomerID]] = [:]
        for customer in report.customers {
            if let segment = customer.primarySegment { members[segment, default: []].append(customer.customerID) }
        }
        return LifecycleSegment.allCases.compactMap { segment in
            members[segment].map { banner(segment: segment, members: $0, source: source, asOf: asOf) }
        } + [banner(segment: nil, source: source, asOf: asOf)]
    }
}
