import Foundation
import GRDB
import IAMSimCore
import IAMSimDatabase

/// Who is signing in: the root user by email, or an IAM user by account and name.
public enum SignInIdentity: Hashable, Sendable {
    case root(email: String)
    /// `account` is the 12-digit id or the alias, as on the console's IAM-user sign-in page.
    case user(account: String, userName: String)

    /// What the event log records as the claimed identity.
    var claimed: String {
        switch self {
        case .root(let email): email
        case .user(let account, let userName): "\(account)/\(userName)"
        }
    }
}

/// An identity with a password, as stored: the principal, its records, its password hash and
/// MFA lockout counters. Signing in reads it; so do `ChangePassword` and resync by password.
struct SignInSubject {
    var principal: Principal
    var account: AccountRecord
    var user: UserRecord?
    var profile: LoginProfileRecord?

    var passwordHash: String { profile?.passwordHash ?? account.rootPasswordHash }
    var failedMFAAttempts: Int { user?.failedMFAAttempts ?? account.failedMFAAttempts }
    var lockedUntil: Date? { user?.lockedUntil ?? account.lockedUntil }

    /// The stored subject `who` names, or nil when there is none (or it has no password, or
    /// it belongs to another account than `restriction`).
    static func find(_ who: SignInIdentity, in restriction: AccountID?, _ db: Database) throws -> SignInSubject? {
        guard let found = try find(who, db) else { return nil }
        if let restriction, found.account.id != restriction.rawValue { return nil }
        return found
    }

    private static func find(_ who: SignInIdentity, _ db: Database) throws -> SignInSubject? {
        switch who {
        case .root(let email):
            guard let account = try AccountRecord.withRootEmail(email, db) else { return nil }
            return SignInSubject(principal: .root(account.accountID), account: account)
        case .user(let accountName, let userName):
            guard
                let account = try AccountRecord.named(accountName, db),
                IAMName.hasValidCharacters(userName),
                let user = try UserRecord.named(userName, in: account.id, db),
                let profile = try LoginProfileRecord.find(db, key: user.id)
            else { return nil }
            return SignInSubject(principal: .user(user.user), account: account, user: user, profile: profile)
        }
    }

    /// The rows of `principal` that hold its MFA lockout counters, whether or not it has a
    /// password: STS `GetSessionToken` counts wrong codes toward the same lockout as sign-in.
    ///
    /// - Throws: `NoSuchEntity` when the user no longer exists.
    static func holder(of principal: Principal, _ db: Database) throws -> SignInSubject {
        let account = try AccountRecord.existing(principal.accountID, db)
        switch principal {
        case .root:
            return SignInSubject(principal: principal, account: account)
        case .user(let user):
            guard let record = try UserRecord.find(db, key: user.userID) else {
                throw IAMError.noSuchUser(user.userName)
            }
            return SignInSubject(
                principal: principal, account: account, user: record,
                profile: try LoginProfileRecord.find(db, key: record.id))
        }
    }
}
