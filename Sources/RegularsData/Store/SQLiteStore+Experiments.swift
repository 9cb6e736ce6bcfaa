import Foundation
import GRDB

extension SQLiteStore {
    public func create(experiment: ExperimentRecord) throws {
        let arms = String(decoding: try JSONEncoder().encode(experiment.arms), as: UTF8.self)
        try writer.write { db in
            try db.execute(
                sql: """
                    INSERT INTO experiment (name, placement, arms, holdoutPercent, unit, startedAt, stoppedAt)
                    VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(name) DO NOTHING
                    """,
                arguments: [
                    experiment.name, experiment.placement, arms, experiment.holdoutPercent, experiment.unit.rawValue,
                    experiment.startedAt, experiment.stoppedAt,
                ])
            guard db.changesCount == 1 else { throw ExperimentStoreError.nameTaken(experiment.name) }
        }
    }

    public func experiments() throws -> [ExperimentRecord] {
        try writer.read { db in
            try GRDB.Row.fetchAll(db, sql: "SELECT * FROM experiment ORDER BY startedAt, name").map { row in
                ExperimentRecord(
                    name: row["name"], placement: row["placement"],
                    arms: try JSONDecoder().decode(
                        [ExperimentRecord.Arm].self, from: Data((row["arms"] as String).utf8)),
                    holdoutPercent: row["holdoutPercent"],
                    unit: ExperimentRecord.Unit(rawValue: row["unit"]) ?? .customer, startedAt: row["startedAt"],
                    stoppedAt: row["stoppedAt"])
            }
        }
    }

    public func stopExperiment(named name: String, at time: Int64) throws {
        try writer.write { db in
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM experiment WHERE name = ?", arguments: [name]) != nil
            else { throw ExperimentStoreError.notFound(name) }
            try db.execute(
                sql: "UPDATE experiment SET stoppedAt = ? WHERE name = ? AND stoppedAt IS NULL",
                arguments: [time, name])
        }
    }

    public func record(exposures: [ExperimentExposure]) throws {
        try writer.write { db in
            let insert = try db.cachedStatement(
                sql: """
                    INSERT INTO exposure (experiment, unit, arm, firstAt) VALUES (?, ?, ?, ?)
                    ON CONFLICT(experiment, unit) DO NOTHING
                    """)
            for exposure in exposures {
                try insert.execute(arguments: [exposure.experiment, exposure.unit, exposure.arm, exposure.firstAt])
            }
        }
    }

    public func exposures(of experiment: String) throws -> [ExperimentExposure] {
        try writer.read { db in
            try GRDB.Row.fetchAll(
                db, sql: "SELECT unit, arm, firstAt FROM exposure WHERE experiment = ? ORDER BY unit",
                arguments: [experiment]
            ).map {
                ExperimentExposure(experiment: experiment, unit: $0["unit"], arm: $0["arm"], firstAt: $0["firstAt"])
            }
        }
    }

    public func record(sends: [EmailSend]) throws {
        try writer.write { db in
            let insert = try db.cachedStatement(
                sql: """
                    INSERT INTO emailSend (campaign, customerId, sentAt, token) VALUES (?, ?, ?, ?)
                    ON CONFLICT(campaign, customerId) DO NOTHING
                    """)
            for send in sends {
                try insert.execute(arguments: [send.campaign, send.customerID, send.at, send.token])
            }
        }
    }

    public func emailSends(from start: Int64, to end: Int64) throws -> [EmailSend] {
        try writer.read { db in
            try GRDB.Row.fetchAll(
                db, sql: "SELECT * FROM emailSend WHERE sentAt >= ? AND sentAt < ? ORDER BY sentAt",
                arguments: [start, end]
            ).map {
                EmailSend(campaign: $0["campaign"], customerID: $0["customerId"], at: $0["sentAt"], token: $0["token"])
            }
        }
    }

    public func emailSend(token: String) throws -> EmailSend? {
        try writer.read { db in
            try GRDB.Row.fetchOne(db, sql: "SELECT * FROM emailSend WHERE token = ?", arguments: [token]).map {
                EmailSend(campaign: $0["campaign"], customerID: $0["customerId"], at: $0["sentAt"], token: $0["token"])
            }
        }
    }

    /// Order lines of orders placed in `[start, end)`, with their order's customer and time.
    public func placedLines(from start: Int64, to end: Int64) throws -> [PlacedLine] {
        try writer.read { db in
            var lines: [PlacedLine] = []
            let rows = try GRDB.Row.fetchCursor(
                db,
                sql: """
                    SELECT o.id, o.customerId, o.createdAt, l.position, l.sku, l.quantity, l.unitPrice
                    FROM shopOrder o JOIN orderLine l ON l.orderKey = o.key
                    WHERE o.createdAt >= ? AND o.createdAt < ? ORDER BY o.createdAt, o.key, l.position
                    """, arguments: [start, end])
            while let row = try rows.next() {
                lines.append(
                    PlacedLine(
                        orderID: row["id"], position: row["position"], customerID: row["customerId"],
                        at: row["createdAt"], sku: row["sku"], quantity: row["quantity"],
                        unitPrice: Money(units: row["unitPrice"])))
            }
            return lines
        }
    }

    /// Events in `[start, end)` of the kinds given, oldest first.
    public func events(from start: Int64, to end: Int64, kinds: Set<ShopEvent.Kind>) throws -> [ShopEvent] {
        let names = kinds.map(\.rawValue).sorted()
        let marks = Array(repeating: "?", count: names.count).joined(separator: ", ")
        return try writer.read { db in
            try Self.events(
                db,
                where: "at >= ? AND at < ? AND type IN (\(marks))",
                arguments: StatementArguments([start, end] as [any DatabaseValueConvertible])
                    + StatementArguments(names))
        }
    }

    /// A setting of the shop kept in the store (`storeSetting`), such as the permanent holdout or a baseline.
    public func setting(named name: String) throws -> String? {
        try writer.read { db in
            try String.fetchOne(db, sql: "SELECT value FROM storeSetting WHERE name = ?", arguments: [name])
        }
    }

    public func set(setting name: String, to value: String?) throws {
        try writer.write { db in
            if let value {
                try db.execute(
                    sql: """
                        INSERT INTO storeSetting (name, value) VALUES (?, ?)
                        ON CONFLICT(name) DO UPDATE SET value = excluded.value
                        """, arguments: [name, value])
            } else {
                try db.execute(sql: "DELETE FROM storeSetting WHERE name = ?", arguments: [name])
            }
        }
    }
}
