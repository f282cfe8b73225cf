import Foundation
import GRDB
import IAMSimCore
import IAMSimDatabase
import IAMSimMacros

/// A row of `loginProfile`: a user's console password.
@StoredColumns
struct LoginProfileRecord: Hashable {
    var userId: String
    var passwordHash: String
    var createDate: Date
    var passwordLastChanged: Date
    var passwordResetRequired: Bool
}

extension LoginProfileRecord: StoredRecord {
    static let tableName = "loginProfile"

    /// AWS's `LoginProfile` of the user `userName`.
    func loginProfile(userName: String) -> LoginProfile {
        LoginProfile(userName: userName, createDate: createDate, passwordResetRequired: passwordResetRequired)
    }
}
