import Foundation
import GRDB
import IAMSimDatabase

/// A row of `consoleSession`.
struct SessionRecord: Hashable {
    var id: String
    var accountId: String
    /// The signed-in user's id; nil for the root user.
    var userId: String?
    var mfaUsed: Bool
    var createDate: Date
    var expireDate: Date
    var endDate: Date?
}

extension SessionRecord: FetchableRecord, PlainRecord {
    static let databaseTableName = "consoleSession"

    // Mapped by hand, not through Codable (see Row+Columns.swift).
    init(row: Row) throws {
        id = try row.value("id")
        accountId = try row.value("accountId")
        userId = try row.value("userId")
        mfaUsed = try row.value("mfaUsed")
        createDate = try row.storedDate("createDate")
        expireDate = try row.storedDate("expireDate")
        endDate = try row.storedDateIfPresent("endDate")
    }

    static let keyColumn = "id"

    var columnValues: [(column: String, value: (any DatabaseValueConvertible)?)] {
        [
            ("id", id),
            ("accountId", accountId),
            ("userId", userId),
            ("mfaUsed", mfaUsed),
            ("createDate", createDate.stored),
            ("expireDate", expireDate.stored),
            ("endDate", endDate.stored),
        ]
    }
}
