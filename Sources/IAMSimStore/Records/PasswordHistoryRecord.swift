import Foundation
import GRDB
import IAMSimDatabase

/// A row of `passwordHistory`: a password a user had, for the policy's reuse prevention.
struct PasswordHistoryRecord: Hashable {
    /// Assigned by SQLite on insert (nil before).
    var id: Int64?
    var userId: String
    var passwordHash: String
    var changedDate: Date
}

extension PasswordHistoryRecord: StoredRecord {
    enum Column: String, CaseIterable {
        case id, userId, passwordHash, changedDate
    }

    static let tableName = "passwordHistory"

    init(_ row: ColumnReader<Column>) throws {
        try self.init(
            id: row.value(.id), userId: row.value(.userId), passwordHash: row.value(.passwordHash),
            changedDate: row.date(.changedDate))
    }

    func value(of column: Column) -> (any DatabaseValueConvertible)? {
        switch column {
        case .id: id
        case .userId: userId
        case .passwordHash: passwordHash
        case .changedDate: changedDate.stored
        }
    }
}

// MARK: - Queries

extension PasswordHistoryRecord {
    /// The hashes of the user's last `count` passwords, newest first.
    static func recentHashes(ofUser userId: String, count: Int, _ db: Database) throws -> [String] {
        try db.firstColumn(
            "SELECT passwordHash FROM passwordHistory WHERE userId = ? ORDER BY id DESC LIMIT ?",
            arguments: [userId, count])
    }
}
