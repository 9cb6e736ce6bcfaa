import Dispatch

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

/// Carries a non-`Sendable` value into `concurrentPerform`; see `Parallel.forEach` for why that is safe there.
struct UncheckedBox<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
