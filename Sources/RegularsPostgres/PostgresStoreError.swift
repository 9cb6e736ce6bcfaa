import Foundation
import PostgresNIO

/// What went wrong talking to PostgreSQL, in words: PostgresNIO's errors print as "PSQLError" unless asked for
/// their details, and the details a server sends name no row values (the store binds every value).
public struct PostgresStoreError: Error, CustomStringConvertible, Sendable {
    public var description: String
    /// The server's SQLSTATE, when the server refused a statement (`23505`: a unique key was taken).
    public var sqlState: String?

    init(_ error: any Error, connecting location: PostgresLocation? = nil) {
        let prefix = location.map { "cannot connect to \($0): " } ?? ""
        if let error = error as? PostgresStoreError {
            self = error
            return
        }
        if let psql = error as? PSQLError {
            sqlState = psql.serverInfo?[.sqlState]
            if let message = psql.serverInfo?[.message] {
                description = prefix + "PostgreSQL: " + message
            } else {
                description = prefix + "PostgreSQL: \(psql.code)" + (psql.underlying.map { " (\($0))" } ?? "")
            }
        } else {
            description = prefix + "\(error)"
        }
    }
}
