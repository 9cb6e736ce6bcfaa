import Foundation

/// A value behind a lock, for state that many requests read and a few replace.
///
/// `@unchecked Sendable` because every access to `value` goes through `lock` (Synchronization's `Mutex`
/// would do, but needs macOS 15 and the package supports macOS 14).
final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) { self.value = value }

    func withLock<T>(_ body: (inout Value) throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }

    var current: Value { withLock { $0 } }
}
