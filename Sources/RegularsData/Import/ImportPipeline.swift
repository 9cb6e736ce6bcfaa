import Foundation

/// Runs an import on two threads: one reads the file and applies the format's row logic, the other writes to
/// the store, in the order the rows asked.
///
/// Reading, parsing and checking a million lines cost about as much CPU as SQLite's writing of them; on one
/// thread the two added up to twice `sqlite3 .import` of the same file. Overlapped, the import takes about as
/// long as the larger of the two. The writes stay on the caller's thread, the one that holds the store's
/// transaction, so all-or-nothing is unchanged: when either side fails, the caller's transaction rolls back.
enum ImportPipeline {
    /// Writes queued per hand-over: large enough that the lock is taken rarely, small enough to stay in cache.
    static let batchSize = 4_096
    /// Batches waiting at most: memory stays bounded when the reader outruns the writer.
    static let capacity = 8

    /// Calls `produce` on a thread of its own with a writer that queues, and applies the queued writes to
    /// `writer` on this thread. Returns what `produce` returned; throws the store's error first, else its error.
    static func run<T>(into writer: any StoreWriter, _ produce: (any StoreWriter) throws -> T) throws -> T {
        let channel = BatchChannel<[StoreWrite]>(capacity: capacity)
        let queued = QueuedWriter(channel: channel, suppressions: try writer.suppressionList())
        return try withoutActuallyEscaping(produce) { produce in
            let producer = Producer(produce: produce, writer: queued, channel: channel)
            let thread = Thread { producer.run() }
            // At most 15 characters: Linux drops a longer thread name, and the thread shows as its parent's.
            thread.name = "regulars-import"
            thread.start()
            var storeError: (any Error)?
            while let batch = channel.receive() {
                guard storeError == nil else { continue }
                do {
                    for write in batch { try write.apply(to: writer) }
                } catch {
                    storeError = error
                    channel.abandon()
                }
            }
            // `receive` answered nil: the producer has finished and set its result.
            if let storeError { throw storeError }
            return try producer.result!.get()
        }
    }
}

/// The reading side's work and its result, handed to one thread and read back after it finished.
///
/// `@unchecked Sendable`: only the producer thread touches `produce` and the queued writer while it runs, and the
/// consumer reads `result` only after `BatchChannel.receive` returned nil, which happens after the producer's
/// `finish` under the same lock.
private final class Producer<T>: @unchecked Sendable {
    /// Let go of before the producer says it finished: the closure must not outlive `withoutActuallyEscaping`.
    var produce: ((any StoreWriter) throws -> T)?
    let writer: QueuedWriter
    let channel: BatchChannel<[StoreWrite]>
    var result: Result<T, any Error>?

    init(produce: @escaping (any StoreWriter) throws -> T, writer: QueuedWriter, channel: BatchChannel<[StoreWrite]>) {
        self.produce = produce
        self.writer = writer
        self.channel = channel
    }

    func run() {
        let outcome = Result { () throws -> T in
            let value = try produce!(writer)
            try writer.flush()
            return value
        }
        result = outcome
        produce = nil
        // A failed read refuses the file: what is still queued need not be written.
        channel.finish(discardingQueued: (try? outcome.get()) == nil)
    }
}

/// The reading thread's writer: it queues each write for the store's thread. Who was erased is read before
/// reading starts, so that question needs no round trip.
final class QueuedWriter: StoreWriter {
    private let channel: BatchChannel<[StoreWrite]>
    private let suppressions: SuppressionList
    private var batch: [StoreWrite] = []

    init(channel: BatchChannel<[StoreWrite]>, suppressions: SuppressionList) {
        self.channel = channel
        self.suppressions = suppressions
        batch.reserveCapacity(ImportPipeline.batchSize)
    }

    private func queue(_ write: StoreWrite) throws {
        batch.append(write)
        if batch.count >= ImportPipeline.batchSize { try flush() }
    }

    /// Hands over what is queued.
    func flush() throws {
        guard !batch.isEmpty else { return }
        let full = batch
        batch = []
        batch.reserveCapacity(ImportPipeline.batchSize)
        try channel.send(full)
    }

    func ensureCustomer(_ id: CustomerID) throws { try queue(.ensureCustomer(id)) }
    func upsert(customer: Customer) throws { try queue(.customer(customer)) }
    func upsert(product: Product) throws { try queue(.product(product)) }
    func ensureProduct(sku: SKU, title: String, category: String?) throws {
        try queue(.productStub(sku: sku, title: title, category: category))
    }
    func upsert(order: Order) throws { try queue(.order(order)) }
    func upsert(line: OrderLine) throws { try queue(.line(line)) }
    func trimLines(of order: OrderID, keeping count: Int) throws { try queue(.trimLines(order, keeping: count)) }
    /// Imports never remove orders (a cancelled order in a file is skipped); queued like the rest all the same.
    func removeOrder(_ id: OrderID) throws -> Bool {
        try queue(.removeOrder(id))
        return true
    }
    func record(report: ImportReport) throws { try queue(.report(report)) }
    func suppressionList() throws -> SuppressionList { suppressions }
}

/// One write an importer asked for, carried from the reading thread to the store's.
enum StoreWrite: Sendable {
    case ensureCustomer(CustomerID)
    case customer(Customer)
    case product(Product)
    case productStub(sku: SKU, title: String, category: String?)
    case order(Order)
    case line(OrderLine)
    case trimLines(OrderID, keeping: Int)
    case removeOrder(OrderID)
    case report(ImportReport)

    func apply(to writer: any StoreWriter) throws {
        switch self {
        case .ensureCustomer(let id): try writer.ensureCustomer(id)
        case .customer(let customer): try writer.upsert(customer: customer)
        case .product(let product): try writer.upsert(product: product)
        case .productStub(let sku, let title, let category):
            try writer.ensureProduct(sku: sku, title: title, category: category)
        case .order(let order): try writer.upsert(order: order)
        case .line(let line): try writer.upsert(line: line)
        case .trimLines(let order, let count): try writer.trimLines(of: order, keeping: count)
        case .removeOrder(let order): _ = try writer.removeOrder(order)
        case .report(let report): try writer.record(report: report)
        }
    }
}
