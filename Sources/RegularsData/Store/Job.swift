import Foundation

/// A piece of work for `regulars worker` (training, today): queued in the store, taken by one worker at a time under
/// a lease that the worker renews while it works.
///
/// A worker that dies (killed, its machine gone) stops renewing; once its lease runs out another worker takes the
/// job again. A job that failed, or whose worker died, `maximumAttempts` times is parked with its error.
public struct Job: Sendable, Hashable {
    public enum State: String, Sendable, Codable, CaseIterable {
        case pending, running, done, parked
    }

    /// What a job can be.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        /// Train a new model version as of the shop's as-of date.
        case train
        /// Write a segment's campaign (the job's `argument` names the segment) into the shop's campaigns folder,
        /// as `regulars campaign --segment` does, where the dashboard lists it.
        case campaign
    }

    public static let maximumAttempts = 3
    /// Seconds before a failed job is tried again.
    public static let retryDelay: Int64 = 60

    public var id: Int64
    public var kind: String
    /// What the job works on, for kinds that need it (a campaign's segment).
    public var argument: String?
    public var state: State
    /// Times a worker took it (a worker that died counts).
    public var attempts: Int
    /// The worker that holds it while it runs.
    public var worker: String?
    /// When the holder's lease runs out (seconds since 1970).
    public var leaseUntil: Int64?
    public var queuedAt: Int64
    public var finishedAt: Int64?
    /// What it did, in words without personal details (`model version 4 on 18,536 orders`).
    public var result: String?
    public var error: String?

    public init(
        id: Int64, kind: String, argument: String? = nil, state: State, attempts: Int = 0, worker: String? = nil,
        leaseUntil: Int64? = nil,
        queuedAt: Int64, finishedAt: Int64? = nil, result: String? = nil, error: String? = nil
    ) {
        self.id = id
        self.kind = kind
        self.argument = argument
        self.state = state
        self.attempts = attempts
        self.worker = worker
        self.leaseUntil = leaseUntil
        self.queuedAt = queuedAt
        self.finishedAt = finishedAt
        self.result = result
        self.error = error
    }
}

extension Job {
    /// Whether a claim finds this job run out of attempts: it is running (its worker's lease expired, the worker died)
    /// and has been taken `maximumAttempts` times. Both stores park it with `diedError` instead of handing it out.
    public var diedTooOften: Bool { state == .running && attempts >= Job.maximumAttempts }

    /// The error a job parked by `diedTooOften` keeps.
    public var diedError: String { "its worker stopped before finishing, \(attempts) times (lease expired)" }

    /// The job as a claim hands it to `worker` at `time`: running, one more attempt, held until `time + lease`.
    public func claimed(by worker: String, at time: Int64, lease: Int64) -> Job {
        var job = self
        job.state = .running
        job.attempts += 1
        job.worker = worker
        job.leaseUntil = time + lease
        return job
    }
}

extension Store {
    /// Queues a job that needs no argument (training).
    public func enqueue(job kind: Job.Kind, at time: Int64) throws -> Bool {
        try enqueue(job: kind, argument: nil, at: time)
    }
}
