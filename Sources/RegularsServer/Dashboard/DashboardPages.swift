import Foundation

/// What the dashboard's templates render: plain values, already formatted. Mustache reads them by name.
struct DashboardPage<Content>: Sendable where Content: Sendable {
    struct NavItem: Sendable {
        var title: String
        var href: String
        var current: Bool
    }

    var title: String
    /// Where the shop's pages are mounted (`AppServices.basePath`): every link and form starts with it.
    var base: String
    var nav: [NavItem]
    var signedIn: Bool
    var content: Content

    static func make(_ title: String, base: String, path: String, _ content: Content) -> DashboardPage {
        let items = [
            ("Overview", "/dashboard"), ("Recommendations", "/dashboard/recommendations"),
            ("Experiments", "/dashboard/experiments"), ("Models", "/dashboard/models"),
            ("Campaigns", "/dashboard/campaigns"),
        ]
        return DashboardPage(
            title: title, base: base,
            nav: items.map { NavItem(title: $0.0, href: base + $0.1, current: $0.1 == path) }, signedIn: true,
            content: content)
    }

    /// A page for visitors who have not signed in: no navigation.
    static func signedOut(_ title: String, base: String, _ content: Content) -> DashboardPage {
        DashboardPage(title: title, base: base, nav: [], signedIn: false, content: content)
    }
}

struct OverviewPage: Sendable {
    struct Card: Sendable {
        var label: String
        var value: String
        var note: String
    }
    struct SegmentRow: Sendable {
        var name: String
        var members: String
        var share: String
    }
    var asOf: String
    var cards: [Card]
    var revenueChart: String
    var segmentChart: String
    var segments: [SegmentRow]
}

struct RecommendationsPage: Sendable {
    struct Row: Sendable {
        var placement: String
        var impressions: String
        var clicks: String
        var clickThroughRate: String
        var purchases: String
        var revenue: String
        var share: String
    }
    struct CampaignRow: Sendable {
        var name: String
        var sends: String
        var revenue: String
        var perSend: String
    }
    var since: String
    var days: Int
    var rows: [Row]
    var hasRows: Bool
    var chart: String
    var aovWith: String
    var aovWithout: String
    var repeatRate: String
    var campaigns: [CampaignRow]
    /// Stored, not computed: the templates read values by reflection, which sees stored properties only.
    var hasCampaigns: Bool
}

struct ExperimentsPage: Sendable {
    struct Arm: Sendable {
        var name, recipe, units, impressions, clicks, orders, revenuePerUnit, conversion, attributed: String
    }
    struct Experiment: Sendable {
        var name, href, placement, state, since: String
        var arms: [Arm]
        var verdicts: [String]
        var chart: String
    }
    struct BaselineRow: Sendable {
        var figure, then, now, change: String
    }
    var experiments: [Experiment]
    var hasExperiments: Bool
    var baseline: [BaselineRow]
    var baselineSince: String?
}

struct ModelsPage: Sendable {
    struct Timing: Sendable {
        var model: String
        var seconds: String
    }
    struct BacktestRow: Sendable {
        var label: String
        var allRecall, allNDCG, newRecall, newNDCG: String
        var trainSeconds: String
        var best: Bool
    }
    struct Backtest: Sendable {
        var model: String
        var cutoff: String
        var rows: [BacktestRow]
        var verdict: String
    }
    var served: Bool
    var version: String
    var trainedAt: String
    var age: String
    var asOf: String
    var totalTraining: String
    var timings: [Timing]
    var backtest: Backtest?
    var sync: ShopifySync
}

/// The Shopify connection's state on the Models page: what came in and what could not be processed.
struct ShopifySync: Sendable {
    struct Problem: Sendable {
        var received: String
        var topic: String
        var error: String
    }
    var connected: Bool
    var domain: String
    var processed: Int
    var pending: Int
    var parked: Int
    var lastReceived: String
    /// The newest parked deliveries: topic and error, never their bodies.
    var problems: [Problem]
    var hasProblems: Bool
}

struct CampaignsPage: Sendable {
    struct File: Sendable {
        var name: String
        var href: String
    }
    struct Campaign: Sendable {
        var name: String
        var segment: String
        var generatedAt: String
        var recipients: String
        var mode: String
        var files: [File]
        /// Why its copy should be written again (`CopyFreshness`), or `nil` while fresh.
        var stale: String?
    }
    /// One segment's homepage banner, as `GET /v1/banner` serves it to that segment.
    struct Banner: Sendable {
        var audience: String
        var angle: String
        var headline: String
        var subline: String
        var cta: String
        var link: String
        var products: String
        var reason: String
        /// "Passed the fact check", or what it found (a banner with problems is not served).
        var check: String
        var passed: Bool
    }
    var campaigns: [Campaign]
    var hasCampaigns: Bool
    var banners: [Banner] = []
    var hasBanners = false
}

struct LoginPage: Sendable {
    var error: String?
}
