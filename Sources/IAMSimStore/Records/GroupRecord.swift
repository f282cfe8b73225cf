import Foundation
import GRDB
import IAMSimDatabase
import IAMSimCore

/// A row of `iamGroup`.
struct GroupRecord: Codable, Hashable {
    var id: String
    var accountId: String
    var groupName: String
    var path: String
    var createDate: Date
}

extension GroupRecord: FetchableRecord, PersistableRecord {
    static let databaseTableName = "iamGroup"

    enum Columns {
        static let accountId = Column(CodingKeys.accountId)
        static let groupName = Column(CodingKeys.groupName)
    }

    var group: Group {
        Group(accountID: AccountID(known: accountId), groupName: groupName, groupID: id, path: path, createDate: createDate)
    }
}

/// A row of `loginProfile`: a user's console password.
struct LoginProfileRecord: Codable, Hashable {
    var userId: String
    var passwordHash: String
    var createDate: Date
    var passwordLastChanged: Date
    var passwordResetRequired: Bool
}

extension LoginProfileRecord: FetchableRecord, PersistableRecord {
    static let databaseTableName = "loginProfile"
}
