import Foundation

extension SVGChart {
    /// One look at an experiment: its day and the interval of the lift then.
    struct Interval: Sendable {
        var label: String
        var low: Double
        var estimate: Double
        var high: Double
    }

    /// An interval per look (a bar from low to high, a dot at the estimate) around a line at zero: how the
    /// always-valid interval of a lift narrows as the days pass, and when it leaves zero behind.
    static func intervals(_ points: [Interval], title: String, format: (Double) -> String) -> String {
        let finite = points.filter { $0.low.isFinite && $0.high.isFinite && $0.estimate.isFinite }
        guard !finite.isEmpty else { return empty(title) }
        let reach = niceCeiling(finite.map { max(abs($0.low), abs($0.high)) }.max() ?? 0)
        let plotHeight = height - top - bottom
        func y(_ value: Double) -> Double { top + plotHeight * (reach - min(max(value, -reach), reach)) / (2 * reach) }
        var svg = open(title)
        for step in -2...2 {
            let value = reach * Double(step) / 2
            svg +=
                ##"<line x1="\##(f(left))" x2="\##(f(width - 8))" y1="\##(f(y(value)))" y2="\##(f(y(value)))" "##
                + ##"stroke="\##(step == 0 ? "#57606a" : "#d0d7de")" stroke-width="1"/>"##
            svg +=
                #"<text x="\#(f(left - 6))" y="\#(f(y(value) + 4))" text-anchor="end">"#
                + #"\#(escape(format(value)))</text>"#
        }
        let slot = (width - left - 8) / Double(finite.count)
        let every = max(1, Int((Double(finite.count) / 10).rounded(.up)))
        for (index, point) in finite.enumerated() {
            let x = left + slot * (Double(index) + 0.5)
            let color = point.low > 0 ? "#1a7f37" : point.high < 0 ? "#d1242f" : "#1f6feb"
            let detail = "\(point.label): \(format(point.estimate)) (\(format(point.low)) to \(format(point.high)))"
            svg +=
                #"<g><title>\#(escape(detail))</title><line x1="\#(f(x))" x2="\#(f(x))" y1="\#(f(y(point.low)))" "#
                + #"y2="\#(f(y(point.high)))" stroke="\#(color)" stroke-width="\#(f(max(2, slot * 0.4)))"/>"#
                + ##"<circle cx="\##(f(x))" cy="\##(f(y(point.estimate)))" r="3" fill="#24292f"/></g>"##
            if index % every == 0 {
                svg +=
                    #"<text x="\#(f(x))" y="\#(f(height - 10))" text-anchor="middle">\#(escape(point.label))</text>"#
            }
        }
        return svg + "</svg>"
    }
}
