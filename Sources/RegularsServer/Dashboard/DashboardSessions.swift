import Crypto
import Foundation
import RegularsData

/// Who may see the dashboard: browser sessions opened with a secret key, and one-time sign-in links.
///
/// Kept in the store by the SHA-256 of their token, never the token: every server on the store knows a session
/// (a browser may land on any of them, and a restart signs nobody out), and a copy of the store opens nothing.
/// Tokens are 256 random bits; links work once, on whichever server, for `linkLifetime`. A session (or link)
/// opened with a key remembers the key's hash and ends when that key is revoked; the link `regulars serve` prints
/// at start belongs to whoever can read the server's terminal, and has no key.
struct DashboardSessions: Sendable {
    static let sessionLifetime: TimeInterval = 12 * 3600
    static let linkLifetime: TimeInterval = 10 * 60

    let store: any Store

    /// Opens a session; returns its token (the cookie's value).
    func open(now: Date, keyHash: [UInt8]?) throws -> String {
        let token = Self.token()
        try store.add(
            grant: AccessGrant(
                tokenHash: Self.hash(token), kind: .session,
                expiresAt: Self.seconds(now.addingTimeInterval(Self.sessionLifetime)), keyHash: keyHash),
            at: Self.seconds(now))
        return token
    }

    /// Whether `token` names a session that has not expired and whose key, if any, is still valid.
    func isValid(_ token: String?, now: Date, keyIsActive: ([UInt8]) -> Bool) throws -> Bool {
        guard let token, !token.isEmpty,
            let grant = try store.grant(tokenHash: Self.hash(token), kind: .session, at: Self.seconds(now))
        else { return false }
        return grant.keyHash.map(keyIsActive) ?? true
    }

    func close(_ token: String?) throws {
        guard let token, !token.isEmpty else { return }
        try store.removeGrant(tokenHash: Self.hash(token))
    }

    /// A sign-in link's token, valid once for `linkLifetime`.
    func makeLink(now: Date, keyHash: [UInt8]?) throws -> (token: String, expires: Date) {
        let token = Self.token()
        let expires = now.addingTimeInterval(Self.linkLifetime)
        try store.add(
            grant: AccessGrant(
                tokenHash: Self.hash(token), kind: .link, expiresAt: Self.seconds(expires), keyHash: keyHash),
            at: Self.seconds(now))
        return (token, expires)
    }

    /// Uses up a sign-in link: its grant the first time, before it expires; `nil` otherwise.
    func redeem(link token: String, now: Date) throws -> AccessGrant? {
        try store.takeGrant(tokenHash: Self.hash(token), kind: .link, at: Self.seconds(now))
    }

    private static func token() -> String { RandomHex.make(words: 4) }

    static func hash(_ token: String) -> String {
        Hex.encode(Array(SHA256.hash(data: Data(token.utf8))))
    }

    private static func seconds(_ date: Date) -> Int64 { Int64(date.timeIntervalSince1970.rounded(.down)) }
}
