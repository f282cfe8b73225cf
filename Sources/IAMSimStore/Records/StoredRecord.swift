import Foundation
import GRDB
import IAMSimDatabase

/// A record read from rows, mapped by hand through its `Column` enumeration: the one list of
/// the columns it reads.
///
/// Not GRDB's `FetchableRecord`: its generic cursors and Codable adapters instantiate types and
/// scan protocol conformances on first use, a cost every command would pay at start-up
/// (docs/performance.md). Rows come from plain SQL and decode through `ColumnReader`, whose
/// readers throw on a damaged value instead of trapping.
protocol FetchedRecord {
    /// The columns, named as in the schema.
    associatedtype Column: CaseIterable, RawRepresentable where Column.RawValue == String
    /// Decodes a row that holds every column.
    init(_ row: ColumnReader<Column>) throws
}

/// A record of one table: the one way the store writes that table's rows.
///
/// A record lists its columns once, as its stored properties: `@StoredColumns` (IAMSimMacros)
/// derives `Column`, `init(_:)` and `value(of:)` from them at compile time, so reads and writes
/// cannot drift apart, and nothing is looked up at run time (no Codable adapters: see
/// `FetchedRecord`). A record whose properties are not its columns (`PasswordPolicyRecord`)
/// writes the three by hand; `value(of:)`'s exhaustive `switch` then keeps it in step. The
/// statements below are built from `Column.allCases`.
///
/// Single rows are inserted, updated and deleted through the record. Statements over many rows
/// (the sessions of a deleted user, an account's contents) are named static methods of the
/// record's type, next to its queries; counts and `EXISTS` stay plain SQL queries.
protocol StoredRecord: FetchedRecord {
    /// The table's name.
    static var tableName: String { get }
    /// The primary key's columns; by default the first column.
    static var primaryKey: [Column] { get }
    /// The value stored in `column`: a `StoredDate` for dates, the raw value for enumerations.
    func value(of column: Column) -> (any DatabaseValueConvertible)?
}

extension FetchedRecord {
    /// Decodes a row that holds every column.
    init(row: Row) throws {
        try self.init(ColumnReader(row))
    }

    /// The rows `sql` selects, decoded.
    static func fetchAll(_ db: Database, sql: String, arguments: StatementArguments = StatementArguments()) throws
        -> [Self]
    {
        try Row.fetchAll(db, sql: sql, arguments: arguments).map { try Self(row: $0) }
    }

    /// The first row `sql` selects, decoded. `sql` is a fixed text (values as `?`): its
    /// statement is compiled once per connection and kept, since the server runs the same
    /// lookups for every request (docs/performance.md, "The Query API side by side with moto").
    static func fetchOne(_ db: Database, sql: String, arguments: StatementArguments = StatementArguments()) throws
        -> Self?
    {
        try Row.fetchOne(db.cachedStatement(sql: sql), arguments: arguments).map { try Self(row: $0) }
    }
}

extension FetchedRecord {
    /// The rows `sql` selects (a statement with a `WHERE` clause) in `order`, those after
    /// `after` when given, at most `limit` of them when given.
    static func fetchAll(
        _ db: Database, sql: String, arguments: StatementArguments, order: ListOrder, after: PageKey?, limit: Int?
    ) throws -> [Self] {
        var sql = sql
        var arguments = arguments
        if let after {
            sql += " AND \(order.after)"
            arguments += StatementArguments(after.values)
        }
        sql += " ORDER BY \(order.orderBy)"
        if let limit {
            sql += " LIMIT ?"
            arguments += [limit]
        }
        // At most four texts per list (with or without a marker and a limit): kept compiled.
        return try Row.fetchAll(db.cachedStatement(sql: sql), arguments: arguments).map { try Self(row: $0) }
    }
}

extension StoredRecord {
    /// The rows of `account` (a table with `accountId` and `path` columns) in `order`, those
    /// whose path starts with `pathPrefix` when given, then as `fetchAll(_:sql:…)` pages them.
    ///
    /// AWS's `PathPrefix` (`ListUsers`, `ListGroups`) matches the start of the path exactly, case
    /// included: `substr`, not `LIKE`, which ignores case and treats `_` and `%` as wildcards.
    static func all(
        in account: String, pathPrefix: String?, order: ListOrder, after: PageKey?, limit: Int?, _ db: Database
    ) throws -> [Self] {
        var sql = "SELECT * FROM \(tableName) WHERE accountId = ?"
        var arguments: StatementArguments = [account]
        if let pathPrefix {
            sql += " AND substr(path, 1, ?) = ?"
            arguments += [pathPrefix.count, pathPrefix]
        }
        return try fetchAll(db, sql: sql, arguments: arguments, order: order, after: after, limit: limit)
    }
}

extension StoredRecord {
    /// The first column: the key of most tables.
    static var primaryKey: [Column] { Array(Column.allCases.prefix(1)) }

    /// The row whose primary key holds `key`, one value per key column.
    static func find(_ db: Database, key: any DatabaseValueConvertible...) throws -> Self? {
        try find(db, keyValues: key)
    }

    /// The row whose primary key holds `keyValues`, one value per key column.
    static func find(_ db: Database, keyValues: [(any DatabaseValueConvertible)?]) throws -> Self? {
        try fetchOne(
            db, sql: "SELECT * FROM \(tableName) WHERE \(keyCondition)", arguments: StatementArguments(keyValues))
    }

    /// Inserts the row.
    ///
    /// - Parameter conflict: what SQLite does when a constraint fails: `.abort` (fail),
    ///   `.ignore` (keep the existing row) or `.replace` (overwrite it).
    func insert(_ db: Database, onConflict conflict: Database.ConflictResolution = .abort) throws {
        let columns = Column.allCases.map(\.rawValue).joined(separator: ", ")
        let placeholders = Array(repeating: "?", count: Column.allCases.count).joined(separator: ", ")
        let verb = conflict == .abort ? "INSERT" : "INSERT OR \(conflict.rawValue)"
        let values: [(any DatabaseValueConvertible)?] = Column.allCases.map { value(of: $0) }
        try db.cachedStatement(sql: "\(verb) INTO \(Self.tableName) (\(columns)) VALUES (\(placeholders))")
            .execute(arguments: StatementArguments(values))
    }

    /// Writes every column of the row with the record's key.
    ///
    /// - Throws: `RecordError.recordNotFound` when there is no such row (another process
    ///   deleted it), which the database reports as a `ServiceFailure`.
    func update(_ db: Database) throws {
        let others = Column.allCases.filter { column in !Self.primaryKey.contains { $0.rawValue == column.rawValue } }
        let assignments = others.map { "\($0.rawValue) = ?" }.joined(separator: ", ")
        try db.cachedStatement(sql: "UPDATE \(Self.tableName) SET \(assignments) WHERE \(Self.keyCondition)")
            .execute(arguments: StatementArguments(others.map { value(of: $0) } + keyValues))
        guard db.changesCount == 1 else {
            throw RecordError.recordNotFound(
                databaseTableName: Self.tableName,
                key: Dictionary(
                    zip(Self.primaryKey.map(\.rawValue), keyValues.map { $0?.databaseValue ?? .null }),
                    uniquingKeysWith: { first, _ in first }))
        }
    }

    /// Deletes the row with the record's key; returns whether there was one.
    @discardableResult
    func delete(_ db: Database) throws -> Bool {
        try db.cachedStatement(sql: "DELETE FROM \(Self.tableName) WHERE \(Self.keyCondition)")
            .execute(arguments: StatementArguments(keyValues))
        return db.changesCount > 0
    }

    /// `key1 = ? AND key2 = ?`.
    private static var keyCondition: String {
        primaryKey.map { "\($0.rawValue) = ?" }.joined(separator: " AND ")
    }

    private var keyValues: [(any DatabaseValueConvertible)?] {
        Self.primaryKey.map { value(of: $0) }
    }
}

/// A row read column by column, by `Column` case, through IAMSimDatabase's throwing readers: a
/// NULL or a value of the wrong type is reported as a damaged database, never a trap.
///
/// `value(_:)` is overloaded by the type asked for, so that a record's mapping
/// (`@StoredColumns`) reads every column the same way: dates as `StoredDate` text,
/// enumerations by their raw value, everything else as GRDB converts it.
struct ColumnReader<Column: RawRepresentable> where Column.RawValue == String {
    let row: Row

    init(_ row: Row) {
        self.row = row
    }

    /// The value in `column`; ask for an optional where the column may hold NULL.
    func value<Value: DatabaseValueConvertible>(_ column: Column) throws -> Value {
        try row.value(column.rawValue)
    }

    /// The date in `column`.
    func value(_ column: Column) throws -> Date {
        try row.storedDate(column.rawValue)
    }

    /// The date in `column`, nil when NULL.
    func value(_ column: Column) throws -> Date? {
        try row.storedDateIfPresent(column.rawValue)
    }

    /// The enumeration case named in `column`.
    func value<Value: RawRepresentable>(_ column: Column) throws -> Value where Value.RawValue == String {
        try row.textCase(column.rawValue)
    }

    /// The enumeration case named in `column`, nil when NULL.
    func value<Value: RawRepresentable>(_ column: Column) throws -> Value? where Value.RawValue == String {
        try row.textCaseIfPresent(column.rawValue)
    }
}

/// A property's value as a statement argument, chosen by its type as `ColumnReader` reads it
/// back: dates as `StoredDate`, enumerations by raw value, other values as they are.
enum ColumnValue {
    static func of<Value: DatabaseValueConvertible>(_ value: Value) -> (any DatabaseValueConvertible)? {
        value
    }

    static func of<Value: DatabaseValueConvertible>(_ value: Value?) -> (any DatabaseValueConvertible)? {
        value
    }

    static func of(_ date: Date) -> (any DatabaseValueConvertible)? {
        StoredDate(date)
    }

    static func of(_ date: Date?) -> (any DatabaseValueConvertible)? {
        date.map(StoredDate.init)
    }

    static func of<Value: RawRepresentable>(_ value: Value) -> (any DatabaseValueConvertible)?
    where Value.RawValue == String {
        value.rawValue
    }

    static func of<Value: RawRepresentable>(_ value: Value?) -> (any DatabaseValueConvertible)?
    where Value.RawValue == String {
        value?.rawValue
    }
}
