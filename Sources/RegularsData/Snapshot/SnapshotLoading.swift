import Foundation

/// Builds a snapshot on a thread of its own while the caller reads the lines: a store's reading (SQLite's
/// stepping, decoding each row) and the builder's indexing (a product lookup per line) cost about the same, so
/// overlapped the load takes about as long as the larger of the two.
enum SnapshotLoading {
    /// An order line as read, with its order's total.
    struct Entry: Sendable {
        var line: SnapshotBuilder.Line
        var orderTotal: Int64
    }

    /// Lines per hand-over: large enough that the lock is taken rarely.
    static let batchSize = 4_096
    /// Batches waiting at most: memory stays bounded when reading outruns building.
    static let capacity = 8

    /// Calls `read` on this thread with a `send` that hands batches of lines, in order, to `builder` on another
    /// thread; returns when every line sent is in `builder`. When `read` throws, what is queued is dropped and the
    /// error is rethrown.
    static func overlapped(
        into builder: inout SnapshotBuilder, _ read: (_ send: ([Entry]) throws -> Void) throws -> Void
    ) throws {
        let channel = BatchChannel<[Entry]>(capacity: capacity)
        let assembly = Assembly(builder: builder, channel: channel)
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            assembly.run()
            done.signal()
        }
        // At most 15 characters: Linux drops a longer thread name.
        thread.name = "regulars-load"
        thread.start()
        do {
            try read { try channel.send($0) }
            channel.finish(discardingQueued: false)
        } catch {
            channel.finish(discardingQueued: true)
            done.wait()
            throw error
        }
        done.wait()
        builder = assembly.builder
    }
}

/// The builder while it is another thread's.
///
/// `@unchecked Sendable`: only the building thread touches `builder` while it runs, and the caller reads it back
/// only after that thread signalled it finished.
private final class Assembly: @unchecked Sendable {
    var builder: SnapshotBuilder
    let channel: BatchChannel<[SnapshotLoading.Entry]>

    init(builder: SnapshotBuilder, channel: BatchChannel<[SnapshotLoading.Entry]>) {
        self.builder = builder
        self.channel = channel
    }

    func run() {
        while let batch = channel.receive() {
            for entry in batch {
                guard builder.add(line: entry.line) else { continue }
                builder.setTotalOfLastOrder(Money(units: entry.orderTotal))
            }
        }
    }
}
