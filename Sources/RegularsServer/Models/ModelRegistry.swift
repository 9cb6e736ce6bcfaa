import Foundation
import Logging
import RegularsData
import RegularsRecommend
import RegularsShop

/// The model set the server answers with, swapped atomically when `regulars train` saves a newer version.
///
/// Requests read `current` (a lock held for a pointer copy), never wait for a load: a newer version is
/// looked for at most every `checkInterval`, loaded off the request path, and swapped in when ready; a
/// request in flight keeps the recommender it started with.
public actor ModelRegistry: RecommendationSource {
    /// A loaded model set, ready to answer. A class: a request reads one reference, where copying the recommender's
    /// few dozen fields (retained one by one, released after) was 4 % of an uncached request.
    final class Loaded: Sendable {
        let version: Int
        let recommender: Recommender
        let handles: [SKU: String]

        init(version: Int, recommender: Recommender, handles: [SKU: String]) {
            self.version = version
            self.recommender = recommender
            self.handles = handles
        }
    }

    nonisolated let shop: Shop
    nonisolated let checkInterval: Duration
    nonisolated let metrics: ServerMetrics?
    nonisolated let logger: Logger
    /// The moment the server works as of: the day whose evidence is computed ahead after a load.
    nonisolated let asOf: (@Sendable () -> Date)?
    nonisolated let loaded = Locked<Loaded?>(nil)
    nonisolated let lastCheck = Locked<ContinuousClock.Instant?>(nil)
    /// Customers erased or opted out while this process runs: never personalized for, whatever the loaded
    /// models hold, until a model set trained without them replaces it.
    nonisolated let erased = Locked<Set<CustomerID>>([])
    /// Customers opted out in the store, reread with every look for a newer model version: an opt-out made
    /// with `regulars opt-out`, or before a restart, holds without waiting for the next training.
    nonisolated let optedOut = Locked<Set<CustomerID>>([])
    /// Customers' unexpired stated preferences, read with the opt-outs and updated at once by the preference page.
    nonisolated let preferences = Locked<[CustomerID: StatedPreferences]>([:])
    nonisolated let cache = ResponseCache()
    private var loading = false
    /// The suppression list's length at the last look: when another process (`regulars forget`, a second
    /// server) erases someone, it grows, and the served models are checked for erased customers.
    private var suppressionCount: Int?
    /// The newest version whose model file says it cannot be used (another format, damaged): looked at once,
    /// logged once, and passed over until a newer one appears, while the version already served goes on
    /// answering. A file that could not be read at all (an I/O error may pass) and a rules file with a mistake
    /// (its owner is fixing it) are tried again at each look.
    private var refused: Int?

    /// - Parameter shop: where the model sets and rules are (`Shop.recommender(newerThan:)`).
    init(
        shop: Shop, checkInterval: Duration = .seconds(5), metrics: ServerMetrics?, logger: Logger,
        asOf: (@Sendable () -> Date)? = nil
    ) {
        self.asOf = asOf
        self.shop = shop
        self.checkInterval = checkInterval
        self.metrics = metrics
        self.logger = logger
    }

    /// The version being served, or `nil` before the first model set.
    public nonisolated var version: Int? { loaded.current?.version }

    /// The model set being served and its version (the dashboard).
    nonisolated var served: (version: Int, models: ModelSet)? {
        loaded.current.map { ($0.version, $0.recommender.models) }
    }

    /// Loads the newest model set if it is newer than the one served. Safe to call concurrently: one load
    /// at a time, the others return at once.
    public func refresh() async {
        if let ids = try? shop.store.optedOutCustomers() { optedOut.withLock { $0 = ids } }
        if let answers = try? shop.statedPreferences() { preferences.withLock { $0 = answers } }
        forgetErasedElsewhere()
        let served = loaded.current?.version ?? 0
        guard !loading, let latest = shop.modelDirectory.latest, latest.version > served,
            latest.version != refused
        else { return }
        loading = true
        defer { loading = false }
        let shop = shop
        let task = Task.detached(priority: .utility) { () throws -> Loaded? in
            guard let next = try shop.recommender(newerThan: served) else { return nil }
            return Loaded(
                version: next.version, recommender: next.recommender,
                handles: (try? shop.store.productHandles()) ?? [:])
        }
        do {
            guard let next = try await task.value else { return }
            loaded.withLock { $0 = next }
            // A set trained before an erasure (a training that was under way) must not bring anyone back.
            suppressionCount = nil
            forgetErasedElsewhere()
            let models = next.recommender.models
            metrics?.modelLoaded(
                version: next.version, trainedAt: models.trainedAt, trainingSeconds: models.trainingSeconds)
            logger.info("serving model version \(next.version)")
            // The ranker's lists of the customers with the newest orders, off the request path: until they are
            // ready, and for customers past the budget, requests compute theirs (the same lists, more slowly).
            let recommender = next.recommender, served = loaded, metrics = metrics, asOf = asOf
            Task.detached(priority: .background) {
                recommender.precomputePersonalLists()
                if let asOf { Self.computeDayEvidenceIfDue(next, asOf: asOf()) }
                // Said only while this version is the one served: a newer one's count is its own to set.
                if served.current?.version == next.version {
                    metrics?.personalLists.record(Double(recommender.personalLists.count))
                }
            }
        } catch {
            // Refused only for what the file says (another format, damaged); a read that failed is tried again.
            if let error = error as? ModelFileError, !error.unreadable { refused = latest.version }
            metrics?.modelLoadFailures.increment()
            let keeping = served > 0 ? "still serving version \(served)" : "no models to serve"
            logger.error("cannot load model version \(latest.version), \(keeping): \(error)")
        }
    }

    /// Stops personalizing for every customer of the served models who is on the suppression list, when the
    /// list changed since the last look: an erasure made by another process holds here within `checkInterval`.
    private func forgetErasedElsewhere() {
        guard let count = try? shop.store.suppressionCount(), count != suppressionCount,
            let models = loaded.current?.recommender.models
        else { return }
        suppressionCount = count
        guard let found = try? shop.store.erasedCustomers(among: models.snapshot.customers.map(\.id)), !found.isEmpty
        else { return }
        erased.withLock { $0.formUnion(found) }
        cache.removeAll()
    }

    /// Starts a refresh in the background when the last look for a newer version is older than `checkInterval`.
    nonisolated func refreshIfDue() {
        let now = ContinuousClock.now
        let due = lastCheck.withLock { last -> Bool in
            if let last, last.duration(to: now) < checkInterval { return false }
            last = now
            return true
        }
        if due { Task { await self.refresh() } }
    }

    public nonisolated func recommend(_ query: RecommendationQuery) async throws -> RecommendationsResponse {
        refreshIfDue()
        guard let current = loaded.current else {
            throw APIError(.serviceUnavailable, "no models trained yet; run `regulars train`")
        }
        Self.computeDayEvidenceIfDue(current, asOf: query.asOf)
        var query = query
        if let customer = query.customer, !personalizes(customer) { query.customer = nil }
        query.stated = query.customer.flatMap { id in preferences.withLock { $0[id] } }
        // Carts and sessions are one visitor's and long (up to 100 SKUs each): computed every time, never
        // cached, so the cache's keys stay short and its memory bounded (~2 KB an answer).
        guard query.cart.isEmpty, query.session.isEmpty else { return try Self.answer(query, with: current) }
        let key = ResponseCache.Key(query, version: current.version)
        if !query.fresh, let cached = cache.answer(for: key) { return cached }
        let response = try Self.answer(query, with: current)
        cache.store(response, for: key)
        return response
    }

    /// Computes the day's restocks and next steps of the customers with a list ahead, off the request path, once the
    /// lists are ready and once a day (after a load, and at the first request of each day): until then, requests
    /// compute theirs (the same evidence, more slowly).
    nonisolated static func computeDayEvidenceIfDue(_ loaded: Loaded, asOf: Date) {
        guard loaded.recommender.claimDayEvidence(asOf: asOf) else { return }
        Task.detached(priority: .background) { loaded.recommender.precomputeDayEvidence(asOf: asOf) }
    }

    /// A customer's new stated preferences, served from the next request on (the cache keys on when they were
    /// stated, so their old lists are not served).
    nonisolated func update(preferences answer: StatedPreferences) {
        preferences.withLock { $0[answer.customerID] = answer }
    }

    /// Whether a customer may be personalized for: not erased, not opted out.
    nonisolated func personalizes(_ customer: CustomerID) -> Bool {
        !erased.withLock({ $0.contains(customer) }) && !optedOut.withLock({ $0.contains(customer) })
    }

    /// Stops personalizing for an erased or opted-out customer at once (the saved models still hold them
    /// until retrained), and forgets every cached answer that may hold their list.
    public nonisolated func stopPersonalizing(customer id: CustomerID) {
        erased.withLock { _ = $0.insert(id) }
        cache.removeAll()
    }

    /// Runs the placements engine. A customer or SKU the models were not trained on (new since the last
    /// training) is left out rather than refused: the visitor still gets a list.
    static func answer(_ query: RecommendationQuery, with loaded: Loaded) throws -> RecommendationsResponse {
        guard let placement = Placement(rawValue: query.placement) else {
            throw APIError.badRequest(
                "unknown placement '\(query.placement.prefix(40))'; expected one of \(Placement.names)",
                field: "placement")
        }
        // A customer or SKU the models do not know (new since the last training) is left out up front.
        let snapshot = loaded.recommender.models.snapshot
        let known = { (sku: SKU) in snapshot.productIndexBySKU[sku] != nil }
        var request = RecommendationRequest(
            placement: placement, customer: query.customer.flatMap { snapshot.customerIndexByID[$0] == nil ? nil : $0 },
            product: query.product.flatMap { known($0) ? $0 : nil }, cart: query.cart.filter(known),
            session: query.session.filter(known), referral: query.source.map { ReferralSource(source: $0) },
            pageType: query.pageType, topic: query.topic, limit: query.limit, excludeOwned: query.excludeOwned,
            asOf: query.asOf)
        request.stated = request.customer == nil ? nil : query.stated
        let id = RecommendationID.make()
        var response = RecommendationsResponse(
            placement: placement.rawValue, modelVersion: loaded.version, personalized: false, items: [],
            experiment: query.assignment?.experiment, arm: query.assignment?.arm)
        if let assignment = query.assignment {
            switch loaded.recommender.rules.armRecipe(named: assignment.recipe) {
            case .nothing: return response
            case .recipe(let recipe): request.recipe = recipe
            case .placementDefault, .offerPolicy, nil: break
            }
        }
        let list: RecommendationList
        do {
            list = try loaded.recommender.recommend(request)
        } catch is RecommendationError {
            // Should not happen after the filtering above; answer as for an anonymous visitor rather than fail.
            let recipe = request.recipe
            request = RecommendationRequest(placement: placement, limit: query.limit, asOf: query.asOf)
            request.recipe = recipe
            list = try loaded.recommender.recommend(request)
        }
        response.personalized = list.personalized
        response.items = list.items.enumerated().map { position, item in
            .init(
                sku: item.sku, title: item.title, price: item.price?.doubleValue,
                urlOrHandle: loaded.handles[item.sku], image: nil, reason: item.reason, model: item.model,
                probability: item.probability.map { ($0 * 10_000).rounded() / 10_000 },
                recommendationID: "\(id)-\(position + 1)")
        }
        return response
    }
}

/// Ids of recommendation lists: 16 random hex digits, then `-position` per item.
enum RecommendationID {
    static func make() -> String { RandomHex.make(words: 1) }
}

/// Random identifiers as hex: 16 digits per 64-bit word, from the system's secure generator.
enum RandomHex {
    static func make(words: Int) -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<words).map { _ in
            let hex = String(generator.next() as UInt64, radix: 16)
            return String(repeating: "0", count: 16 - hex.count) + hex
        }.joined()
    }
}
