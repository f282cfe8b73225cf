import Foundation
import GRDB
import IAMSimCore
import IAMSimDatabase

/// A row of `passwordPolicy`: an account's password policy.
struct PasswordPolicyRecord: Hashable {
    var accountId: String
    var policy: PasswordPolicy
}

extension PasswordPolicyRecord: StoredRecord {
    enum Column: String, CaseIterable {
        case accountId, minimumPasswordLength, requireSymbols, requireNumbers, requireUppercaseCharacters
        case requireLowercaseCharacters, allowUsersToChangePassword, maxPasswordAge, passwordReusePrevention, hardExpiry
    }

    static let tableName = "passwordPolicy"

    init(_ row: ColumnReader<Column>) throws {
        accountId = try row.value(.accountId)
        policy = try PasswordPolicy(
            minimumPasswordLength: row.value(.minimumPasswordLength), requireSymbols: row.value(.requireSymbols),
            requireNumbers: row.value(.requireNumbers),
            requireUppercaseCharacters: row.value(.requireUppercaseCharacters),
            requireLowercaseCharacters: row.value(.requireLowercaseCharacters),
            allowUsersToChangePassword: row.value(.allowUsersToChangePassword),
            maxPasswordAge: row.value(.maxPasswordAge),
            passwordReusePrevention: row.value(.passwordReusePrevention), hardExpiry: row.value(.hardExpiry))
    }

    func value(of column: Column) -> (any DatabaseValueConvertible)? {
        switch column {
        case .accountId: accountId
        case .minimumPasswordLength: policy.minimumPasswordLength
        case .requireSymbols: policy.requireSymbols
        case .requireNumbers: policy.requireNumbers
        case .requireUppercaseCharacters: policy.requireUppercaseCharacters
        case .requireLowercaseCharacters: policy.requireLowercaseCharacters
        case .allowUsersToChangePassword: policy.allowUsersToChangePassword
        case .maxPasswordAge: policy.maxPasswordAge
        case .passwordReusePrevention: policy.passwordReusePrevention
        case .hardExpiry: policy.hardExpiry
        }
    }
}

// MARK: - Queries

extension PasswordPolicyRecord {
    /// The password policy of `account`, nil when it has none.
    static func policy(of account: AccountID, _ db: Database) throws -> PasswordPolicy? {
        try find(db, key: account.rawValue)?.policy
    }
}
