import Foundation
import RegularsData
import RegularsDemo
import RegularsSegments
import Testing

@testable import RegularsContent

@Suite("Homepage banners")
struct BannerTests {
    static let composer = BannerComposer(inputs: DemoCampaign.inputs())

    @Test("on the demo shop each segment's banner differs, fits its segment and passes the fact check")
    func perSegment() throws {
        let banners = Self.composer.segmentBanners(
            report: DemoCampaign.predictions, asOf: DemoCampaign.snapshot.asOf)
        let byAudience = Dictionary(uniqueKeysWithValues: banners.map { ($0.audience, $0) })
        for banner in banners {
            #expect(banner.problems.isEmpty, "\(banner.audience): \(banner.problems)")
            #expect(!banner.products.isEmpty && banner.products.count <= BannerComposer.productCount)
            #expect(banner.headline.count <= CampaignComposer.subjectLimit)
            #expect(!banner.reason.isEmpty)
        }
        #expect(byAudience["new"]?.angle == .welcome)
        #expect(byAudience["loyal"]?.angle == .earlyAccess)
        #expect(byAudience["lapsed"]?.angle == .whatsNew)
        #expect(byAudience["anonymous"]?.angle == .visitor)
        let lapsed = try #require(byAudience["lapsed"])
        #expect(lapsed.products.allSatisfy { $0.reason.hasPrefix("New arrival") })
        let copy = [byAudience["new"], byAudience["loyal"], byAudience["lapsed"], byAudience["anonymous"]]
            .compactMap { $0.map { $0.headline + "|" + $0.subline } }
        #expect(Set(copy).count == 4, "\(copy)")
    }

    @Test("a lapsed customer's 'what's new' shows only what arrived after their last order")
    func newSinceLastOrder() throws {
        let snapshot = DemoCampaign.snapshot
        let lapsed = DemoCampaign.predictions.customers.filter { $0.primarySegment == .lapsed }.prefix(25)
        #expect(lapsed.count == 25)
        for customer in lapsed {
            let banner = Self.composer.banner(segment: .lapsed, customer: customer.customerID, asOf: snapshot.asOf)
            guard banner.angle == .whatsNew else {
                #expect(banner.angle == .welcomeBack)
                continue
            }
            let index = try #require(snapshot.customerIndexByID[customer.customerID])
            let last = snapshot.orderTime[try #require(snapshot.orders(of: index).last)]
            for product in banner.products {
                let created = try #require(snapshot.products[Int(snapshot.productIndexBySKU[product.sku]!)].createdAt)
                #expect(created.timeIntervalSince1970 > TimeInterval(last))
            }
        }
    }

    @Test("a source's banner keeps to its voice: instagram short with one emoji, google with none")
    func sources() {
        let asOf = DemoCampaign.snapshot.asOf
        let instagram = Self.composer.banner(segment: nil, source: .instagram, asOf: asOf)
        let google = Self.composer.banner(segment: nil, source: .google, asOf: asOf)
        let plain = Self.composer.banner(segment: nil, asOf: asOf)
        #expect(instagram.problems.isEmpty && google.problems.isEmpty, "\(instagram.problems) \(google.problems)")
        #expect(DraftCheck.emojiCount(instagram.headline) == 1)
        #expect(instagram.headline.count <= SourceStyle.shortLimit)
        #expect(DraftCheck.emojiCount(google.headline + google.subline) == 0)
        #expect(Set([instagram.headline, google.headline, plain.headline]).count >= 2)
        #expect(instagram.source == "instagram")
    }

    @Test("copy that states a wrong price, a word the voice avoids or a link fails the banner's fact check")
    func factCheck() throws {
        let asOf = DemoCampaign.snapshot.asOf
        var banner = Self.composer.banner(segment: .new, asOf: asOf)
        #expect(banner.problems.isEmpty)
        banner.subline = "Everything at £1.99, act now: https://elsewhere.example"
        let problems = Self.composer.check(banner, style: nil, headlineLimit: CampaignComposer.subjectLimit)
        #expect(problems.contains { $0.contains("price") })
        #expect(problems.contains { $0.contains("act now") })
        #expect(problems.contains { $0.contains("link") })
    }
}
