import Foundation

/// The moment a command or the server works "as of": what every model, segment and list is computed for.
///
/// One rule for every entry point: an explicit date wins; otherwise the clock, unless the shop's newest order
/// is older than `staleAfterDays` (an old export, a seasonal shop, a trial on public data). Then the day after
/// that order's day is used, so that the newest day's orders count and recency-weighted models do not decay a
/// history of years ago to nothing (every customer "lost", every list empty), and `notice` says so once.
public struct AsOf: Sendable, Hashable {
    /// Orders older than this many days before the clock count as an old history.
    public static let defaultStaleAfterDays = 60

    public let date: Date
    /// A plain-words line for stderr when the date came from the data rather than the clock or the caller.
    public let notice: String?

    public init(date: Date, notice: String? = nil) {
        self.date = date
        self.notice = notice
    }

    /// - Parameters:
    ///   - explicit: the caller's `--as-of`, if any.
    ///   - clock: the clock's reading (injected; nothing below the CLI and server reads it).
    ///   - newestOrder: the store's newest order time, seconds since 1970, if it has orders.
    public static func resolve(
        explicit: Date?, clock: Date, newestOrder: Int64?, staleAfterDays: Int = defaultStaleAfterDays
    ) -> AsOf {
        if let explicit { return AsOf(date: explicit) }
        guard let newestOrder else { return AsOf(date: clock) }
        let clockSeconds = Int64(clock.timeIntervalSince1970)
        guard clockSeconds - newestOrder > Int64(staleAfterDays) * DayNumber.seconds else { return AsOf(date: clock) }
        let day = DayNumber.day(ofSeconds: newestOrder)
        let notice =
            "your newest order is from \(DayNumber.iso(day)); working as of that day (pass --as-of to change it)"
        return AsOf(date: DayNumber.date(ofDay: day + 1), notice: notice)
    }
}

/// `AsOf.resolve` for a process that runs for days (the server): the clock on every call, the store's newest
/// order re-read at most every `refresh` seconds of that clock, so that the hot path does no query.
public final class AsOfClock: @unchecked Sendable {
    // Safe: `cached` is only touched under `lock`.
    private let lock = NSLock()
    private var cached: (checkedAt: Date, newestOrder: Int64?)?
    let explicit: Date?
    let clock: @Sendable () -> Date
    let newestOrder: @Sendable () -> Int64?
    let refresh: TimeInterval

    public init(
        explicit: Date?, clock: @escaping @Sendable () -> Date, refresh: TimeInterval = 5,
        newestOrder: @escaping @Sendable () -> Int64?
    ) {
        self.explicit = explicit
        self.clock = clock
        self.refresh = refresh
        self.newestOrder = newestOrder
    }

    /// The as-of moment now.
    public func current() -> AsOf {
        let now = clock()
        if let explicit { return AsOf(date: explicit) }
        lock.lock()
        defer { lock.unlock() }
        if cached == nil || abs(now.timeIntervalSince(cached!.checkedAt)) >= refresh {
            cached = (now, newestOrder())
        }
        return AsOf.resolve(explicit: nil, clock: now, newestOrder: cached!.newestOrder)
    }
}
