import Foundation
import GRDB
import IAMSimDatabase
import IAMSimCore

/// A row of `accessKey`. The secret is kept so that a future Query API can verify SigV4
/// signatures; no read operation ever returns it.
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

extension AccessKeyRecord: FetchableRecord, PlainRecord {
    static let databaseTableName = "accessKey"

    // Mapped by hand, not through Codable (see Row+Columns.swift).
    init(row: Row) throws {
        id = try row.value("id")
        accountId = try row.value("accountId")
        userId = try row.value("userId")
        secretAccessKey = try row.value("secretAccessKey")
        status = try row.textCase("status")
        createDate = try row.storedDate("createDate")
        lastUsedDate = try row.storedDateIfPresent("lastUsedDate")
        lastUsedService = try row.value("lastUsedService")
        lastUsedRegion = try row.value("lastUsedRegion")
    }

    static let keyColumn = "id"

    var columnValues: [(column: String, value: (any DatabaseValueConvertible)?)] {
        [
            ("id", id),
            ("accountId", accountId),
            ("userId", userId),
            ("secretAccessKey", secretAccessKey),
            ("status", status.rawValue),
            ("createDate", createDate.stored),
            ("lastUsedDate", lastUsedDate.stored),
            ("lastUsedService", lastUsedService),
            ("lastUsedRegion", lastUsedRegion),
        ]
    }

    func metadata(userName: String?) -> AccessKeyMetadata {
        AccessKeyMetadata(
            userName: userName, accessKeyID: AccessKeyID(known: id), status: status, createDate: createDate,
            lastUsedDate: lastUsedDate)
    }
}

// MARK: - Plain queries

extension AccessKeyRecord {
    /// The keys `owner` holds, oldest first.
    static func owned(by owner: OwnerKey, _ db: Database) throws -> [AccessKeyRecord] {
        if let userId = owner.userId {
            return try fetchRows(
                db, sql: "SELECT * FROM accessKey WHERE accountId = ? AND userId = ? ORDER BY createDate, id",
                arguments: [owner.accountId, userId])
        }
        return try fetchRows(
            db, sql: "SELECT * FROM accessKey WHERE accountId = ? AND userId IS NULL ORDER BY createDate, id",
            arguments: [owner.accountId])
    }
}
