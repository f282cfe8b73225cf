import Foundation
import GRDB
import IAMSimCore
import IAMSimDatabase

extension IAMStore {
    // MARK: - Account password policy

    /// `GetAccountPasswordPolicy`.
    ///
    /// - Throws: `NoSuchEntity` when the account has none; `AccessDenied` when a console caller
    ///   is not signed in.
    public func getPasswordPolicy(caller: Caller) throws -> PasswordPolicy {
        try environment.perform(.getAccountPasswordPolicy, caller: caller, resource: nil) { db, principal, _ in
            guard let policy = try PasswordPolicyRecord.policy(of: principal.accountID, db) else {
                throw IAMError.noPasswordPolicy(principal.accountID)
            }
            return policy
        }
    }

    /// `UpdateAccountPasswordPolicy`. Not a partial update, as in AWS: what `policy` leaves at
    /// its defaults is reset to them.
    ///
    /// - Throws: `ValidationError` for a setting outside AWS's limits; `AccessDenied` for an IAM user,
    ///   or a console caller not signed in.
    public func updatePasswordPolicy(caller: Caller, policy: PasswordPolicy) throws {
        try environment.perform(.updateAccountPasswordPolicy, caller: caller, resource: nil) { db, principal, _ in
            try Permissions.authorizeAdministration(
                principal, .updateAccountPasswordPolicy, resource: principal.accountID.rootARN)
            try policy.validate()
            try PasswordPolicyRecord(accountId: principal.accountID.rawValue, policy: policy).insert(
                db, onConflict: .replace)
        }
    }

    /// `DeleteAccountPasswordPolicy`.
    ///
    /// - Throws: `NoSuchEntity` when the account has none; `AccessDenied` for an IAM user, or a
    ///   console caller not signed in.
    public func deletePasswordPolicy(caller: Caller) throws {
        try environment.perform(.deleteAccountPasswordPolicy, caller: caller, resource: nil) { db, principal, _ in
            try Permissions.authorizeAdministration(
                principal, .deleteAccountPasswordPolicy, resource: principal.accountID.rootARN)
            guard let record = try PasswordPolicyRecord.find(db, key: principal.accountID.rawValue),
                try record.delete(db)
            else {
                throw IAMError.noPasswordPolicy(principal.accountID)
            }
        }
    }
}

extension IAMError {
    /// AWS's answer when the account has no password policy.
    public static func noPasswordPolicy(_ account: AccountID) -> IAMError {
        .noSuchEntity("The Password Policy with domain name \(account.rawValue) cannot be found.")
    }
}
