import Foundation
import GRDB
import IAMSimDatabase
import IAMSimCore

/// A row of `account`: the account and its root user's sign-in credentials.
struct AccountRecord: Hashable {
    var id: String
    var alias: String?
    var createDate: Date
    var fixtureName: String?
    var rootEmail: String
    var rootPasswordHash: String
    var rootPasswordLastUsed: Date?
    /// The fixture the account was loaded from, with the password replaced by its hash.
    var fixtureJSON: String?
    var failedMFAAttempts: Int = 0
    var lockedUntil: Date?
}

extension AccountRecord: FetchableRecord, PlainRecord {
    static let databaseTableName = "account"

    enum Columns {
        static let id = Column("id")
        static let alias = Column("alias")
    }

    // Mapped by hand, not through Codable (see Row+Columns.swift).
    init(row: Row) throws {
        id = try row.value("id")
        alias = try row.value("alias")
        createDate = try row.storedDate("createDate")
        fixtureName = try row.value("fixtureName")
        rootEmail = try row.value("rootEmail")
        rootPasswordHash = try row.value("rootPasswordHash")
        rootPasswordLastUsed = try row.storedDateIfPresent("rootPasswordLastUsed")
        fixtureJSON = try row.value("fixtureJSON")
        failedMFAAttempts = try row.value("failedMFAAttempts")
        lockedUntil = try row.storedDateIfPresent("lockedUntil")
    }

    static let keyColumn = "id"

    var columnValues: [(column: String, value: (any DatabaseValueConvertible)?)] {
        [
            ("id", id),
            ("alias", alias),
            ("createDate", createDate.stored),
            ("fixtureName", fixtureName),
            ("rootEmail", rootEmail),
            ("rootPasswordHash", rootPasswordHash),
            ("rootPasswordLastUsed", rootPasswordLastUsed.stored),
            ("fixtureJSON", fixtureJSON),
            ("failedMFAAttempts", failedMFAAttempts),
            ("lockedUntil", lockedUntil.stored),
        ]
    }

    var accountID: AccountID { AccountID(known: id) }
}
