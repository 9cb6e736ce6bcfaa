import Foundation

/// The size of one segment: everyone in it, and those for whom it is the primary segment.
public struct SegmentCount: Sendable, Hashable, Codable {
    public var segment: LifecycleSegment
    public var members: Int
    public var primary: Int

    public init(segment: LifecycleSegment, members: Int, primary: Int) {
        self.segment = segment
        self.members = members
        self.primary = primary
    }

    /// One count per segment in declaration order, from memberships (`nil` entries are skipped).
    public static func counts(_ memberships: [SegmentMembership?]) -> [SegmentCount] {
        var members = [LifecycleSegment: Int]()
        var primary = [LifecycleSegment: Int]()
        for membership in memberships {
            guard let membership else { continue }
            for segment in membership.segments { members[segment, default: 0] += 1 }
            if let first = membership.primary { primary[first, default: 0] += 1 }
        }
        return LifecycleSegment.allCases.map {
            SegmentCount(segment: $0, members: members[$0] ?? 0, primary: primary[$0] ?? 0)
        }
    }
}
