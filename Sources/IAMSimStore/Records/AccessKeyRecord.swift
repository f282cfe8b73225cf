import Foundation
import GRDB
import IAMSimCore
import IAMSimDatabase

/// A row of `accessKey`. The secret is kept for verifying SigV4 signatures
/// (`IAMStore.signingCredentials`); no list or get operation ever returns it.
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
    enum Column: String, CaseIterable {
        case id, accountId, userId, secretAccessKey, status, createDate, lastUsedDate, lastUsedService, lastUsedRegion
    }

    static let tableName = "accessKey"

    init(_ row: ColumnReader<Column>) throws {
        try self.init(
            id: row.value(.id), accountId: row.value(.accountId), userId: row.value(.userId),
            secretAccessKey: row.value(.secretAccessKey), status: row.textCase(.status),
            createDate: row.date(.createDate),
            lastUsedDate: row.dateIfPresent(.lastUsedDate), lastUsedService: row.value(.lastUsedService),
            lastUsedRegion: row.value(.lastUsedRegion))
    }

    func value(of column: Column) -> (any DatabaseValueConvertible)? {
        switch column {
        case .id: id
        case .accountId: accountId
        case .userId: userId
        case .secretAccessKey: secretAccessKey
        case .status: status.rawValue
        case .createDate: createDate.stored
        case .lastUsedDate: lastUsedDate.stored
        case .lastUsedService: lastUsedService
        case .lastUsedRegion: lastUsedRegion
        }
    }

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
