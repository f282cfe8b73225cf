import Foundation
import GRDB
import IAMSimCore
import IAMSimDatabase
import IAMSimMacros

/// A row of `iamUser`.
@StoredColumns
struct UserRecord: Hashable {
    var id: String
    var accountId: String
    var userName: String
    var path: String
    var createDate: Date
    var passwordLastUsed: Date?
    /// Consecutive wrong MFA codes at sign-in, and the end of the lockout they caused.
    var failedMFAAttempts: Int = 0
    var lockedUntil: Date?
}

extension UserRecord: StoredRecord {
    static let tableName = "iamUser"

    var user: User {
        User(
            accountID: AccountID(known: accountId), userName: userName, userID: id, path: path,
            createDate: createDate, passwordLastUsed: passwordLastUsed)
    }

    /// Who owns what this user owns.
    var owner: OwnerKey { OwnerKey(accountId: accountId, userId: id) }
}

// MARK: - Queries

extension UserRecord {
    /// The user `name` of `account`, matched case-insensitively as IAM does.
    static func named(_ name: String, in account: String, _ db: Database) throws -> UserRecord? {
        try fetchOne(
            db, sql: "SELECT * FROM iamUser WHERE accountId = ? AND userName = ? COLLATE NOCASE",
            arguments: [account, name])
    }

    /// The users of `account`, oldest first.
    static func all(in account: String, _ db: Database) throws -> [UserRecord] {
        try fetchAll(db, sql: "SELECT * FROM iamUser WHERE accountId = ? ORDER BY createDate, id", arguments: [account])
    }

    /// The users of `account` by name (`ListUsers`), those whose path starts with `pathPrefix`
    /// when given, after the name `after` when given.
    static func byName(
        in account: String, pathPrefix: String?, after: PageKey? = nil, limit: Int? = nil, _ db: Database
    ) throws -> [UserRecord] {
        try all(in: account, pathPrefix: pathPrefix, order: .byName("userName"), after: after, limit: limit, db)
    }

    /// The members of the group `groupId` by name (`GetGroup`), after the name `after` when given.
    static func members(
        ofGroup groupId: String, after: PageKey? = nil, limit: Int? = nil, _ db: Database
    ) throws -> [UserRecord] {
        try fetchAll(
            db,
            sql: """
                SELECT iamUser.* FROM iamUser JOIN groupMembership ON groupMembership.userId = iamUser.id
                WHERE groupMembership.groupId = ?
                """,
            arguments: [groupId], order: .byName("iamUser.userName"), after: after, limit: limit)
    }

    /// How many users `account` has.
    static func count(in account: String, _ db: Database) throws -> Int {
        try db.firstValue("SELECT count(*) FROM iamUser WHERE accountId = ?", arguments: [account]) ?? 0
    }
}

extension UserRecord: PagedRecord {
    static var pageKeyLength: Int { 1 }

    /// The page key of `ListUsers`' order (names are unique ignoring case).
    var pageKey: PageKey { PageKey(userName) }
}
