import Foundation
import GRDB
import IAMSimDatabase
import IAMSimCore

/// A row of `iamUser`.
struct UserRecord: Hashable {
    var id: String
    var accountId: String
    var userName: String
    var path: String
    var createDate: Date
    var passwordLastUsed: Date?
    var failedMFAAttempts: Int = 0
    var lockedUntil: Date?
}

extension UserRecord: FetchableRecord, PlainRecord {
    static let databaseTableName = "iamUser"

    enum Columns {
        static let accountId = Column("accountId")
    }

    // Mapped by hand, not through Codable (see Row+Columns.swift).
    init(row: Row) throws {
        id = try row.value("id")
        accountId = try row.value("accountId")
        userName = try row.value("userName")
        path = try row.value("path")
        createDate = try row.storedDate("createDate")
        passwordLastUsed = try row.storedDateIfPresent("passwordLastUsed")
        failedMFAAttempts = try row.value("failedMFAAttempts")
        lockedUntil = try row.storedDateIfPresent("lockedUntil")
    }

    static let keyColumn = "id"

    var columnValues: [(column: String, value: (any DatabaseValueConvertible)?)] {
        [
            ("id", id),
            ("accountId", accountId),
            ("userName", userName),
            ("path", path),
            ("createDate", createDate.stored),
            ("passwordLastUsed", passwordLastUsed.stored),
            ("failedMFAAttempts", failedMFAAttempts),
            ("lockedUntil", lockedUntil.stored),
        ]
    }

    var user: User {
        User(
            accountID: AccountID(known: accountId), userName: userName, userID: id, path: path,
            createDate: createDate, passwordLastUsed: passwordLastUsed)
    }
}
