import Foundation
import GRDB
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

extension UserRecord: FetchableRecord, PersistableRecord {
    static let databaseTableName = "iamUser"

    enum Columns {
        static let id = Column("id")
        static let accountId = Column("accountId")
        static let userName = Column("userName")
    }

    // Mapped by hand, not through Codable (see Row+Columns.swift).
    init(row: Row) throws {
        id = row["id"]
        accountId = row["accountId"]
        userName = row["userName"]
        path = row["path"]
        createDate = try row.storedDate("createDate")
        passwordLastUsed = try row.storedDateIfPresent("passwordLastUsed")
        failedMFAAttempts = row["failedMFAAttempts"]
        lockedUntil = try row.storedDateIfPresent("lockedUntil")
    }

    func encode(to container: inout PersistenceContainer) {
        container["id"] = id
        container["accountId"] = accountId
        container["userName"] = userName
        container["path"] = path
        container["createDate"] = createDate.stored
        container["passwordLastUsed"] = passwordLastUsed.stored
        container["failedMFAAttempts"] = failedMFAAttempts
        container["lockedUntil"] = lockedUntil.stored
    }

    var user: User {
        User(
            accountID: AccountID(known: accountId), userName: userName, userID: id, path: path,
            createDate: createDate, passwordLastUsed: passwordLastUsed)
    }
}
