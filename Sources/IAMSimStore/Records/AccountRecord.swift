import Foundation
import GRDB
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

extension AccountRecord: FetchableRecord, PersistableRecord {
    static let databaseTableName = "account"

    enum Columns {
        static let id = Column("id")
        static let rootEmail = Column("rootEmail")
        static let alias = Column("alias")
    }

    // Mapped by hand, not through Codable (see Row+Columns.swift).
    init(row: Row) throws {
        id = row["id"]
        alias = row["alias"]
        createDate = try row.storedDate("createDate")
        fixtureName = row["fixtureName"]
        rootEmail = row["rootEmail"]
        rootPasswordHash = row["rootPasswordHash"]
        rootPasswordLastUsed = try row.storedDateIfPresent("rootPasswordLastUsed")
        fixtureJSON = row["fixtureJSON"]
        failedMFAAttempts = row["failedMFAAttempts"]
        lockedUntil = try row.storedDateIfPresent("lockedUntil")
    }

    func encode(to container: inout PersistenceContainer) {
        container["id"] = id
        container["alias"] = alias
        container["createDate"] = createDate.stored
        container["fixtureName"] = fixtureName
        container["rootEmail"] = rootEmail
        container["rootPasswordHash"] = rootPasswordHash
        container["rootPasswordLastUsed"] = rootPasswordLastUsed.stored
        container["fixtureJSON"] = fixtureJSON
        container["failedMFAAttempts"] = failedMFAAttempts
        container["lockedUntil"] = lockedUntil.stored
    }

    var accountID: AccountID { AccountID(known: id) }
}
