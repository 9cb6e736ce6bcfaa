import Foundation
import PostgresNIO
import RegularsData

extension PostgresStore {
    public func create(experiment: ExperimentRecord) throws {
        let arms = String(decoding: try JSONEncoder().encode(experiment.arms), as: UTF8.self)
        let created = try transaction { session in
            try session.execute(
                """
                INSERT INTO experiment (name, placement, arms, holdoutPercent, unit, startedAt, stoppedAt)
                VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (name) DO NOTHING
                """,
                [
                    experiment.name, experiment.placement, arms, experiment.holdoutPercent, experiment.unit.rawValue,
                    experiment.startedAt, experiment.stoppedAt,
                ])
        }
        guard created == 1 else { throw ExperimentStoreError.nameTaken(experiment.name) }
    }

    public func experiments() throws -> [ExperimentRecord] {
        try read { session in
            try session.query(
                """
                SELECT name, placement, arms, holdoutPercent, unit, startedAt, stoppedAt FROM experiment
                ORDER BY startedAt, name
                """
            ).rows.map { row in
                let (name, placement, arms, holdout, unit, started, stopped) = try row.decode(
                    (String, String, String, Double, String, Int64, Int64?).self)
                return ExperimentRecord(
                    name: name, placement: placement,
                    arms: try JSONDecoder().decode([ExperimentRecord.Arm].self, from: Data(arms.utf8)),
                    holdoutPercent: holdout, unit: ExperimentRecord.Unit(rawValue: unit) ?? .customer,
                    startedAt: started, stoppedAt: stopped)
            }
        }
    }

    public func stopExperiment(named name: String, at time: Int64) throws {
        try transaction { session in
            guard try session.value(Bool.self, "SELECT true FROM experiment WHERE name = $1", [name]) != nil else {
                throw ExperimentStoreError.notFound(name)
            }
            try session.execute(
                "UPDATE experiment SET stoppedAt = $1 WHERE name = $2 AND stoppedAt IS NULL", [time, name])
        }
    }

    public func record(exposures: [ExperimentExposure]) throws {
        try transaction { session in
            for exposure in exposures {
                try session.execute(
                    """
                    INSERT INTO exposure (experiment, unit, arm, firstAt) VALUES ($1, $2, $3, $4)
                    ON CONFLICT (experiment, unit) DO NOTHING
                    """, [exposure.experiment, exposure.unit, exposure.arm, exposure.firstAt])
            }
        }
    }

    public func exposures(of experiment: String) throws -> [ExperimentExposure] {
        try read { session in
            try session.query(
                "SELECT unit, arm, firstAt FROM exposure WHERE experiment = $1 ORDER BY unit", [experiment]
            ).rows.map { row in
                let (unit, arm, first) = try row.decode((String, String, Int64).self)
                return ExperimentExposure(experiment: experiment, unit: unit, arm: arm, firstAt: first)
            }
        }
    }

    public func record(sends: [EmailSend]) throws {
        try transaction { session in
            for send in sends {
                try session.execute(
                    """
                    INSERT INTO emailSend (campaign, customerId, sentAt, token) VALUES ($1, $2, $3, $4)
                    ON CONFLICT (campaign, customerId) DO NOTHING
                    """, [send.campaign, send.customerID, send.at, send.token])
            }
        }
    }

    public func emailSends(from start: Int64, to end: Int64) throws -> [EmailSend] {
        try sends(where: "sentAt >= $1 AND sentAt < $2 ORDER BY sentAt", [start, end])
    }

    public func emailSend(token: String) throws -> EmailSend? {
        try sends(where: "token = $1", [token]).first
    }

    private func sends(where condition: String, _ values: [any SQLValue]) throws -> [EmailSend] {
        try read { session in
            try session.query("SELECT campaign, customerId, sentAt, token FROM emailSend WHERE \(condition)", values)
                .rows.map { row in
                    let (campaign, customer, at, token) = try row.decode((String, String, Int64, String?).self)
                    return EmailSend(campaign: campaign, customerID: customer, at: at, token: token)
                }
        }
    }

    public func placedLines(from start: Int64, to end: Int64) throws -> [PlacedLine] {
        try read { session in
            try session.query(
                """
                SELECT o.id, o.customerId, o.createdAt, l.position, l.sku, l.quantity, l.unitPrice
                FROM shopOrder o JOIN orderLine l ON l.orderKey = o.key
                WHERE o.createdAt >= $1 AND o.createdAt < $2 ORDER BY o.createdAt, o.key, l.position
                """, [start, end]
            ).rows.map { row in
                let (order, customer, at, position, sku, quantity, price) = try row.decode(
                    (String, String, Int64, Int64, String, Int64, Int64).self)
                return PlacedLine(
                    orderID: order, position: Int(position), customerID: customer, at: at, sku: sku,
                    quantity: Int(quantity), unitPrice: Money(units: price))
            }
        }
    }

    public func record(preferences: StatedPreferences) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let answer = String(decoding: try encoder.encode(preferences), as: UTF8.self)
        try transaction { session in
            try session.execute(
                "DELETE FROM statedPreference WHERE expiresAt <= $1",
                [Int64(preferences.statedAt.timeIntervalSince1970)])
            try session.execute(
                """
                INSERT INTO statedPreference (customerId, answer, expiresAt) VALUES ($1, $2, $3)
                ON CONFLICT (customerId) DO UPDATE SET answer = excluded.answer, expiresAt = excluded.expiresAt
                """, [preferences.customerID, answer, Int64(preferences.expiresAt.timeIntervalSince1970)])
        }
    }

    public func statedPreferences(at now: Date) throws -> [CustomerID: StatedPreferences] {
        var out: [CustomerID: StatedPreferences] = [:]
        for json in try strings(
            "SELECT answer FROM statedPreference WHERE expiresAt > $1", [Int64(now.timeIntervalSince1970)])
        {
            let answer = try JSONDecoder().decode(StatedPreferences.self, from: Data(json.utf8))
            out[answer.customerID] = answer
        }
        return out
    }
}
