import Foundation
import GRDB
import IAMSimDatabase

extension AppDatabase {
    /// Runs `sql` (one statement or several) in one transaction, and returns what `sqlite3 FILE
    /// SQL` prints in its default list mode: a line per row, values separated by `|`, NULL as
    /// nothing. For tests that look at an in-memory database as they would at a file with the
    /// `sqlite3` tool.
    ///
    /// It runs on the database's own connection: a setting a statement changes (a `PRAGMA`)
    /// stays for the commands that follow, where `sqlite3` would have dropped it on exit.
    public func sqliteText(_ sql: String) throws -> String {
        try write { db in
            var text = ""
            let statements = try db.allStatements(sql: sql)
            while let statement = try statements.next() {
                let rows = try Row.fetchCursor(statement)
                while let row = try rows.next() {
                    text += row.databaseValues.map(Self.sqliteText).joined(separator: "|") + "\n"
                }
            }
            return text
        }
    }

    /// A value as `sqlite3` prints it.
    private static func sqliteText(_ value: DatabaseValue) -> String {
        switch value.storage {
        case .null:
            return ""
        case .int64(let integer):
            return String(integer)
        case .double(let real):
            // sqlite3 prints reals with 15 significant digits, and always as reals (1.0).
            let text = String(format: "%.15g", real)
            return text.contains(where: { ".eEn".contains($0) }) ? text : text + ".0"
        case .string(let string):
            return string
        case .blob(let data):
            return String(decoding: data, as: UTF8.self)
        }
    }
}
