import Foundation
import RegularsData

/// Seeded mutations of valid inputs, for the fuzz suites: the same seed gives the same inputs on every run, so
/// a failure is reproduced by its seed and index. Mutations are the ones that break parsers in practice: bytes
/// flipped, quotes, separators and line ends inserted, pieces cut, repeated or swapped, invalid UTF-8.
public struct Mutator: Sendable {
    var random: SeededRandom

    public init(seed: UInt64) { random = SeededRandom(seed: seed) }

    static let interesting: [[UInt8]] = [
        Array("\"".utf8), Array(",".utf8), Array("\n".utf8), Array("\r\n".utf8), Array("\r".utf8), [0],
        [0xFF, 0xFE], [0xC3], [0xE2, 0x82], Array("\"\"".utf8), Array("-1".utf8), Array("1e309".utf8),
        Array("9999999999999999999999".utf8), Array("2024-13-45".utf8), Array("{".utf8), Array("]".utf8),
        Array("null".utf8), Array("\\u0000".utf8), Array(String(repeating: "x", count: 300).utf8),
        Array("=HYPERLINK(".utf8), Array("ü".utf8), Array("🛒".utf8), [0xEF, 0xBB, 0xBF],
    ]

    mutating func index(_ count: Int) -> Int { count <= 1 ? 0 : Int(random.next() % UInt64(count)) }

    /// One to four mutations of `input`.
    public mutating func mutate(_ input: [UInt8]) -> [UInt8] {
        var bytes = input
        for _ in 0...(index(4)) {
            switch index(7) {
            case 0 where !bytes.isEmpty:  // flip a byte
                bytes[index(bytes.count)] ^= UInt8(truncatingIfNeeded: 1 << index(8))
            case 1:  // insert something parsers care about
                bytes.insert(contentsOf: Self.interesting[index(Self.interesting.count)], at: index(bytes.count + 1))
            case 2 where !bytes.isEmpty:  // cut a piece out
                let start = index(bytes.count)
                bytes.removeSubrange(start..<min(bytes.count, start + 1 + index(40)))
            case 3 where !bytes.isEmpty:  // truncate
                bytes.removeSubrange(index(bytes.count)...)
            case 4 where !bytes.isEmpty:  // repeat a piece
                let start = index(bytes.count)
                let piece = bytes[start..<min(bytes.count, start + 1 + index(80))]
                bytes.insert(contentsOf: piece, at: index(bytes.count + 1))
            case 5 where !bytes.isEmpty:  // overwrite a byte with a separator
                bytes[index(bytes.count)] = [0x2C, 0x22, 0x0A, 0x0D, 0x3A, 0x7B][index(6)]
            default:  // swap two lines
                var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
                guard lines.count > 2 else { continue }
                lines.swapAt(index(lines.count), index(lines.count))
                bytes = Array(lines.joined(separator: [0x0A]))
            }
        }
        return bytes
    }
}
