import Foundation
import PostgresNIO
import RegularsData

/// The job queue on PostgreSQL. A claim takes the oldest due job `FOR UPDATE SKIP LOCKED`, so workers asking at
/// once never wait on each other's rows; "never a kind another worker is running" is a check across rows, which
/// row locks cannot make atomic, so claims and enqueues also hold a transaction-scoped advisory lock on the
/// queue (a few milliseconds each; workers ask every few seconds).
extension PostgresStore {
    private static let columns =
        "id, kind, argument, state, attempts, worker, leaseUntil, queuedAt, finishedAt, result, error"

    private func lockQueue(_ session: PostgresSession) throws {
        try session.execute("SELECT pg_advisory_xact_lock(hashtext($1))", [location.schema + ".job"])
    }

    public func enqueue(job kind: Job.Kind, argument: String?, at time: Int64) throws -> Bool {
        try transaction { session in
            try lockQueue(session)
            let waiting =
                try session.value(
                    Bool.self,
                    """
                    SELECT EXISTS (SELECT 1 FROM job WHERE kind = $1 AND argument IS NOT DISTINCT FROM $2
                        AND state = 'pending')
                    """, [kind.rawValue, argument]) ?? false
            guard !waiting else { return false }
            try session.execute(
                "INSERT INTO job (kind, argument, state, queuedAt) VALUES ($1, $2, 'pending', $3)",
                [kind.rawValue, argument, time])
            return true
        }
    }

    public func claimJob(worker: String, at time: Int64, lease: Int64) throws -> Job? {
        try transaction { session in
            try lockQueue(session)
            while true {
                guard
                    let row = try session.query(
                        """
                        SELECT \(Self.columns) FROM job
                        WHERE ((state = 'pending' AND runAfter <= $1) OR (state = 'running' AND leaseUntil <= $1))
                          AND kind NOT IN (SELECT kind FROM job WHERE state = 'running' AND leaseUntil > $1)
                        ORDER BY queuedAt, id LIMIT 1 FOR UPDATE SKIP LOCKED
                        """, [time]
                    ).rows.first
                else { return nil }
                let job = try Self.job(row)
                if job.diedTooOften {
                    try session.execute(
                        """
                        UPDATE job SET state = 'parked', worker = NULL, leaseUntil = NULL, finishedAt = $1, error = $2
                        WHERE id = $3
                        """,
                        [time, job.diedError, job.id])
                    continue
                }
                let claimed = job.claimed(by: worker, at: time, lease: lease)
                try session.execute(
                    "UPDATE job SET state = 'running', attempts = $1, worker = $2, leaseUntil = $3 WHERE id = $4",
                    [claimed.attempts, worker, claimed.leaseUntil, job.id])
                return claimed
            }
        }
    }

    public func renewLease(job id: Int64, worker: String, until: Int64) throws -> Bool {
        try transaction { session in
            try session.execute(
                "UPDATE job SET leaseUntil = $1 WHERE id = $2 AND worker = $3 AND state = 'running'",
                [until, id, worker])
        } > 0
    }

    public func finish(job id: Int64, worker: String, at time: Int64, result: String?, error: String?) throws -> Bool {
        try transaction { session in
            if let error {
                return try session.execute(
                    """
                    UPDATE job SET error = $1, worker = NULL, leaseUntil = NULL,
                        state = CASE WHEN attempts >= $2 THEN 'parked' ELSE 'pending' END,
                        runAfter = $3, finishedAt = CASE WHEN attempts >= $2 THEN $4 END
                    WHERE id = $5 AND worker = $6 AND state = 'running'
                    """, [error, Job.maximumAttempts, time + Job.retryDelay, time, id, worker])
            }
            return try session.execute(
                """
                UPDATE job SET state = 'done', result = $1, error = NULL, finishedAt = $2, leaseUntil = NULL
                WHERE id = $3 AND worker = $4 AND state = 'running'
                """, [result, time, id, worker])
        } > 0
    }

    public func jobs(limit: Int) throws -> [Job] {
        try read { session in
            try session.query("SELECT \(Self.columns) FROM job ORDER BY id DESC LIMIT $1", [limit]).rows.map(Self.job)
        }
    }

    private static func job(_ row: PostgresRow) throws -> Job {
        let (id, kind, argument, state, attempts, worker, lease, queued, finished, result, error) = try row.decode(
            (Int64, String, String?, String, Int64, String?, Int64?, Int64, Int64?, String?, String?).self)
        return Job(
            id: id, kind: kind, argument: argument, state: Job.State(rawValue: state) ?? .parked,
            attempts: Int(attempts), worker: worker,
            leaseUntil: lease, queuedAt: queued, finishedAt: finished, result: result, error: error)
    }
}
