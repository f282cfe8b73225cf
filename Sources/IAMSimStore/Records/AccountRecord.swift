import Foundation
import GRDB
import IAMSimCore

/// A row of `account`: the account and its root user's sign-in credentials.
struct AccountRecord: Codable, Hashable {
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
        static let id = Column(CodingKeys.id)
        static let rootEmail = Column(CodingKeys.rootEmail)
        static let alias = Column(CodingKeys.alias)
    }

    var accountID: AccountID { AccountID(known: id) }
}
