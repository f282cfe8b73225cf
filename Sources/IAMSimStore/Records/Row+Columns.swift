import Foundation
import GRDB

// MARK: - Reading columns

/// Column readers for records that decode their rows by hand.
///
/// Records on the lesson commands' path implement `init(row:)` and `encode(to:)` themselves
/// instead of through `Codable`: GRDB's Codable adapters instantiate generic decoder and
/// encoder types on first use, and each instantiation scans every protocol conformance in the
/// binary, about 0.1 ms each, paid again by every process (docs/performance.md).
extension Row {
    /// The date in `column`; a missing or unreadable date means a damaged database.
    func storedDate(_ column: String) throws -> Date {
        guard let date = try storedDateIfPresent(column) else { throw Self.damaged(column, "a date") }
        return date
    }

    /// The date in `column`, nil when NULL; a value that is not a date means a damaged database.
    func storedDateIfPresent(_ column: String) throws -> Date? {
        let value: DatabaseValue = self[column]
        if value.isNull { return nil }
        guard let stored = StoredDate.fromDatabaseValue(value) else { throw Self.damaged(column, "a date") }
        return stored.date
    }

    /// The enumeration case named in `column`; an unknown name means a damaged database.
    func textCase<Value: RawRepresentable>(_ column: String) throws -> Value where Value.RawValue == String {
        guard let value = try textCaseIfPresent(column) as Value? else { throw Self.damaged(column, "a known value") }
        return value
    }

    /// The enumeration case named in `column`, nil when NULL.
    func textCaseIfPresent<Value: RawRepresentable>(_ column: String) throws -> Value? where Value.RawValue == String {
        guard let text: String = self[column] else { return nil }
        guard let value = Value(rawValue: text) else { throw Self.damaged(column, "a known value") }
        return value
    }

    private static func damaged(_ column: String, _ expected: String) -> DatabaseError {
        DatabaseError(resultCode: .SQLITE_CORRUPT, message: "column \(column) does not hold \(expected)")
    }
}

// MARK: - Single values

extension Database {
    /// The first column of the first row `sql` selects, or nil without a row. Read as a plain
    /// row, for the same reason as above: `Int.fetchOne` and its kin instantiate a generic
    /// cursor type per value type on first use.
    func firstValue<Value: DatabaseValueConvertible>(
        _ sql: String, arguments: StatementArguments = StatementArguments()
    ) throws -> Value? {
        try Row.fetchOne(self, sql: sql, arguments: arguments).flatMap { $0[0] }
    }

    /// The first column of every row `sql` selects.
    func firstColumn<Value: DatabaseValueConvertible>(
        _ sql: String, arguments: StatementArguments = StatementArguments()
    ) throws -> [Value] {
        try Row.fetchAll(self, sql: sql, arguments: arguments).map { $0[0] }
    }
}
