import Foundation
import GRDB
import IAMSimCore

/// A row of `iamUser`.
struct UserRecord: Codable, Hashable {
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
        static let id = Column(CodingKeys.id)
        static let accountId = Column(CodingKeys.accountId)
        static let userName = Column(CodingKeys.userName)
    }

    var user: User {
        User(
            accountID: AccountID(known: accountId), userName: userName, userID: id, path: path,
            createDate: createDate, passwordLastUsed: passwordLastUsed)
    }
}
