import Foundation
import Hummingbird

/// Where request handlers run: on threads of their own, not Swift's cooperative pool.
///
/// The store is SQLite through GRDB's synchronous API: a write that waits for the lock (held by an import in
/// another process, say) blocks its thread. Swift's cooperative pool has one thread per core (two here), and on
/// Linux Dispatch's concurrent queues draw on the same few threads, so a few such waits stalled every request,
/// `/openapi.json` included. Handlers run on this pool of plain threads instead: a waiting write holds one of
/// them, and the rest of the server goes on.
@available(macOS 15, *)
final class StoreWorkExecutor: TaskExecutor, @unchecked Sendable {
    static let shared = StoreWorkExecutor(threads: 32)
    private let condition = NSCondition()
    private var jobs: [UnownedJob] = []

    init(threads: Int) {
        for index in 0..<threads {
            let thread = Thread { [unowned self] in self.work() }
            thread.name = "regulars-request-\(index)"
            thread.start()
        }
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        condition.lock()
        jobs.append(job)
        condition.signal()
        condition.unlock()
    }

    private func work() {
        let executor = asUnownedTaskExecutor()
        while true {
            condition.lock()
            while jobs.isEmpty { condition.wait() }
            let job = jobs.removeFirst()
            condition.unlock()
            job.runSynchronously(on: executor)
        }
    }
}

/// Runs the rest of the request under `StoreWorkExecutor`'s preference.
struct StoreWorkMiddleware: RouterMiddleware {
    typealias Context = AppContext

    func handle(_ request: Request, context: AppContext, next: (Request, AppContext) async throws -> Response)
        async throws -> Response
    {
        if #available(macOS 15, *) {
            return try await withTaskExecutorPreference(StoreWorkExecutor.shared) { try await next(request, context) }
        }
        return try await next(request, context)
    }
}
