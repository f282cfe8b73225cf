import Foundation
import GRDB
import IAMSimCore
import IAMSimDatabase
import IAMSimMacros

/// A row of `accessKey`. The secret is kept for verifying SigV4 signatures
/// (`IAMStore.signingCredentials`); no list or get operation ever returns it.
@StoredColumns
struct AccessKeyRecord: Hashable {
    var id: String
    var accountId: String
    /// The owning user's id; nil for the root user.
    var userId: String?
    var secretAccessKey: String
    var status: AccessKeyStatus
    var createDate: Date
    var lastUsedDate: Date?
    var lastUsedService: String?
    var lastUsedRegion: String?
}

extension AccessKeyRecord: StoredRecord {
    static let tableName = "accessKey"

    /// Who holds the key.
    var owner: OwnerKey { OwnerKey(accountId: accountId, userId: userId) }

    func metadata(userName: String?) -> AccessKeyMetadata {
        AccessKeyMetadata(
            userName: userName, accessKeyID: AccessKeyID(known: id), status: status, createDate: createDate,
            lastUsedDate: lastUsedDate)
    }
}

// MARK: - Queries

extension AccessKeyRecord {
    /// The keys `owner` holds, oldest first (`ORDER BY createDate, id`), after `after` when given.
    static func owned(by owner: OwnerKey, after: PageKey? = nil, limit: Int? = nil, _ db: Database) throws
        -> [AccessKeyRecord]
    {
        try fetchAll(
            db, sql: "SELECT * FROM accessKey WHERE accountId = ? AND userId IS ?",
            arguments: [owner.accountId, owner.userId],
            order: .byCreation(tieBreak: "id"), after: after, limit: limit)
    }

    /// How many keys `owner` holds.
    static func count(ownedBy owner: OwnerKey, _ db: Database) throws -> Int {
        try db.firstValue(
            "SELECT count(*) FROM accessKey WHERE accountId = ? AND userId IS ?",
            arguments: [owner.accountId, owner.userId])
            ?? 0
    }

    /// The key `id` when `owner` holds it: keys of other identities are as good as missing.
    static func find(_ id: String, ownedBy owner: OwnerKey, _ db: Database) throws -> AccessKeyRecord? {
        try find(db, key: id).flatMap { $0.owner == owner ? $0 : nil }
    }
}

extension AccessKeyRecord: PagedRecord {
    static var pageKeyLength: Int { 2 }

    /// The page key of `ListAccessKeys`' order.
    var pageKey: PageKey { PageKey(Timestamp.storage(createDate), id) }
}
