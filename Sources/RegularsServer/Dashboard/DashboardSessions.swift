import Foundation

/// Who may see the dashboard: browser sessions opened with a secret key, and one-time sign-in links.
///
/// Kept in memory on purpose: a restart signs everyone out, and no session token ever reaches the store
/// or a log. Tokens are 256 random bits; links work once and for `linkLifetime`. A session (or link) opened
/// with a key remembers the key's hash and ends when that key is revoked; the link `regulars serve` prints
/// at start belongs to whoever can read the server's terminal, and has no key.
final class DashboardSessions: Sendable {
    static let sessionLifetime: TimeInterval = 12 * 3600
    static let linkLifetime: TimeInterval = 10 * 60

    struct Grant: Sendable {
        var expires: Date
        /// SHA-256 of the secret key that opened it, if one did.
        var keyHash: [UInt8]?
    }

    private let sessions = Locked<[String: Grant]>([:])
    private let links = Locked<[String: Grant]>([:])

    /// Opens a session; returns its token (the cookie's value).
    func open(now: Date, keyHash: [UInt8]?) -> String {
        let token = Self.token()
        sessions.withLock { sessions in
            sessions = sessions.filter { $0.value.expires > now }
            sessions[token] = Grant(expires: now.addingTimeInterval(Self.sessionLifetime), keyHash: keyHash)
        }
        return token
    }

    /// Whether `token` names a session that has not expired and whose key, if any, is still valid.
    func isValid(_ token: String?, now: Date, keyIsActive: ([UInt8]) -> Bool) -> Bool {
        guard let token, !token.isEmpty, let grant = sessions.withLock({ $0[token] }), grant.expires > now else {
            return false
        }
        return grant.keyHash.map(keyIsActive) ?? true
    }

    func close(_ token: String?) {
        guard let token else { return }
        sessions.withLock { _ = $0.removeValue(forKey: token) }
    }

    /// A sign-in link's token, valid once for `linkLifetime`.
    func makeLink(now: Date, keyHash: [UInt8]?) -> (token: String, expires: Date) {
        let token = Self.token()
        let expires = now.addingTimeInterval(Self.linkLifetime)
        links.withLock { links in
            links = links.filter { $0.value.expires > now }
            links[token] = Grant(expires: expires, keyHash: keyHash)
        }
        return (token, expires)
    }

    /// Uses up a sign-in link: its grant the first time, before it expires; `nil` otherwise.
    func redeem(link token: String, now: Date) -> Grant? {
        guard let grant = links.withLock({ $0.removeValue(forKey: token) }), grant.expires > now else { return nil }
        return grant
    }

    private static func token() -> String { RandomHex.make(words: 4) }
}
