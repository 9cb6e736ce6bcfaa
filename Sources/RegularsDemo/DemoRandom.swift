import Foundation
import RegularsData

/// The demo shop's own random numbers: xoshiro256** seeded through SplitMix64.
///
/// Deterministic across runs and Swift versions (unlike `SystemRandomNumberGenerator`, and unlike the
/// standard library's `shuffled()`/`randomElement()` whose algorithms may change), so the same seed always
/// gives the same shop, byte for byte. (`log`/`cos` come from the platform's libm, which could in principle
/// differ in a last bit between Linux and macOS.) Not for cryptography.
struct DemoRandom: RandomNumberGenerator, Sendable {
    private var s0: UInt64
    private var s1: UInt64
    private var s2: UInt64
    private var s3: UInt64

    /// A generator whose whole sequence follows from `seed`.
    init(seed: UInt64) {
        var splitMix = seed
        func next() -> UInt64 {
            splitMix &+= 0x9E37_79B9_7F4A_7C15
            var z = splitMix
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        s0 = next()
        s1 = next()
        s2 = next()
        s3 = next()
    }

    /// An independent stream for one part of the shop (one customer, the catalog …), so that adding
    /// draws in one part does not shift every other part.
    func fork(_ salt: UInt64) -> DemoRandom {
        var copy = self
        return DemoRandom(seed: copy.next() ^ (salt &* 0xD6E8_FEB8_6659_FD93))
    }

    mutating func next() -> UInt64 {
        let result = ((s1 &* 5) << 7 | (s1 &* 5) >> 57) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = s3 << 45 | s3 >> 19
        return result
    }

    /// Uniform in `0 ..< 1`, 53 bits.
    mutating func unit() -> Double { Double(next() >> 11) * 0x1.0p-53 }

    /// `true` with probability `p`.
    mutating func chance(_ p: Double) -> Bool { unit() < p }

    /// Uniform integer in `range` (Lemire's multiply-shift; the tiny bias is irrelevant here).
    mutating func int(in range: ClosedRange<Int>) -> Int {
        let width = UInt64(range.upperBound - range.lowerBound) + 1
        return range.lowerBound + Int(next().multipliedFullWidth(by: width).high)
    }

    /// Uniform real in `low ..< high`.
    mutating func real(_ low: Double, _ high: Double) -> Double { low + (high - low) * unit() }

    /// Normal with `mean` and standard deviation `sd` (Box–Muller).
    mutating func normal(mean: Double, sd: Double) -> Double {
        let u1 = max(unit(), 1e-300)
        let u2 = unit()
        return mean + sd * (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
    }

    /// Exponential waiting time with the given mean.
    mutating func exponential(mean: Double) -> Double { -mean * log(max(1 - unit(), 1e-300)) }

    /// One element, uniformly.
    mutating func pick<T>(_ items: [T]) -> T { items[int(in: 0...(items.count - 1))] }

    /// An index drawn with probability proportional to `weights` (all ≥ 0, at least one > 0).
    mutating func index(weights: [Double]) -> Int {
        var total = 0.0
        for w in weights { total += w }
        var target = unit() * total
        for (i, w) in weights.enumerated() {
            target -= w
            if target < 0 { return i }
        }
        return weights.lastIndex(where: { $0 > 0 }) ?? 0
    }

    /// Fisher–Yates, with this generator.
    mutating func shuffle<T>(_ items: inout [T]) {
        guard items.count > 1 else { return }
        for i in stride(from: items.count - 1, to: 0, by: -1) {
            items.swapAt(i, int(in: 0...i))
        }
    }
}
