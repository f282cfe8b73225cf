import Foundation
import GRDB
import IAMSimDatabase
import IAMSimCore

/// Why a user must set a new password before the console opens.
enum PasswordChange {
    /// An administrator set `PasswordResetRequired`.
    case resetRequired
    /// The password is older than the policy's `MaxPasswordAge`.
    case expired
    /// Expired under `HardExpiry`: only an administrator can set a new one.
    case failed(IAMError)

    var reason: String {
        switch self {
        case .resetRequired: "An administrator requires a new password before you sign in."
        case .expired: "Your password has expired: choose a new one."
        case .failed(let error): error.message
        }
    }
}

extension IAMStore {
    // MARK: - Account password policy

    /// `GetAccountPasswordPolicy`. - Throws: `NoSuchEntity` when the account has none.
    public func getPasswordPolicy(caller: Caller) throws -> PasswordPolicy {
        try perform(.getAccountPasswordPolicy, caller: caller, resource: nil) { db, principal, _ in
            guard let policy = try passwordPolicy(principal.accountID, db) else {
                throw IAMError.noPasswordPolicy(principal.accountID)
            }
            return policy
        }
    }

    /// `UpdateAccountPasswordPolicy`. Not a partial update, as in AWS: what `policy` leaves at
    /// its defaults is reset to them.
    public func updatePasswordPolicy(caller: Caller, policy: PasswordPolicy) throws {
        try perform(.updateAccountPasswordPolicy, caller: caller, resource: nil) { db, principal, _ in
            try Permissions.authorizeAdministration(
                principal, .updateAccountPasswordPolicy, resource: principal.accountID.rootARN)
            try policy.validate()
            try writePasswordPolicy(policy, for: principal.accountID, db)
        }
    }

    func writePasswordPolicy(_ policy: PasswordPolicy, for account: AccountID, _ db: Database) throws {
        try PasswordPolicyRecord(accountId: account.rawValue, policy: policy).insert(db, onConflict: .replace)
    }

    /// `DeleteAccountPasswordPolicy`. - Throws: `NoSuchEntity` when the account has none.
    public func deletePasswordPolicy(caller: Caller) throws {
        try perform(.deleteAccountPasswordPolicy, caller: caller, resource: nil) { db, principal, _ in
            try Permissions.authorizeAdministration(
                principal, .deleteAccountPasswordPolicy, resource: principal.accountID.rootARN)
            guard let record = try PasswordPolicyRecord.find(db, key: principal.accountID.rawValue), try record.delete(db) else {
                throw IAMError.noPasswordPolicy(principal.accountID)
            }
        }
    }

    func passwordPolicy(_ account: AccountID, _ db: Database) throws -> PasswordPolicy? {
        try PasswordPolicyRecord.policy(of: account, db)
    }

    // MARK: - Changing passwords

    /// `ChangePassword`: the signed-in IAM user changes its own password.
    ///
    /// - Throws: `InvalidUserType` for root, `AccessDenied` when the policy does not allow users
    ///   to change passwords, `PasswordPolicyViolation`, `AccessDenied` for a wrong old password.
    public func changePassword(caller: Caller, oldPassword: String, newPassword: String) throws {
        let stored = try reading { db -> SignInSubject? in
            let (principal, _) = try resolve(caller, db)
            guard case .user(let user) = principal else { return nil }
            return try subject(.user(account: user.accountID.rawValue, userName: user.userName), in: nil, db)
        }
        let oldMatches = stored.map { hasher.verify(oldPassword, against: $0.passwordHash) } ?? false
        let reused = try wasUsedBefore(newPassword, by: stored?.user)
        let hash = hasher.hash(newPassword, random: secrets.random)
        try perform(.changePassword, caller: caller, resource: nil) { db, principal, now in
            guard case .user(let user) = principal else {
                throw IAMError.invalidUserType("The root user's password is changed from the account settings, not with ChangePassword.")
            }
            let identity = SignInIdentity.user(account: user.accountID.rawValue, userName: user.userName)
            guard let subject = try subject(identity, in: nil, db), subject.passwordHash == stored?.passwordHash else {
                throw IAMError.noSuchEntity("Login Profile for User \(user.userName) cannot be found.")
            }
            if let policy = try passwordPolicy(principal.accountID, db), !policy.allowUsersToChangePassword {
                throw Permissions.denied(principal, .changePassword, resource: principal.arn)
            }
            guard oldMatches else {
                throw IAMError.accessDenied("The old password is incorrect.")
            }
            try changePassword(of: subject, to: newPassword, hash: hash, reused: reused, now: now, db)
        }
    }

    /// Sets a user's new password after the policy's checks, clearing a reset requirement.
    func changePassword(of subject: SignInSubject, to password: String, hash: String, reused: Bool, now: Date, _ db: Database)
        throws
    {
        guard let user = subject.user, var profile = subject.profile else { return }
        try checkPassword(password, for: user, reused: reused, db)
        profile.passwordHash = hash
        profile.passwordLastChanged = now
        profile.passwordResetRequired = false
        try profile.update(db)
        try remember(hash, for: user, now: now, db)
    }

    /// Whether `subject` must set a new password before the console opens.
    func passwordChangeReason(_ subject: SignInSubject, now: Date, _ db: Database) throws -> PasswordChange? {
        guard let profile = subject.profile else { return nil }
        if let policy = try passwordPolicy(subject.account.accountID, db),
            let rotation = policy.nextRotation(afterChange: profile.passwordLastChanged), rotation <= now
        {
            return policy.hardExpiry
                ? .failed(
                    .accessDenied(
                        "Your password has expired, and the account's password policy (HardExpiry) requires an administrator to set a new one."
                    ))
                : .expired
        }
        return profile.passwordResetRequired ? .resetRequired : nil
    }

    /// Checks `password` against AWS's limits and the account's policy (AWS's default policy
    /// when the account has none).
    ///
    /// - Throws: `ValidationError` for characters or lengths AWS never accepts;
    ///   `PasswordPolicyViolation` with AWS's sentence followed by every reason.
    func checkPassword(_ password: String, for user: UserRecord, reused: Bool, _ db: Database) throws {
        try PasswordPolicy.validateFormat(password)
        let account = try self.account(AccountID(known: user.accountId), db)
        var reasons: [String]
        if let policy = try passwordPolicy(account.accountID, db) {
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
            guard let keep = try passwordPolicy(AccountID(known: user.accountId), db)?.passwordReusePrevention else { return [] }
            return try PasswordHistoryRecord.recentHashes(ofUser: user.id, count: keep, db)
        }
        return hashes.contains { hasher.verify(password, against: $0) }
    }
}

extension IAMError {
    /// AWS's answer when the account has no password policy.
    public static func noPasswordPolicy(_ account: AccountID) -> IAMError {
        .noSuchEntity("The Password Policy with domain name \(account.rawValue) cannot be found.")
    }
}
