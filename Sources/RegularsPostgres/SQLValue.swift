import Foundation
import PostgresNIO

/// A value bound to a query's `$n`: the few types the store's columns hold, and `nil` of any of them.
protocol SQLValue {
    func append(to binds: inout PostgresBindings) throws
}

extension String: SQLValue {
    func append(to binds: inout PostgresBindings) throws { binds.append(self) }
}

extension Int64: SQLValue {
    func append(to binds: inout PostgresBindings) throws { binds.append(self) }
}

/// Every integer column is `bigint`: an `Int` goes as 64 bits.
extension Int: SQLValue {
    func append(to binds: inout PostgresBindings) throws { binds.append(Int64(self)) }
}

extension Double: SQLValue {
    func append(to binds: inout PostgresBindings) throws { binds.append(self) }
}

extension Bool: SQLValue {
    func append(to binds: inout PostgresBindings) throws { binds.append(self) }
}

/// `bytea`.
extension Data: SQLValue {
    func append(to binds: inout PostgresBindings) throws { binds.append(ByteBuffer(bytes: self)) }
}

extension Optional: SQLValue where Wrapped: SQLValue {
    func append(to binds: inout PostgresBindings) throws {
        if let value = self { try value.append(to: &binds) } else { binds.appendNull() }
    }
}

/// `text[]`, `bigint[]` …: for `= ANY($n)` and for `unnest`, which sends a batch as one value a column.
extension Array: SQLValue where Element: PostgresArrayEncodable {
    func append(to binds: inout PostgresBindings) throws { try binds.append(self) }
}
