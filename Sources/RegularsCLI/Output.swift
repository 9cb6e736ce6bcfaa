import Foundation

/// Printing for commands: JSON for scripts, progress on stderr for people.
enum Output {
    static func json<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static func error(_ text: String) { Console.write(text + "\n", toError: true) }
}

/// A progress bar on stderr, shown only on a terminal and only once work has taken over a second.
final class ProgressBar: @unchecked Sendable {
    // @unchecked: only the importing thread calls `update`; the lock guards against a stray second caller.
    private let label: String
    private let start = Date()
    private let lock = NSLock()
    private var shown = false
    private let enabled = isatty(2) == 1

    init(label: String) { self.label = label }

    func update(_ fraction: Double) {
        guard enabled else { return }
        lock.lock()
        defer { lock.unlock() }
        guard shown || Date().timeIntervalSince(start) > 1 else { return }
        shown = true
        let width = 30
        let filled = Int((fraction * Double(width)).rounded())
        let bar = String(repeating: "#", count: filled) + String(repeating: " ", count: width - filled)
        FileHandle.standardError.write(Data("\r\(label) [\(bar)] \(Int(fraction * 100))%".utf8))
        if fraction >= 1 { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}
