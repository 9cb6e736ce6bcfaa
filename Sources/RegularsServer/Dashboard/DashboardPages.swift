import Foundation

/// What the dashboard's templates render: plain values, already formatted. Mustache reads them by name.
struct DashboardPage<Content>: Sendable where Content: Sendable {
    struct NavItem: Sendable {
        var title: String
        var href: String
        var current: Bool
    }

    var title: String
    var nav: [NavItem]
    var signedIn: Bool
    var content: Content

    static func make(_ title: String, path: String, _ content: Content) -> DashboardPage {
        let items = [
            ("Overview", "/dashboard"), ("Recommendations", "/dashboard/recommendations"),
            ("Models", "/dashboard/models"), ("Campaigns", "/dashboard/campaigns"),
        ]
        return DashboardPage(
            title: title, nav: items.map { NavItem(title: $0.0, href: $0.1, current: $0.1 == path) }, signedIn: true,
            content: content)
    }

    /// A page for visitors who have not signed in: no navigation.
    static func signedOut(_ title: String, _ content: Content) -> DashboardPage {
        DashboardPage(title: title, nav: [], signedIn: false, content: content)
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
    }
    var since: String
    var days: Int
    var rows: [Row]
    var hasRows: Bool
    var chart: String
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
    }
    var campaigns: [Campaign]
    var hasCampaigns: Bool
}

struct LoginPage: Sendable {
    var error: String?
}
