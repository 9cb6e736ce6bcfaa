import Dispatch
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Runs loops on every core for the training hot paths.
public enum Parallel {
    /// Calls `body(i)` for `i` in `0..<iterations` concurrently and returns when all are done.
    ///
    /// The body is not `@Sendable`: callers guarantee that iterations only read shared state or write disjoint
    /// parts of a buffer (each call site says how), which is what lets the hot loops use unsafe buffers.
    public static func forEach(_ iterations: Int, _ body: (Int) -> Void) {
        guard iterations > 1 else {
            if iterations == 1 { body(0) }
            return
        }
        withoutActuallyEscaping(body) { body in
            let box = UncheckedBox(body)
            DispatchQueue.concurrentPerform(iterations: iterations) { box.value($0) }
        }
    }
}

extension Parallel {
    /// `first()` and `second()` at the same time, for two independent pieces of training whose own loops leave a
    /// core idle part of the time (a single-threaded model beside one that is parallel only in places).
    ///
    /// With `whileIdle`, `second` runs at the lowest priority: for work off the critical path, which then takes a
    /// core only when `first` leaves one idle (and the whole machine once `first` is done) instead of slowing it.
    public static func both<A, B>(_ first: () -> A, whileIdle: Bool = false, _ second: () -> B) -> (A, B) {
        var a: A?
        var b: B?
        withUnsafeMutablePointer(to: &a) { a in
            withUnsafeMutablePointer(to: &b) { b in
                let out = UncheckedBox((a, b))
                // Each task writes only its own result.
                tasks(2, lowPriority: whileIdle) { i in
                    if i == 0 { out.value.0.pointee = first() } else { out.value.1.pointee = second() }
                }
            }
        }
        return (a!, b!)
    }

    /// Calls `body(i)` for `i` in `0..<count`, each on a thread of its own (the first on this one), and returns
    /// when all are done: for a few coarse tasks that use `forEach` inside.
    ///
    /// Why threads and not `forEach`: Dispatch runs a `concurrentPerform` nested in another one with the width left
    /// over (one thread on two cores), so the tasks' own parallel loops would run serially; on threads of their
    /// own they keep it. The body's contract is `forEach`'s.
    ///
    /// With `lowPriority`, the tasks on new threads (all but the first) run at the lowest priority (`nice` 19: on
    /// Linux a thread's own); the threads end with their task, so nothing else inherits it.
    public static func tasks(_ count: Int, lowPriority: Bool = false, _ body: (Int) -> Void) {
        guard count > 1 else {
            if count == 1 { body(0) }
            return
        }
        withoutActuallyEscaping(body) { body in
            // The threads hold the slot, not the body: a finished `Thread` may outlive this call for a moment, and
            // the body must not (it is emptied once every task is done).
            let slot = TaskSlot(body)
            let done = DispatchSemaphore(value: 0)
            for i in 1..<count {
                let thread = Thread {
                    if lowPriority { lowerThisThreadsPriority() }
                    slot.body?(i)
                    done.signal()
                }
                thread.stackSize = 8 << 20
                thread.start()
            }
            body(0)
            for _ in 1..<count { done.wait() }
            slot.body = nil
        }
    }
}

/// Makes the calling thread the last to get a core (on Linux the nice value is per thread; who 0 is the caller).
private func lowerThisThreadsPriority() {
    #if canImport(Glibc)
        _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, 19)
    #elseif canImport(Darwin)
        _ = setpriority(PRIO_DARWIN_THREAD, 0, PRIO_DARWIN_BG)
    #endif
}

/// The body `Parallel.tasks` hands its threads, for as long as they run it.
private final class TaskSlot: @unchecked Sendable {
    var body: ((Int) -> Void)?
    init(_ body: @escaping (Int) -> Void) { self.body = body }
}

/// Carries a non-`Sendable` value into `concurrentPerform`; see `Parallel.forEach` for why that is safe there.
struct UncheckedBox<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
