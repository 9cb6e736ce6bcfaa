import Foundation

/// A bounded queue of batches from one thread to another: the hand-over of `ImportPipeline` (rows read, then
/// written) and of `SQLiteStore.loadSnapshot` (lines read, then indexed).
final class BatchChannel<Batch: Sendable>: @unchecked Sendable {  // Every field is read and written under `condition`.
    /// Thrown to the sender when the receiver gave up: there is no point sending on.
    struct Abandoned: Error {}

    private let condition = NSCondition()
    private let capacity: Int
    private var batches: [Batch] = []
    private var finished = false
    private var abandoned = false

    init(capacity: Int) { self.capacity = capacity }

    func send(_ batch: Batch) throws {
        condition.lock()
        defer { condition.unlock() }
        while batches.count >= capacity && !abandoned { condition.wait() }
        if abandoned { throw Abandoned() }
        batches.append(batch)
        condition.broadcast()
    }

    /// The next batch; nil once the sender finished and every batch was taken.
    func receive() -> Batch? {
        condition.lock()
        defer { condition.unlock() }
        while batches.isEmpty && !finished { condition.wait() }
        if batches.isEmpty { return nil }
        let batch = batches.removeFirst()
        condition.broadcast()
        return batch
    }

    func finish(discardingQueued: Bool) {
        condition.lock()
        defer { condition.unlock() }
        if discardingQueued { batches.removeAll() }
        finished = true
        condition.broadcast()
    }

    /// The receiver failed: the sender's next `send` throws, and what is queued is dropped.
    func abandon() {
        condition.lock()
        defer { condition.unlock() }
        abandoned = true
        batches.removeAll()
        condition.broadcast()
    }
}
