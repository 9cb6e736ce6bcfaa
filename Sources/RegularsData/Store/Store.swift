import Foundation

/// Where a shop's data lives. Small on purpose: write in a transaction, read a snapshot, report.
///
/// The embedded default is `SQLiteStore`; the protocol is kept small so that another engine can implement it.
public protocol Store: Sendable {
    /// Runs `body` in one write transaction; when it throws, nothing it wrote is kept.
    func write<T>(_ body: (any StoreWriter) throws -> T) throws -> T

    /// Like `write`, for an import: the store may skip checks that the importer guarantees by construction
    /// (every line's order and every order's customer is written before it), because they cost as much
    /// as the writes on a million-line file.
    func importWrite<T>(_ body: (any StoreWriter) throws -> T) throws -> T

    /// A consistent read of every order before `asOf`, with the customers and products.
    func snapshot(asOf: Date) throws -> Snapshot

    /// Counts and dates for the data-quality report.
    func statistics() throws -> StoreStatistics

    /// The time of the newest order (seconds since 1970), `nil` for a store without orders; indexed, cheap.
    func newestOrderAt() throws -> Int64?

    /// The report of the last import, if any.
    func lastImport() throws -> ImportReport?
    /// Every file imported from, as named when imported, oldest first.
    func importedFiles() throws -> [String]

    /// Erases a customer: their record, orders, lines and events go, and keyed hashes of their id and e-mail go on
    /// the suppression list so that no later import brings them back. `id` may also be an e-mail, which names
    /// every record that has it.
    func forget(customer id: String, at now: Date) throws -> ErasureReport
    /// What identifies the customer `id` (or every customer with e-mail `id`) in files the product wrote: for
    /// erasure to find them there before their records go. Held in memory only.
    func personalIdentifiers(of id: String) throws -> PersonalIdentifiers
    /// How many hashes the suppression list holds: cheap, for a process to notice an erasure made by another.
    func suppressionCount() throws -> Int
    /// Which of `ids` were erased (their id is on the suppression list).
    func erasedCustomers(among ids: [CustomerID]) throws -> Set<CustomerID>
    /// Notes a file the product wrote that may hold customers' details, so that erasure can reach it.
    func record(writtenFile: WrittenFile) throws
    /// Every file noted by `record(writtenFile:)`, oldest first.
    func writtenFiles() throws -> [WrittenFile]

    /// Marks a customer as opted out of personalization (kept across re-imports); `id` may also be their
    /// e-mail. Returns their id, or `nil` when there is no such customer.
    func optOut(customer id: String) throws -> CustomerID?
    /// The key of `CustomerToken`s, made on first use and kept in the store.
    func customerTokenKey() throws -> [UInt8]
    /// Replaces the customer token key: every token issued before is dead.
    func rotateCustomerTokenKey() throws
    /// Every customer who opted out of personalization.
    func optedOutCustomers() throws -> Set<CustomerID>

    /// Marks every product of a category as sensitive. Returns how many products were marked.
    func markSensitive(category: String) throws -> Int

    // The server's (SQLiteStore+Keys.swift, SQLiteStore+Events.swift).

    /// Adds an API key record (its hash, never the key). Throws `KeyNameTakenError` when the name is taken.
    func add(key: APIKeyRecord) throws
    /// Every API key record, oldest first.
    func keys() throws -> [APIKeyRecord]
    /// Removes the key named `name`. Returns whether there was one.
    func revokeKey(named name: String) throws -> Bool

    /// Stores a batch of events in one transaction, skipping event ids already stored under `scope` (a retried
    /// batch stores nothing twice; ids are scoped by the sender's key, so one key cannot squat another's) and
    /// dropping events of erased customers. Returns how many were taken: new ones, and the dropped ones, which
    /// count as taken so that the answer does not tell who was erased.
    func record(events: [ShopEvent], receivedAt: Date, scope: String) throws -> Int
    /// Every stored event of one customer, oldest first.
    func events(ofCustomer id: CustomerID) throws -> [ShopEvent]
    /// How many events are stored.
    func eventCount() throws -> Int
    /// Catalog handles by SKU, for the links in recommendations.
    func productHandles() throws -> [SKU: String]

    // Measurement (SQLiteStore+Experiments.swift): experiments, exposures, sends, and what attribution reads.

    /// Stores a new experiment; throws `ExperimentStoreError.nameTaken` when the name is in use.
    func create(experiment: ExperimentRecord) throws
    /// Every experiment, oldest first.
    func experiments() throws -> [ExperimentRecord]
    /// Marks a running experiment stopped at `time`; throws `ExperimentStoreError.notFound`.
    func stopExperiment(named name: String, at time: Int64) throws
    /// Stores first exposures; a unit already exposed to the experiment keeps its first.
    func record(exposures: [ExperimentExposure]) throws
    func exposures(of experiment: String) throws -> [ExperimentExposure]
    /// Stores who a campaign was sent to; sending the same campaign to a customer twice counts once.
    func record(sends: [EmailSend]) throws
    func emailSends(from start: Int64, to end: Int64) throws -> [EmailSend]
    /// The send whose links carry `token`, if any.
    func emailSend(token: String) throws -> EmailSend?
    /// Lines of orders placed in `[start, end)`.
    func placedLines(from start: Int64, to end: Int64) throws -> [PlacedLine]
    /// Events in `[start, end)` of the given kinds, oldest first.
    func events(from start: Int64, to end: Int64, kinds: Set<ShopEvent.Kind>) throws -> [ShopEvent]
    /// A shop setting kept in the store; `nil` when unset.
    /// Stores what a customer stated on the preference page, replacing their earlier answer.
    func record(preferences: StatedPreferences) throws
    /// Every customer's unexpired stated preferences at `now`.
    func statedPreferences(at now: Date) throws -> [CustomerID: StatedPreferences]

    func setting(named name: String) throws -> String?
    /// Sets (or with `nil`, removes) a shop setting.
    func set(setting name: String, to value: String?) throws

    // Webhook deliveries (SQLiteStore+Webhooks.swift): what a shop platform sent, kept until it is processed.

    /// Stores a delivery unless one with its id is stored already (a retry). Returns whether it was new.
    func record(delivery: WebhookDelivery) throws -> Bool
    /// Deliveries waiting to be processed at `time` (new ones, and failed ones whose retry is due), oldest first.
    func pendingDeliveries(dueAt time: Int64, limit: Int) throws -> [WebhookDelivery]
    /// Marks a delivery processed (its payload is dropped and overwritten: it may hold customers' details) or, with
    /// `error`, failed once more: it is tried again later (`WebhookDelivery.retryDelay`), and parked with its error
    /// once it failed `WebhookDelivery.maximumAttempts` times. `namedErased`: the body named an erased customer (a
    /// redaction, or their order sent after it), so the write-ahead log is emptied of it too, as erasure does.
    func finish(delivery id: String, at time: Int64, outcome: String?, error: String?, namedErased: Bool) throws
    /// Every delivery's id, topic, state and outcome, newest first, without payloads.
    func deliveries(limit: Int) throws -> [WebhookDelivery]
    /// How many deliveries are in each state.
    func deliveryCounts() throws -> [WebhookDelivery.State: Int]

    // Jobs (SQLiteStore+Jobs.swift): what `regulars worker` takes, one worker at a time under a lease.

    /// Queues a job of `kind` unless one is already waiting (a shop marked stale ten times is trained once).
    /// Returns whether it was queued.
    func enqueue(job kind: Job.Kind, argument: String?, at time: Int64) throws -> Bool
    /// Gives `worker` the oldest job due at `time`, held until `time + lease`: a waiting one, or a running one whose
    /// worker stopped renewing its lease (it died). Never a job of a kind that another worker is running. Each
    /// taking counts as an attempt; a job whose workers died `Job.maximumAttempts` times is parked instead.
    func claimJob(worker: String, at time: Int64, lease: Int64) throws -> Job?
    /// Extends `worker`'s lease on a job to `until`; `false` when it no longer holds it.
    func renewLease(job id: Int64, worker: String, until: Int64) throws -> Bool
    /// Ends a job `worker` holds: done with `result`, or with `error` waiting `Job.retryDelay` to be tried again, and
    /// parked once it failed `Job.maximumAttempts` times. `false` when the worker no longer held it.
    func finish(job id: Int64, worker: String, at time: Int64, result: String?, error: String?) throws -> Bool
    /// The newest jobs first.
    func jobs(limit: Int) throws -> [Job]

    // Dashboard access (SQLiteStore+Access.swift): in the store, so that every server on it knows who signed in.

    /// Keeps a session or sign-in link (and drops the expired ones).
    func add(grant: AccessGrant, at time: Int64) throws
    /// The unexpired grant of that kind with that token hash.
    func grant(tokenHash: String, kind: AccessGrant.Kind, at time: Int64) throws -> AccessGrant?
    /// Removes the grant and returns it when it had not expired: a sign-in link works once, on whichever server.
    func takeGrant(tokenHash: String, kind: AccessGrant.Kind, at time: Int64) throws -> AccessGrant?
    /// Ends a session (signing out).
    func removeGrant(tokenHash: String) throws

    /// Notes that server `id` is alive at `time` and returns how many servers beat within the last `window` seconds,
    /// itself included; older beats are dropped. Servers on one store share the public keys' rate limit by it.
    func beat(server id: String, at time: Int64, window: Int64) throws -> Int
}

/// Writes inside one transaction of a `Store`. Every call is an upsert: repeating it changes nothing.
public protocol StoreWriter {
    /// Adds a customer known only by id; keeps what is already known of them.
    func ensureCustomer(_ id: CustomerID) throws
    /// Adds or updates a customer's details from an export (never clears an opt-out).
    func upsert(customer: Customer) throws
    /// Adds or updates a catalog product.
    func upsert(product: Product) throws
    /// Adds a product known only from order lines, unless the catalog already has it.
    func ensureProduct(sku: SKU, title: String, category: String?) throws
    func upsert(order: Order) throws
    func upsert(line: OrderLine) throws
    /// Removes lines of `order` beyond `count` (the order shrank since the last import).
    func trimLines(of order: OrderID, keeping count: Int) throws
    /// Removes an order and its lines (it was cancelled or refunded after it was stored). Returns whether it was there.
    func removeOrder(_ id: OrderID) throws -> Bool
    /// Keeps the report of this import for `stats`.
    func record(report: ImportReport) throws
    /// Who was erased: their rows must not be imported again.
    func suppressionList() throws -> SuppressionList
}

extension StoreWriter {
    /// Whether this customer was erased.
    public func isSuppressed(customerID: CustomerID, email: String?) throws -> Bool {
        try suppressionList().contains(customerID: customerID, email: email)
    }
}

/// Counts for the data-quality report.
public struct StoreStatistics: Sendable, Codable, Hashable {
    public var customers = 0
    public var products = 0
    /// Products in the catalog (not only seen in order lines).
    public var catalogProducts = 0
    public var orders = 0
    public var orderLines = 0
    public var distinctSKUsInOrders = 0
    /// Seconds since 1970.
    public var firstOrderAt: Int64?
    public var lastOrderAt: Int64?
    /// `yyyy-mm` → orders.
    public var ordersPerMonth: [String: Int] = [:]
    public var linesWithoutProductRecord = 0
    public var guestOrders = 0
    /// Lines identical to another line of the same order (same SKU, quantity and price).
    public var duplicateLines = 0
    public var customersWithOneOrder = 0
    public var customersWithTwoOrders = 0
    public var customersWithThreeOrMore = 0
    public var sensitiveProducts = 0
    public var optedOutCustomers = 0

    public init() {}

    /// Customers with two or more orders.
    public var repeatCustomers: Int { customersWithTwoOrders + customersWithThreeOrMore }
}

extension Store {
    public func importWrite<T>(_ body: (any StoreWriter) throws -> T) throws -> T { try write(body) }
}
