import Foundation
import GRDB

/// Stated preferences: one row per customer, the answer as JSON (its shape is the model type's, and it is only
/// ever read whole), with its expiry as a column so that expired answers are never read.
extension SQLiteStore {
    public func record(preferences: StatedPreferences) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let answer = String(decoding: try encoder.encode(preferences), as: UTF8.self)
        try writer.write { db in
            // Expired answers are kept for nobody: each write clears them.
            try db.execute(
                sql: "DELETE FROM statedPreference WHERE expiresAt <= ?",
                arguments: [Int64(preferences.statedAt.timeIntervalSince1970)])
            try db.execute(
                sql: """
                    INSERT INTO statedPreference (customerId, answer, expiresAt) VALUES (?, ?, ?)
                    ON CONFLICT(customerId) DO UPDATE SET answer = excluded.answer, expiresAt = excluded.expiresAt
                    """,
                arguments: [
                    preferences.customerID, answer, Int64(preferences.expiresAt.timeIntervalSince1970),
                ])
        }
    }

    public func statedPreferences(at now: Date) throws -> [CustomerID: StatedPreferences] {
        let rows = try writer.read { db in
            try String.fetchAll(
                db, sql: "SELECT answer FROM statedPreference WHERE expiresAt > ?",
                arguments: [Int64(now.timeIntervalSince1970)])
        }
        var out: [CustomerID: StatedPreferences] = [:]
        for row in rows {
            let answer = try JSONDecoder().decode(StatedPreferences.self, from: Data(row.utf8))
            out[answer.customerID] = answer
        }
        return out
    }
}
