import Foundation

/// Charts drawn by the server as inline SVG: no script, no chart library, no CDN, and they scale to a phone
/// (a `viewBox` and `width: 100%`).
enum SVGChart {
    struct Bar: Sendable {
        var label: String
        var value: Double
        /// Shown on hover and to screen readers (`<title>`).
        var detail: String
    }

    struct Series: Sendable {
        var name: String
        var values: [Double]
        var color: String
    }

    /// Colours that stay apart for the usual handful of series, and pass contrast on white.
    static let palette = ["#1f6feb", "#d1242f", "#1a7f37", "#9a6700", "#8250df", "#bf3989", "#0a7a8a", "#57606a"]

    static let width = 640.0
    static let height = 220.0
    static let left = 48.0
    static let bottom = 28.0
    static let top = 12.0

    /// Vertical bars, one per item, labelled underneath; `title` is the chart's accessible name.
    static func bars(_ bars: [Bar], title: String, format: (Double) -> String) -> String {
        guard !bars.isEmpty else { return empty(title) }
        let maximum = niceCeiling(bars.map(\.value).max() ?? 0)
        let plotWidth = width - left - 8
        let slot = plotWidth / Double(bars.count)
        var svg = open(title) + axis(maximum: maximum, format: format)
        let every = max(1, Int((Double(bars.count) / 12).rounded(.up)))
        for (index, bar) in bars.enumerated() {
            let h = maximum > 0 ? (height - top - bottom) * bar.value / maximum : 0
            let x = left + Double(index) * slot + slot * 0.15
            svg +=
                #"<rect x="\#(f(x))" y="\#(f(height - bottom - h))" width="\#(f(slot * 0.7))" "#
                + #"height="\#(f(h))" fill="\#(palette[0])"><title>\#(escape(bar.detail))</title></rect>"#
            if index % every == 0 {
                svg +=
                    #"<text x="\#(f(x + slot * 0.35))" y="\#(f(height - 10))" "#
                    + #"text-anchor="middle">\#(escape(bar.label))</text>"#
            }
        }
        return svg + "</svg>"
    }

    /// One line per series over the same x labels, with a legend below.
    static func lines(_ series: [Series], labels: [String], title: String, format: (Double) -> String) -> String {
        guard !labels.isEmpty, !series.isEmpty else { return empty(title) }
        let maximum = niceCeiling(series.flatMap(\.values).max() ?? 0)
        let plotWidth = width - left - 8
        let step = labels.count > 1 ? plotWidth / Double(labels.count - 1) : 0
        func y(_ value: Double) -> Double {
            height - bottom - (maximum > 0 ? (height - top - bottom) * value / maximum : 0)
        }
        var svg = open(title, extraHeight: legendHeight(series.count)) + axis(maximum: maximum, format: format)
        let every = max(1, Int((Double(labels.count) / 12).rounded(.up)))
        for (index, label) in labels.enumerated() where index % every == 0 {
            svg +=
                #"<text x="\#(f(left + Double(index) * step))" y="\#(f(height - 10))" "#
                + #"text-anchor="middle">\#(escape(label))</text>"#
        }
        for line in series {
            let points = line.values.prefix(labels.count).enumerated().map {
                "\(f(left + Double($0) * step)),\(f(y($1)))"
            }
            svg +=
                #"<polyline fill="none" stroke="\#(line.color)" stroke-width="2" "#
                + #"points="\#(points.joined(separator: " "))"><title>\#(escape(line.name))</title></polyline>"#
        }
        for (index, line) in series.enumerated() {
            let x = left + Double(index % 4) * 145
            let yy = height + 16 + Double(index / 4) * 18
            svg += #"<rect x="\#(f(x))" y="\#(f(yy - 9))" width="10" height="10" fill="\#(line.color)"/>"#
            svg += #"<text x="\#(f(x + 14))" y="\#(f(yy))">\#(escape(line.name))</text>"#
        }
        return svg + "</svg>"
    }

    static func legendHeight(_ count: Int) -> Double { Double((count + 3) / 4) * 18 + 8 }

    static func open(_ title: String, extraHeight: Double = 0) -> String {
        ##"<svg class="chart" role="img" aria-label="\##(escape(title))" "##
            + ##"viewBox="0 0 \##(f(width)) \##(f(height + extraHeight))" "##
            + ##"xmlns="http://www.w3.org/2000/svg" font-size="11" "##
            + ##"font-family="system-ui, sans-serif" fill="#24292f"><title>\##(escape(title))</title>"##
    }

    /// The y axis: four gridlines with their values.
    static func axis(maximum: Double, format: (Double) -> String) -> String {
        var svg = ""
        for step in 0...4 {
            let value = maximum * Double(step) / 4
            let y = height - bottom - (height - top - bottom) * Double(step) / 4
            svg +=
                ##"<line x1="\##(f(left))" x2="\##(f(width - 8))" y1="\##(f(y))" "##
                + ##"y2="\##(f(y))" stroke="#d0d7de" stroke-width="1"/>"##
            svg += #"<text x="\#(f(left - 6))" y="\#(f(y + 4))" text-anchor="end">\#(escape(format(value)))</text>"#
        }
        return svg
    }

    static func empty(_ title: String) -> String {
        open(title) + #"<text x="\#(f(width / 2))" y="\#(f(height / 2))" text-anchor="middle">No data yet</text></svg>"#
    }

    /// The smallest of a few round ceilings × 10ⁿ at or above `value`, so the four gridlines fall on round numbers.
    static func niceCeiling(_ value: Double) -> Double {
        guard value > 0 else { return 1 }
        let magnitude = pow(10, floor(log10(value)))
        // Quarters of these are round too (the axis has four steps).
        for factor in [1.0, 1.2, 1.6, 2, 2.4, 3, 4, 6, 8, 10] where factor * magnitude >= value {
            return factor * magnitude
        }
        return 10 * magnitude
    }

    static func f(_ value: Double) -> String { String(format: "%.1f", value) }

    static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }
}
