import Foundation
import RegularsData

/// The store's API keys and customer token key, held in memory and reread at most once a second, so that a key
/// created or revoked, or the token key rotated, with `regulars keys` takes effect within a second without a
/// database read on every request.
final class KeyRing: Sendable {
    private struct State {
        var records: [APIKeyRecord] = []
        var tokenKey: [UInt8] = []
        var loadedAt: ContinuousClock.Instant?
    }

    private let store: any Store
    private let state = Locked(State())
    private let maximumAge: Duration

    init(store: any Store, maximumAge: Duration = .seconds(1)) {
        self.store = store
        self.maximumAge = maximumAge
    }

    /// The record of the key presented, or `nil` when no stored key matches.
    func record(forKey key: String) throws -> APIKeyRecord? {
        let digest = APIKeyRecord.digest(of: key)
        return Self.match(digest, in: try records())
    }

    private func records() throws -> [APIKeyRecord] { try current().records }

    /// The key `CustomerToken`s are made and checked with.
    func customerTokenKey() throws -> [UInt8] { try current().tokenKey }

    private func current() throws -> State {
        let now = ContinuousClock.now
        let cached = state.withLock { state -> State? in
            guard let loadedAt = state.loadedAt, loadedAt.duration(to: now) < maximumAge else { return nil }
            return state
        }
        if let cached { return cached }
        let fresh = State(records: try store.keys(), tokenKey: try store.customerTokenKey(), loadedAt: now)
        state.withLock { $0 = fresh }
        return fresh
    }

    /// Whether a key with this hash is still stored (not revoked).
    func isActive(hash: [UInt8]) throws -> Bool {
        Self.match(hash, in: try records()) != nil
    }

    /// Compares `digest` with every stored hash in constant time: the time taken depends on the number of
    /// keys only, never on how many bytes of a hash matched.
    static func match(_ digest: [UInt8], in records: [APIKeyRecord]) -> APIKeyRecord? {
        var found: APIKeyRecord?
        for record in records {
            if ConstantTime.equal(digest, record.hash) && found == nil { found = record }
        }
        return found
    }
}
