import Foundation
import GRDB
import IAMSimCore
import IAMSimDatabase

/// A row of `loginProfile`: a user's console password.
struct LoginProfileRecord: Hashable {
    var userId: String
    var passwordHash: String
    var createDate: Date
    var passwordLastChanged: Date
    var passwordResetRequired: Bool
}

extension LoginProfileRecord: StoredRecord {
    enum Column: String, CaseIterable {
        case userId, passwordHash, createDate, passwordLastChanged, passwordResetRequired
    }

    static let tableName = "loginProfile"

    init(_ row: ColumnReader<Column>) throws {
        try self.init(
            userId: row.value(.userId), passwordHash: row.value(.passwordHash), createDate: row.date(.createDate),
            passwordLastChanged: row.date(.passwordLastChanged),
            passwordResetRequired: row.value(.passwordResetRequired))
    }

    func value(of column: Column) -> (any DatabaseValueConvertible)? {
        switch column {
        case .userId: userId
        case .passwordHash: passwordHash
        case .createDate: createDate.stored
        case .passwordLastChanged: passwordLastChanged.stored
        case .passwordResetRequired: passwordResetRequired
        }
    }

    /// AWS's `LoginProfile` of the user `userName`.
    func loginProfile(userName: String) -> LoginProfile {
        LoginProfile(userName: userName, createDate: createDate, passwordResetRequired: passwordResetRequired)
    }
}
