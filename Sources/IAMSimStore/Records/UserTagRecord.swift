import Foundation
import GRDB
import IAMSimCore
import IAMSimDatabase
import IAMSimMacros

/// A row of `userTag`: one tag of an IAM user.
@StoredColumns
struct UserTagRecord: Hashable {
    var userId: String
    var key: String
    var value: String
}

extension UserTagRecord: StoredRecord {
    static let tableName = "userTag"
    static let primaryKey: [Column] = [.userId, .key]

    var tag: Tag { Tag(key: key, value: value) }
}

// MARK: - Queries

extension UserTagRecord {
    /// The tags of the user `userId` by key (ignoring case), after the key `after` when given.
    static func tags(ofUser userId: String, after: PageKey? = nil, limit: Int? = nil, _ db: Database) throws
        -> [UserTagRecord]
    {
        try fetchAll(
            db, sql: "SELECT * FROM userTag WHERE userId = ?", arguments: [userId], order: .byName("key"),
            after: after, limit: limit)
    }

    /// Sets the tag `key` (matched ignoring case) of the user `userId` to `value`, with the
    /// key's new spelling.
    static func set(_ tag: Tag, ofUser userId: String, _ db: Database) throws {
        try db.execute(
            sql: "DELETE FROM userTag WHERE userId = ? AND key = ? COLLATE NOCASE", arguments: [userId, tag.key])
        try UserTagRecord(userId: userId, key: tag.key, value: tag.value).insert(db)
    }

    /// Removes the tag `key` (matched ignoring case) of the user `userId`, if it has one.
    static func remove(key: String, ofUser userId: String, _ db: Database) throws {
        try db.execute(
            sql: "DELETE FROM userTag WHERE userId = ? AND key = ? COLLATE NOCASE", arguments: [userId, key])
    }

    /// How many tags the user `userId` has.
    static func count(ofUser userId: String, _ db: Database) throws -> Int {
        try db.firstValue("SELECT count(*) FROM userTag WHERE userId = ?", arguments: [userId]) ?? 0
    }
}

extension UserTagRecord: PagedRecord {
    static var pageKeyLength: Int { 1 }

    /// The page key of `ListUserTags`' order (keys are unique ignoring case).
    var pageKey: PageKey { PageKey(key) }
}
