import Foundation
import RegularsData

/// A product one source proposes, with its raw score in that source's unit.
struct Proposal {
    var product: ProductIndex
    var score: Float
    var reason: Reason
    var model: String
    var date: Date? = nil
}

/// A product in the running for a list: its blended score and the reason of its best contribution.
struct Candidate {
    var product: ProductIndex
    var score: Double
    /// The largest single contribution, whose reason and model the candidate carries.
    var best: Double
    var reason: Reason
    var model: String
    var date: Date?
    var rules: [String] = []
    /// The ranker's probability that the customer buys it within 30 days, when the ranker scored it.
    var probability: Float? = nil
}

/// Blends the proposals of several sources (see `PlacementRecipe` for the arithmetic).
///
/// Proposals whose reason names a sensitive product are dropped here (`PrivacyGuard`), as are products in
/// `excluded` (the cart, the viewed product).
struct CandidatePool {
    private(set) var candidates: [Candidate] = []
    /// Where each candidate's product is in `candidates`: a table sized for `capacity` candidates, rebuilt twice as
    /// large when they outgrow it (a dictionary hashed every proposal and attached score of a request).
    private var position: ProductSlots
    private var capacity = 256
    let privacy: PrivacyGuard
    let excluded: Set<ProductIndex>

    init(privacy: PrivacyGuard, excluded: Set<ProductIndex>) {
        self.privacy = privacy
        self.excluded = excluded
        position = ProductSlots(count: capacity)
        candidates.reserveCapacity(128)
    }

    /// The slot of `product` in `position`: its place in `candidates`, or -1 where it would go.
    private func slot(of product: ProductIndex) -> Int { position.slot(of: product) { candidates[Int($0)].product } }

    private func index(of product: ProductIndex) -> Int? {
        let k = position[slot(of: product)]
        return k < 0 ? nil : Int(k)
    }

    func contains(_ product: ProductIndex) -> Bool { index(of: product) != nil }

    func candidate(_ product: ProductIndex) -> Candidate? { index(of: product).map { candidates[$0] } }

    /// Gives every candidate the ranker scored its probability, whichever source proposed it.
    mutating func attach(_ scored: [ScoredProduct]) {
        for entry in scored {
            if let k = index(of: entry.product) { candidates[k].probability = entry.score }
        }
    }

    private mutating func append(_ candidate: Candidate) {
        if candidates.count >= capacity {
            capacity *= 2
            position = ProductSlots(count: capacity)
            for k in candidates.indices { position[slot(of: candidates[k].product)] = Int32(k) }
        }
        position[slot(of: candidate.product)] = Int32(candidates.count)
        candidates.append(candidate)
    }

    /// Adds one source's proposals, best first, scaled into `0.5 ... 1` of their maximum times `weight`.
    mutating func add(_ proposals: [Proposal], weight: Double) {
        guard weight > 0, let top = proposals.map(\.score).max() else { return }
        for proposal in proposals {
            guard excluded.isEmpty || !excluded.contains(proposal.product), privacy.allows(proposal.reason) else {
                continue
            }
            let scaled = top > 0 ? 0.5 + 0.5 * Double(max(proposal.score, 0) / top) : 0.5
            let contribution = weight * scaled
            if let k = index(of: proposal.product) {
                var c = candidates[k]
                if contribution > c.best {
                    c.score = contribution + 0.1 * c.score
                    c.best = contribution
                    c.reason = proposal.reason
                    c.model = proposal.model
                    c.date = proposal.date
                } else {
                    c.score += 0.1 * contribution
                    // What the customer told us is the most explicit signal there is: it names the pick unless
                    // one of their own purchases has a measured link to it.
                    if case .statedPreference = proposal.reason, !c.reason.namesAPurchaseLink {
                        c.reason = proposal.reason
                    }
                }
                candidates[k] = c
            } else {
                append(
                    Candidate(
                        product: proposal.product, score: contribution, best: contribution, reason: proposal.reason,
                        model: proposal.model, date: proposal.date))
            }
        }
    }
}
