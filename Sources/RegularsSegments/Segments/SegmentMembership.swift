import Foundation

/// The segments one customer is in, and the one that speaks for them.
public struct SegmentMembership: Sendable, Hashable, Codable {
    /// Every segment whose rule the customer meets, in declaration order.
    public var segments: [LifecycleSegment]
    /// The first of `segments` in the definitions' priority; `nil` when the customer meets no rule
    /// (say, two orders, the last 70 days ago, on their usual rhythm).
    public var primary: LifecycleSegment?

    public init(segments: [LifecycleSegment], primary: LifecycleSegment?) {
        self.segments = segments
        self.primary = primary
    }

    public func contains(_ segment: LifecycleSegment) -> Bool { segments.contains(segment) }
}
