import Foundation

/// A rate limit: `perSecond` requests a second on average, `burst` at once.
public struct RateLimit: Sendable, Hashable {
    public var perSecond: Double
    public var burst: Double

    /// `perSecond` requests a second, with bursts of twice that by default (a page that asks for three
    /// placements at once is not a flood).
    public init(perSecond: Double, burst: Double? = nil) {
        self.perSecond = perSecond
        self.burst = burst ?? max(1, 2 * perSecond)
    }
}

/// Token buckets by name (a key, a client address): each holds up to `burst` requests and refills at `perSecond`.
/// A request takes one token; with none left it is refused and told when the next one comes.
final class RateLimiter: Sendable {
    typealias Rate = RateLimit

    private struct Bucket {
        var tokens: Double
        var updated: ContinuousClock.Instant
    }

    let rate: Rate
    /// Buckets beyond this many are pruned of the full ones (idle clients), so memory stays bounded.
    let maximumBuckets: Int
    private let buckets = Locked<[String: Bucket]>([:])
    /// This server's part of the limit: 1 alone, 1/N when N servers share the store (`ServerPresence`), so that a
    /// key gets its rate across all of them, not N times it.
    private let share = Locked<Double>(1)

    func setShare(_ fraction: Double) { share.withLock { $0 = min(1, max(0.01, fraction)) } }

    init(rate: Rate, maximumBuckets: Int = 50_000) {
        self.rate = rate
        self.maximumBuckets = maximumBuckets
    }

    /// Takes a token for `name`: `nil` when the request may go on, else how long until a token is back.
    func take(_ name: String, now: ContinuousClock.Instant = .now) -> Duration? {
        let fraction = share.withLock { $0 }
        let rate = Rate(perSecond: self.rate.perSecond * fraction, burst: max(1, self.rate.burst * fraction))
        return buckets.withLock { buckets in
            var bucket = buckets[name] ?? Bucket(tokens: rate.burst, updated: now)
            let elapsed = bucket.updated.duration(to: now)
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
            bucket.tokens = min(rate.burst, bucket.tokens + max(0, seconds) * rate.perSecond)
            bucket.updated = now
            if bucket.tokens >= 1 {
                bucket.tokens -= 1
                buckets[name] = bucket
                if buckets.count > maximumBuckets { Self.prune(&buckets, rate: rate, now: now) }
                return nil
            }
            buckets[name] = bucket
            return .seconds((1 - bucket.tokens) / rate.perSecond)
        }
    }

    private static func prune(_ buckets: inout [String: Bucket], rate: Rate, now: ContinuousClock.Instant) {
        let refill = Duration.seconds(rate.burst / rate.perSecond)
        buckets = buckets.filter { $0.value.updated.duration(to: now) < refill }
    }
}
