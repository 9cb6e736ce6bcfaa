import Foundation
import RegularsData
import RegularsRecommend

/// Recent answers of `GET /v1/recommendations`, so that the same question asked again (a product page
/// for every anonymous visitor, a signed-in customer's home page on each visit) is not recomputed.
///
/// Keyed by the whole question, the model version and the day: a new model set, a new day or any
/// change asks again (questions with a cart or a session are not cached at all: `ModelRegistry`). Two
/// generations approximate least-recently-used at O(1): when the young one is full it becomes the old one
/// and the previous old one is dropped; a hit in the old generation moves to the young one. Each answer
/// gets fresh recommendation ids.
final class ResponseCache: Sendable {
    struct Key: Hashable, Sendable {
        var version: Int
        var day: Int64
        var placement: String
        var customer: CustomerID?
        var product: SKU?
        var cart: [SKU]
        var session: [SKU]
        var source: String?
        var limit: Int
        var excludeOwned: Bool
        var pageType: PageType?
        var topic: String?
        /// The experiment and arm: two arms of one placement are different lists.
        var arm: [String]
        /// When the customer last stated their preferences: a new answer is a new list.
        var stated: Date?

        init(_ query: RecommendationQuery, version: Int) {
            self.version = version
            day = Int64((query.asOf.timeIntervalSince1970 / DayNumber.interval).rounded(.down))
            placement = query.placement
            customer = query.customer
            stated = query.stated?.statedAt
            product = query.product
            cart = query.cart
            session = query.session
            source = query.source
            arm = query.assignment.map { [$0.experiment, $0.arm] } ?? []
            limit = query.limit
            excludeOwned = query.excludeOwned
            pageType = query.pageType
            topic = query.topic
        }
    }

    private struct Generations {
        var young: [Key: RecommendationsResponse] = [:]
        var old: [Key: RecommendationsResponse] = [:]
    }

    /// Answers per generation: about 2 KB each, so at most ~40 MB for both.
    let capacity: Int
    private let state = Locked(Generations())

    init(capacity: Int = 10_000) {
        self.capacity = capacity
    }

    func answer(for key: Key) -> RecommendationsResponse? {
        let hit = state.withLock { state -> RecommendationsResponse? in
            if let young = state.young[key] { return young }
            guard let old = state.old.removeValue(forKey: key) else { return nil }
            Self.insert(old, for: key, into: &state, capacity: capacity)
            return old
        }
        return hit.map(Self.withFreshIDs)
    }

    func store(_ response: RecommendationsResponse, for key: Key) {
        state.withLock { Self.insert(response, for: key, into: &$0, capacity: capacity) }
    }

    /// Drops every answer (a customer erased or opted out: no cached list may still be personal).
    func removeAll() {
        state.withLock { $0 = Generations() }
    }

    var count: Int { state.withLock { $0.young.count + $0.old.count } }

    private static func insert(
        _ response: RecommendationsResponse, for key: Key, into state: inout Generations, capacity: Int
    ) {
        if state.young.count >= capacity {
            state.old = state.young
            state.young = [:]
        }
        state.young[key] = response
    }

    private static func withFreshIDs(_ response: RecommendationsResponse) -> RecommendationsResponse {
        var response = response
        let id = RecommendationID.make()
        for index in response.items.indices { response.items[index].recommendationID = "\(id)-\(index + 1)" }
        return response
    }
}
