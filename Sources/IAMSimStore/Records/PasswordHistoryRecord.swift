import Foundation
import GRDB
import IAMSimDatabase
import IAMSimMacros

/// A row of `passwordHistory`: a password a user had, for the policy's reuse prevention.
@StoredColumns
struct PasswordHistoryRecord: Hashable {
    /// Assigned by SQLite on insert (nil before).
    var id: Int64?
    var userId: String
    var passwordHash: String
    var changedDate: Date
}

extension PasswordHistoryRecord: StoredRecord {
    static let tableName = "passwordHistory"
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
