import Foundation
import GRDB
import IAMSimDatabase
import IAMSimMacros

/// A row of `groupMembership`: a user in a group.
@StoredColumns
struct GroupMembershipRecord: Hashable {
    var groupId: String
    var userId: String
    var addedDate: Date
}

extension GroupMembershipRecord: StoredRecord {
    static let tableName = "groupMembership"
    static let primaryKey: [Column] = [.groupId, .userId]
}

// MARK: - Queries

extension GroupMembershipRecord {
    /// How many groups the user `userId` is a member of.
    static func count(ofUser userId: String, _ db: Database) throws -> Int {
        try db.firstValue("SELECT count(*) FROM groupMembership WHERE userId = ?", arguments: [userId]) ?? 0
    }

    /// How many members the group `groupId` has.
    static func count(ofGroup groupId: String, _ db: Database) throws -> Int {
        try db.firstValue("SELECT count(*) FROM groupMembership WHERE groupId = ?", arguments: [groupId]) ?? 0
    }

    /// The ids of the group's members, in the order they joined.
    static func memberIDs(ofGroup groupId: String, _ db: Database) throws -> [String] {
        try db.firstColumn(
            "SELECT userId FROM groupMembership WHERE groupId = ? ORDER BY addedDate, userId", arguments: [groupId])
    }
}
