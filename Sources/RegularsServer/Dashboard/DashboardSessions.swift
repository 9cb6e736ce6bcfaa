import Foundation

/// Who may see the dashboard: browser sessions opened with a secret key, and one-time sign-in links.
///
/// Kept in memory on purpose: a restart signs everyone out, and no session token ever reaches the store
/// or a log. Tokens are 256 random bits; links work once and for `linkLifetime`.
final class DashboardSessions: Sendable {
    static let sessionLifetime: TimeInterval = 12 * 3600
    static let linkLifetime: TimeInterval = 10 * 60

    private let sessions = Locked<[String: Date]>([:])
    private let links = Locked<[String: Date]>([:])

    /// Opens a session; returns its token (the cookie's value).
    func open(now: Date) -> String {
        let token = Self.token()
        sessions.withLock { sessions in
            sessions = sessions.filter { $0.value > now }
            sessions[token] = now.addingTimeInterval(Self.sessionLifetime)
        }
        return token
    }

    /// Whether `token` names a session that has not expired.
    func isValid(_ token: String?, now: Date) -> Bool {
        guard let token, !token.isEmpty else { return false }
        return sessions.withLock { ($0[token] ?? .distantPast) > now }
    }

    func close(_ token: String?) {
        guard let token else { return }
        sessions.withLock { _ = $0.removeValue(forKey: token) }
    }

    /// A sign-in link's token, valid once for `linkLifetime`.
    func makeLink(now: Date) -> (token: String, expires: Date) {
        let token = Self.token()
        let expires = now.addingTimeInterval(Self.linkLifetime)
        links.withLock { links in
            links = links.filter { $0.value > now }
            links[token] = expires
        }
        return (token, expires)
    }

    /// Uses up a sign-in link: `true` the first time, before it expires.
    func redeem(link token: String, now: Date) -> Bool {
        links.withLock { ($0.removeValue(forKey: token) ?? .distantPast) > now }
    }

    private static func token() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<4).map { _ in
            let hex = String(generator.next() as UInt64, radix: 16)
            return String(repeating: "0", count: 16 - hex.count) + hex
        }.joined()
    }
}
