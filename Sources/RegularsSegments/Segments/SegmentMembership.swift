import Foundation
import RegularsData

/// The segments one customer is in, and the one that speaks for them.
public struct SegmentMembership: Sendable, Hashable, Codable {
    /// Every segment whose rule the customer meets, in declaration order.
    public var segments: [LifecycleSegment]
    /// The first of `segments` in the definitions' priority; `nil` when the customer meets no rule
    /// (say, two orders, the last 70 days ago, on their usual rhythm).
    public var primary: LifecycleSegment?
    /// The season they buy in mainly (`LifecycleSegmenter.season`): a dimension beside the lifecycle, so a
    /// campaign can ask for "bought in summer, nothing since" (summer and lapsed).
    public var season: Season?

    public init(segments: [LifecycleSegment], primary: LifecycleSegment?, season: Season? = nil) {
        self.segments = segments
        self.primary = primary
        self.season = season
    }

    public func contains(_ segment: LifecycleSegment) -> Bool { segments.contains(segment) }
}
