import Foundation
import RegularsData
import RegularsSegments

/// The snapshot and the segments-and-predictions report the back-office routes read, computed when first
/// asked for and kept for the rest of the minute (about a second per 100 000 customers to compute), or until
/// a write through the API makes it stale.
actor InsightCache {
    struct Insights: Sendable {
        var snapshot: Snapshot
        var report: PredictionReport
        var asOf: Date
    }

    private let store: any Store
    private let now: @Sendable () -> Date
    private var cached: (minute: Int64, generation: Int, insights: Insights)?
    private var generation = 0

    init(store: any Store, now: @escaping @Sendable () -> Date) {
        self.store = store
        self.now = now
    }

    /// Forgets what was computed: the next read sees the store as it is.
    func invalidate() {
        generation += 1
        cached = nil
    }

    func current() throws -> Insights {
        let asOf = now()
        let minute = Int64(asOf.timeIntervalSince1970 / 60)
        if let cached, cached.minute == minute, cached.generation == generation { return cached.insights }
        let snapshot = try store.snapshot(asOf: asOf)
        let insights = Insights(
            snapshot: snapshot, report: PredictionReport.make(snapshot: snapshot, asOf: asOf), asOf: asOf)
        cached = (minute, generation, insights)
        return insights
    }
}
