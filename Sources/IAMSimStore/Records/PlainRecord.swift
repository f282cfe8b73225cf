import GRDB
import IAMSimDatabase

/// A record whose columns are listed once, as column–value pairs, and whose row the lesson
/// commands write with plain SQL.
///
/// GRDB's persistence methods first look up the table's columns and primary key, and its
/// query interface the schema, each instantiating generic types on first use; on a command's
/// path that costs more than the statement itself (docs/performance.md). `encode(to:)` and
/// the plain writes below share the one list, so both write the same row.
protocol PlainRecord: PersistableRecord {
    /// The primary key's column.
    static var keyColumn: String { get }
    /// Every column with its value, the key first.
    var columnValues: [(column: String, value: (any DatabaseValueConvertible)?)] { get }
}

extension PlainRecord {
    func encode(to container: inout PersistenceContainer) {
        for (column, value) in columnValues { container[column] = value }
    }

    /// Inserts the row.
    func insertRow(_ db: Database) throws {
        let pairs = columnValues
        let columns = pairs.map { $0.column }.joined(separator: ", ")
        let placeholders = Array(repeating: "?", count: pairs.count).joined(separator: ", ")
        try db.execute(
            sql: "INSERT INTO \(Self.databaseTableName) (\(columns)) VALUES (\(placeholders))",
            arguments: StatementArguments(pairs.map { $0.value }))
    }

    /// Writes every column of the row with the record's key.
    ///
    /// - Throws: `RecordError.recordNotFound` when there is no such row, as `update` does.
    func updateRow(_ db: Database) throws {
        let others = columnValues.filter { $0.column != Self.keyColumn }
        let assignments = others.map { "\($0.column) = ?" }.joined(separator: ", ")
        try db.execute(
            sql: "UPDATE \(Self.databaseTableName) SET \(assignments) WHERE \(Self.keyColumn) = ?",
            arguments: StatementArguments(others.map { $0.value } + [keyValue]))
        guard db.changesCount == 1 else {
            throw RecordError.recordNotFound(
                databaseTableName: Self.databaseTableName, key: [Self.keyColumn: keyValue?.databaseValue ?? .null])
        }
    }

    /// Deletes the row with the record's key.
    func deleteRow(_ db: Database) throws {
        try db.execute(sql: "DELETE FROM \(Self.databaseTableName) WHERE \(Self.keyColumn) = ?", arguments: [keyValue])
    }

    /// The value of the key column.
    private var keyValue: (any DatabaseValueConvertible)? {
        columnValues.first { $0.column == Self.keyColumn }?.value
    }

    /// The row whose key is `key`, decoded.
    static func find(key: String, _ db: Database) throws -> Self? where Self: FetchableRecord {
        try fetchFirstRow(
            db, sql: "SELECT * FROM \(databaseTableName) WHERE \(keyColumn) = ?", arguments: [key])
    }

    /// The rows `sql` selects, decoded.
    static func fetchRows(_ db: Database, sql: String, arguments: StatementArguments = StatementArguments()) throws -> [Self]
    where Self: FetchableRecord {
        try Row.fetchAll(db, sql: sql, arguments: arguments).map { try Self(row: $0) }
    }

    /// The first row `sql` selects, decoded.
    static func fetchFirstRow(_ db: Database, sql: String, arguments: StatementArguments = StatementArguments()) throws
        -> Self?
    where Self: FetchableRecord {
        try Row.fetchOne(db, sql: sql, arguments: arguments).map { try Self(row: $0) }
    }
}
