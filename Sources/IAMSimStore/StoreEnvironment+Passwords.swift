import Foundation
import GRDB
import IAMSimCore
import IAMSimDatabase

// Password rules shared by the IAM actions that set a user's password (`CreateLoginProfile`,
// `UpdateLoginProfile`, `ChangePassword`) and by console sign-in, which asks for a new password
// when the old one must change: one check, one history, whichever sets it.
extension StoreEnvironment {
    /// Checks `password` against AWS's limits and the account's policy (AWS's default policy
    /// when the account has none).
    ///
    /// - Throws: `ValidationError` for characters or lengths AWS never accepts;
    ///   `PasswordPolicyViolation` with AWS's sentence followed by every reason.
    func checkPassword(_ password: String, for user: UserRecord, reused: Bool, _ db: Database) throws {
        try PasswordPolicy.validateFormat(password)
        let account = try AccountRecord.existing(AccountID(known: user.accountId), db)
        var reasons: [String]
        if let policy = try PasswordPolicyRecord.policy(of: account.accountID, db) {
            reasons = policy.violations(of: password)
            if reused, let reason = policy.reusedPasswordReason { reasons.append(reason) }
        } else {
            reasons = PasswordPolicy.defaultViolations(
                of: password, accountName: account.alias ?? account.id, email: account.rootEmail)
        }
        guard reasons.isEmpty else {
            throw IAMError.passwordPolicyViolation(
                "\(PasswordPolicy.violationMessage) (\(reasons.joined(separator: "; ")).)")
        }
    }

    /// Whether `password` is one of the user's last N passwords, N being the policy's
    /// `PasswordReusePrevention`. Runs outside transactions: each comparison is a slow hash.
    func wasUsedBefore(_ password: String, by user: UserRecord?) throws -> Bool {
        guard let user else { return false }
        let hashes = try reading { db -> [String] in
            guard
                let keep = try PasswordPolicyRecord.policy(of: AccountID(known: user.accountId), db)?
                    .passwordReusePrevention
            else { return [] }
            return try PasswordHistoryRecord.recentHashes(ofUser: user.id, count: keep, db)
        }
        return hashes.contains { hasher.verify(password, against: $0) }
    }

    /// Sets a user's new password after the policy's checks, clearing a reset requirement.
    func changePassword(
        of subject: SignInSubject, to password: String, hash: String, reused: Bool, now: Date, _ db: Database
    )
        throws
    {
        guard let user = subject.user, var profile = subject.profile else { return }
        try checkPassword(password, for: user, reused: reused, db)
        profile.passwordHash = hash
        profile.passwordLastChanged = now
        profile.passwordResetRequired = false
        try profile.update(db)
        try Self.remember(hash, for: user.id, now: now, db)
    }

    /// Keeps `hash` in the user's history, for the policy's reuse prevention.
    static func remember(_ hash: String, for userID: String, now: Date, _ db: Database) throws {
        try PasswordHistoryRecord(userId: userID, passwordHash: hash, changedDate: now).insert(db)
    }
}
