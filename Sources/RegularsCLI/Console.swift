import Foundation

/// Where commands write: standard output and error, or the buffers of a test that runs a command in-process.
///
/// Commands run in the test process (`Regulars.run(arguments:)`) rather than as a spawned binary, so their tests
/// are quick and debuggable; a task-local capture keeps concurrent tests' output apart.
enum Console {
    /// One in-process run's output.
    final class Capture: @unchecked Sendable {
        // @unchecked: every access to the buffers takes the lock (a command may print from several tasks).
        private let lock = NSLock()
        private var outText = ""
        private var errText = ""

        var out: String { lock.withLock { outText } }
        var err: String { lock.withLock { errText } }

        func write(_ text: String, toError: Bool) {
            lock.withLock { toError ? errText.append(text) : outText.append(text) }
        }
    }

    @TaskLocal static var capture: Capture?

    static func write(_ text: String, toError: Bool = false) {
        if let capture {
            capture.write(text, toError: toError)
        } else {
            (toError ? FileHandle.standardError : FileHandle.standardOutput).write(Data(text.utf8))
        }
    }
}

/// Every command's `print` goes through `Console` (this module's `print` hides the standard library's), so a
/// command's output is what its test reads, without each call site knowing.
func print(_ items: Any..., separator: String = " ", terminator: String = "\n") {
    Console.write(items.map { "\($0)" }.joined(separator: separator) + terminator)
}
