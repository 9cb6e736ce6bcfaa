import Foundation
import GRDB

/// The job queue on SQLite. A write transaction holds the database's one write lock, so a job is claimed by
/// exactly one worker however many ask at once (PostgreSQL will get the same from `FOR UPDATE SKIP LOCKED`).
extension SQLiteStore {
    public func enqueue(job kind: Job.Kind, argument: String?, at time: Int64) throws -> Bool {
        try writer.write { db in
            let waiting =
                try Bool.fetchOne(
                    db,
                    sql: "SELECT EXISTS (SELECT 1 FROM job WHERE kind = ? AND argument IS ? AND state = 'pending')",
                    arguments: [kind.rawValue, argument]) ?? false
            guard !waiting else { return false }
            try db.execute(
                sql: "INSERT INTO job (kind, argument, state, queuedAt) VALUES (?, ?, 'pending', ?)",
                arguments: [kind.rawValue, argument, time])
            return true
        }
    }

    public func claimJob(worker: String, at time: Int64, lease: Int64) throws -> Job? {
        try writer.write { db in
            while true {
                guard
                    let row = try Row.fetchOne(
                        db,
                        sql: """
                            SELECT * FROM job
                            WHERE ((state = 'pending' AND runAfter <= ?1) OR (state = 'running' AND leaseUntil <= ?1))
                              AND kind NOT IN (SELECT kind FROM job WHERE state = 'running' AND leaseUntil > ?1)
                            ORDER BY queuedAt, id LIMIT 1
                            """, arguments: [time])
                else { return nil }
                let job = Self.job(row)
                if job.diedTooOften {
                    // Its workers died every time: something in the job kills them (memory, say). Parked, not retried.
                    try db.execute(
                        sql: """
                            UPDATE job SET state = 'parked', worker = NULL, leaseUntil = NULL, finishedAt = ?,
                                error = ? WHERE id = ?
                            """,
                        arguments: [
                            time, job.diedError, job.id,
                        ])
                    continue
                }
                let claimed = job.claimed(by: worker, at: time, lease: lease)
                try db.execute(
                    sql: "UPDATE job SET state = 'running', attempts = ?, worker = ?, leaseUntil = ? WHERE id = ?",
                    arguments: [claimed.attempts, worker, claimed.leaseUntil, job.id])
                return claimed
            }
        }
    }

    public func renewLease(job id: Int64, worker: String, until: Int64) throws -> Bool {
        try writer.write { db in
            try db.execute(
                sql: "UPDATE job SET leaseUntil = ? WHERE id = ? AND worker = ? AND state = 'running'",
                arguments: [until, id, worker])
            return db.changesCount > 0
        }
    }

    public func finish(job id: Int64, worker: String, at time: Int64, result: String?, error: String?) throws -> Bool {
        try writer.write { db in
            if let error {
                try db.execute(
                    sql: """
                        UPDATE job SET error = ?, worker = NULL, leaseUntil = NULL,
                            state = CASE WHEN attempts >= ? THEN 'parked' ELSE 'pending' END,
                            runAfter = ?, finishedAt = CASE WHEN attempts >= ? THEN ? END
                        WHERE id = ? AND worker = ? AND state = 'running'
                        """,
                    arguments: [
                        error, Job.maximumAttempts, time + Job.retryDelay, Job.maximumAttempts, time, id, worker,
                    ])
            } else {
                try db.execute(
                    sql: """
                        UPDATE job SET state = 'done', result = ?, error = NULL, finishedAt = ?, leaseUntil = NULL
                        WHERE id = ? AND worker = ? AND state = 'running'
                        """, arguments: [result, time, id, worker])
            }
            return db.changesCount > 0
        }
    }

    public func jobs(limit: Int) throws -> [Job] {
        try writer.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM job ORDER BY id DESC LIMIT ?", arguments: [limit]).map(Self.job)
        }
    }

    private static func job(_ row: Row) -> Job {
        Job(
            id: row["id"], kind: row["kind"], argument: row["argument"],
            state: Job.State(rawValue: row["state"]) ?? .parked,
            attempts: row["attempts"], worker: row["worker"], leaseUntil: row["leaseUntil"], queuedAt: row["queuedAt"],
            finishedAt: row["finishedAt"], result: row["result"], error: row["error"])
    }
}
