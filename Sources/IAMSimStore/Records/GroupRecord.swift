import Foundation
import GRDB
import IAMSimCore
import IAMSimDatabase
import IAMSimMacros

/// A row of `iamGroup`.
@StoredColumns
struct GroupRecord: Hashable {
    var id: String
    var accountId: String
    var groupName: String
    var path: String
    var createDate: Date
}

extension GroupRecord: StoredRecord {
    static let tableName = "iamGroup"

    var group: Group {
        Group(
            accountID: AccountID(known: accountId), groupName: groupName, groupID: id, path: path,
            createDate: createDate)
    }
}

// MARK: - Queries

extension GroupRecord {
    /// The group `name` of `account`, matched case-insensitively as IAM does.
    static func named(_ name: String, in account: String, _ db: Database) throws -> GroupRecord? {
        try fetchOne(
            db, sql: "SELECT * FROM iamGroup WHERE accountId = ? AND groupName = ? COLLATE NOCASE",
            arguments: [account, name])
    }

    /// The groups of `account` by name (`ListGroups`), those whose path starts with
    /// `pathPrefix` when given, after the name `after` when given.
    static func all(
        in account: String, pathPrefix: String? = nil, after: PageKey? = nil, limit: Int? = nil, _ db: Database
    ) throws -> [GroupRecord] {
        try all(in: account, pathPrefix: pathPrefix, order: .byName("groupName"), after: after, limit: limit, db)
    }

    /// The groups the user `userId` is a member of, by name (`ListGroupsForUser`).
    static func all(withMember userId: String, after: PageKey? = nil, limit: Int? = nil, _ db: Database) throws
        -> [GroupRecord]
    {
        try fetchAll(
            db,
            sql: """
                SELECT iamGroup.* FROM iamGroup JOIN groupMembership ON groupMembership.groupId = iamGroup.id
                WHERE groupMembership.userId = ?
                """,
            arguments: [userId], order: .byName("iamGroup.groupName"), after: after, limit: limit)
    }

    /// The groups of `account`, oldest first (an export's order).
    static func all(inCreationOrderOf account: String, _ db: Database) throws -> [GroupRecord] {
        try fetchAll(
            db, sql: "SELECT * FROM iamGroup WHERE accountId = ? ORDER BY createDate, id", arguments: [account])
    }

    /// How many groups `account` has.
    static func count(in account: String, _ db: Database) throws -> Int {
        try db.firstValue("SELECT count(*) FROM iamGroup WHERE accountId = ?", arguments: [account]) ?? 0
    }
}

extension GroupRecord: PagedRecord {
    static var pageKeyLength: Int { 1 }

    /// The page key of the group lists' order (names are unique ignoring case).
    var pageKey: PageKey { PageKey(groupName) }
}
