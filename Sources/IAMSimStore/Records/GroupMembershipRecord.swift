import Foundation
import GRDB
import IAMSimDatabase

/// A row of `groupMembership`: a user in a group.
struct GroupMembershipRecord: Hashable {
    var groupId: String
    var userId: String
    var addedDate: Date
}

extension GroupMembershipRecord: StoredRecord {
    enum Column: String, CaseIterable {
        case groupId, userId, addedDate
    }

    static let tableName = "groupMembership"
    static let primaryKey: [Column] = [.groupId, .userId]

    init(_ row: ColumnReader<Column>) throws {
        try self.init(groupId: row.value(.groupId), userId: row.value(.userId), addedDate: row.date(.addedDate))
    }

    func value(of column: Column) -> (any DatabaseValueConvertible)? {
        switch column {
        case .groupId: groupId
        case .userId: userId
        case .addedDate: addedDate.stored
        }
    }
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
