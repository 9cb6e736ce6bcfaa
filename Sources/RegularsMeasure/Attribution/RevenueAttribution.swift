import Foundation
import RegularsData

/// Credits order lines to the recommendation or e-mail click that earned them: the revenue a shop can check
/// against its own books, rather than opens or clicks that may never have turned into a sale.
///
/// The rules, in full:
/// - A line is credited to the **latest** `recommendationClick` or `emailClick` on the **same SKU** by the order's
///   customer, or in a session that customer used (`SessionLinks`), at or before the order and within that click
///   kind's window (`AttributionWindows`). A guest order is matched through its own session only.
/// - With `viewThrough`, a `recommendationImpression` within its window counts when no click does.
/// - A line is credited at most once, with `unitPrice × quantity`.
/// - Pure over its inputs, so running it again gives the same answer: lines are keyed by `(orderID, position)` and
///   the last occurrence of a key wins; an event id seen twice counts once (the first).
public enum RevenueAttribution {
    /// The attributed lines of `lines` (unattributed ones are left out), sorted by key.
    public static func attribute(
        events: [ShopEvent], lines: [PlacedLine], windows: AttributionWindows = .init()
    ) -> [AttributedLine] {
        let lines = PlacedLine.latest(lines)
        let index = ClickIndex(events: ShopEvent.unique(events), lines: lines, windows: windows)
        return lines.compactMap(index.attribute).sorted { $0.key < $1.key }
    }
}
