import Testing

@testable import RegularsServer

@Suite("Dashboard charts")
struct SVGChartTests {
    @Test(
        "the axis ceiling is round and its quarters are round too",
        arguments: [
            (0.3, 0.3), (1.0, 1.0), (1.1, 1.2), (1875, 2000), (2143, 2400), (35_800, 40_000), (617_336, 800_000),
        ])
    func ceiling(value: Double, expected: Double) {
        #expect(abs(SVGChart.niceCeiling(value) - expected) < 1e-9)
    }

    @Test("labels are escaped; bars scale to the tallest")
    func bars() {
        let svg = SVGChart.bars(
            [.init(label: "<b>", value: 50, detail: "a & b"), .init(label: "Feb", value: 100, detail: "x")],
            title: "Revenue", format: DashboardFormat.short)
        #expect(svg.contains("&lt;b&gt;") && svg.contains("a &amp; b"))
        #expect(!svg.contains("<b>"))
        #expect(svg.hasPrefix("<svg class=\"chart\"") && svg.hasSuffix("</svg>"))
        // Plot height 180: the 100 bar fills it, the 50 bar half of it.
        #expect(svg.contains("height=\"180.0\"") && svg.contains("height=\"90.0\""))
    }

    @Test("no data draws an empty chart that says so")
    func empty() {
        #expect(
            SVGChart.lines([], labels: [], title: "Segments", format: DashboardFormat.short).contains("No data yet"))
    }

    @Test("dashboard numbers: grouped counts, money to the cent, short axis labels")
    func formats() {
        #expect(DashboardFormat.count(1_234_567) == "1,234,567")
        #expect(DashboardFormat.amount(1_234.5) == "1,234.50")
        #expect(DashboardFormat.short(2500) == "2.5k")
        #expect(DashboardFormat.short(0.25) == "0.25")
        #expect(DashboardFormat.monthLabel("2025-01") == "Jan 25")
        #expect(DashboardFormat.monthLabel("2025-03") == "Mar")
    }
}
