import Foundation
import GRDB

// MARK: - Reading columns

/// Column readers for records that decode their rows by hand.
///
/// The store's records decode their rows by hand (`StoredRecord`, through these readers)
/// instead of through `Codable`: GRDB's Codable adapters instantiate generic decoder and
/// encoder types on first use, and each instantiation scans every protocol conformance in the
/// binary, about 0.1 ms each, paid again by every process (docs/performance.md).
extension Row {
    /// The value in `column` as `Value`; ask for an optional where the column may hold NULL.
    ///
    /// GRDB's `row["column"]` subscript decodes with `try!`, so a NULL or a value of another
    /// type would stop the process; this throws instead: a damaged database
    /// (`SQLITE_CORRUPT`, which the store reports as `DatabaseFileError.corrupt`, naming the column).
    package func value<Value: DatabaseValueConvertible>(_ column: String) throws -> Value {
        let stored: DatabaseValue = self[column]
        if let value = Value.fromDatabaseValue(stored) { return value }
        throw Self.damaged(column, stored)
    }

    /// The value of the column at `index`, as `value(_:)` reads it.
    package func value<Value: DatabaseValueConvertible>(atIndex index: Int) throws -> Value {
        let stored: DatabaseValue = self[index]
        if let value = Value.fromDatabaseValue(stored) { return value }
        throw Self.damaged(columnNames[columnNames.index(columnNames.startIndex, offsetBy: index)], stored)
    }

    /// The date in `column`; a missing or unreadable date means a damaged database.
    package func storedDate(_ column: String) throws -> Date {
        guard let date = try storedDateIfPresent(column) else { throw Self.damaged(column, "a date") }
        return date
    }

    /// The date in `column`, nil when NULL; a value that is not a date means a damaged database.
    package func storedDateIfPresent(_ column: String) throws -> Date? {
        let value: DatabaseValue = self[column]
        if value.isNull { return nil }
        guard let stored = StoredDate.fromDatabaseValue(value) else { throw Self.damaged(column, "a date") }
        return stored.date
    }

    /// The enumeration case named in `column`; an unknown name means a damaged database.
    package func textCase<Value: RawRepresentable>(_ column: String) throws -> Value where Value.RawValue == String {
        guard let value = try textCaseIfPresent(column) as Value? else { throw Self.damaged(column, "a known value") }
        return value
    }

    /// The enumeration case named in `column`, nil when NULL.
    package func textCaseIfPresent<Value: RawRepresentable>(_ column: String) throws -> Value?
    where Value.RawValue == String {
        guard let text: String = try value(column) else { return nil }
        guard let value = Value(rawValue: text) else { throw Self.damaged(column, "a known value") }
        return value
    }

    private static func damaged(_ column: String, _ expected: String) -> DatabaseError {
        DatabaseError(resultCode: .SQLITE_CORRUPT, message: "column \(column) does not hold \(expected)")
    }

    /// The error for `stored`, found in `column` where it cannot be: what was found, never the
    /// value itself (it may be a secret).
    private static func damaged(_ column: String, _ stored: DatabaseValue) -> DatabaseError {
        let found =
            switch stored.storage {
            case .null: "NULL where a value is required"
            case .int64, .double: "a number where another type is required"
            case .string: "text where another type is required"
            case .blob: "a blob where another type is required"
            }
        return DatabaseError(resultCode: .SQLITE_CORRUPT, message: "column \(column) holds \(found)")
    }
}

// MARK: - Single values

extension Database {
    /// The first column of the first row `sql` selects, or nil without a row. Read as a plain
    /// row, for the same reason as above: `Int.fetchOne` and its kin instantiate a generic
    /// cursor type per value type on first use.
    ///
    /// `sql` must be a fixed text (values as `?`): the statement is compiled once per
    /// connection and kept (`cachedStatement`).
    package func firstValue<Value: DatabaseValueConvertible>(
        _ sql: String, arguments: StatementArguments = StatementArguments()
    ) throws -> Value? {
        try Row.fetchOne(cachedStatement(sql: sql), arguments: arguments).flatMap { try $0.value(atIndex: 0) }
    }

    /// The first column of every row `sql` selects; `sql` is a fixed text, as for `firstValue`.
    package func firstColumn<Value: DatabaseValueConvertible>(
        _ sql: String, arguments: StatementArguments = StatementArguments()
    ) throws -> [Value] {
        try Row.fetchAll(cachedStatement(sql: sql), arguments: arguments).map { try $0.value(atIndex: 0) }
    }
}
