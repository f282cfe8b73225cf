import Foundation
import GRDB
import IAMSimCore
import IAMSimDatabase

extension IAMStore {
    // MARK: - Login profiles (console passwords)

    /// `CreateLoginProfile`: gives a user a console password, checked against the password policy.
    ///
    /// - Throws: `EntityAlreadyExists` when the user has a password already; `PasswordPolicyViolation`
    ///   or `ValidationError` for a password the policy refuses; `NoSuchEntity` for an unknown
    ///   user; `AccessDenied` for an IAM user, or a console caller not signed in.
    @discardableResult
    public func createLoginProfile(
        caller: Caller, userName: String, password: String, passwordResetRequired: Bool = false
    )
        throws -> LoginProfile
    {
        let hash = environment.hasher.hash(password, random: secrets.random)
        return try environment.perform(.createLoginProfile, caller: caller, resource: userName) { db, principal, now in
            try Permissions.authorizeAdministration(
                principal, .createLoginProfile, resource: userARN(principal, userName))
            let user = try user(named: userName, in: principal.accountID, db)
            guard try LoginProfileRecord.find(db, key: user.id) == nil else {
                throw IAMError.entityAlreadyExists("Login Profile for user \(user.userName) already exists.")
            }
            try environment.checkPassword(password, for: user, reused: false, db)
            let profile = LoginProfileRecord(
                userId: user.id, passwordHash: hash, createDate: now, passwordLastChanged: now,
                passwordResetRequired: passwordResetRequired)
            try profile.insert(db)
            try StoreEnvironment.remember(hash, for: user.id, now: now, db)
            return LoginProfile(userName: user.userName, createDate: now, passwordResetRequired: passwordResetRequired)
        }
    }

    /// `GetLoginProfile`.
    ///
    /// - Throws: `NoSuchEntity` for an unknown user or one without a password; `AccessDenied` for
    ///   another user's, or a console caller not signed in.
    public func getLoginProfile(caller: Caller, userName: String) throws -> LoginProfile {
        try environment.perform(.getLoginProfile, caller: caller, resource: userName) { db, principal, _ in
            let user = try user(named: userName, in: principal.accountID, db)
            try Permissions.authorize(principal, .getLoginProfile, credentialsOf: .user(user.user))
            guard let profile = try LoginProfileRecord.find(db, key: user.id) else {
                throw IAMError.noSuchEntity("Login Profile for User \(user.userName) cannot be found.")
            }
            return LoginProfile(
                userName: user.userName, createDate: profile.createDate,
                passwordResetRequired: profile.passwordResetRequired)
        }
    }

    /// `UpdateLoginProfile`: a new password (checked against the policy) and/or the reset flag.
    ///
    /// - Throws: `NoSuchEntity` for an unknown user or one without a password;
    ///   `PasswordPolicyViolation` or `ValidationError` for a password the policy refuses;
    ///   `AccessDenied` for an IAM user, or a console caller not signed in.
    @discardableResult
    public func updateLoginProfile(caller: Caller, userName: String, password: String?, passwordResetRequired: Bool?)
        throws -> LoginProfile
    {
        let hash = password.map { environment.hasher.hash($0, random: secrets.random) }
        return try environment.perform(.updateLoginProfile, caller: caller, resource: userName) { db, principal, now in
            try Permissions.authorizeAdministration(
                principal, .updateLoginProfile, resource: userARN(principal, userName))
            let user = try user(named: userName, in: principal.accountID, db)
            guard var profile = try LoginProfileRecord.find(db, key: user.id) else {
                throw IAMError.noSuchEntity("Login Profile for User \(user.userName) cannot be found.")
            }
            if let password, let hash {
                try environment.checkPassword(password, for: user, reused: false, db)
                profile.passwordHash = hash
                profile.passwordLastChanged = now
                try StoreEnvironment.remember(hash, for: user.id, now: now, db)
            }
            if let passwordResetRequired { profile.passwordResetRequired = passwordResetRequired }
            try profile.update(db)
            return LoginProfile(
                userName: user.userName, createDate: profile.createDate,
                passwordResetRequired: profile.passwordResetRequired)
        }
    }

    /// `DeleteLoginProfile`: the user can no longer sign in to the console.
    ///
    /// - Throws: `NoSuchEntity` for an unknown user or one without a password; `AccessDenied` for an
    ///   IAM user, or a console caller not signed in.
    public func deleteLoginProfile(caller: Caller, userName: String) throws {
        try environment.perform(.deleteLoginProfile, caller: caller, resource: userName) { db, principal, _ in
            try Permissions.authorizeAdministration(
                principal, .deleteLoginProfile, resource: userARN(principal, userName))
            let user = try user(named: userName, in: principal.accountID, db)
            guard let profile = try LoginProfileRecord.find(db, key: user.id) else {
                throw IAMError.noSuchEntity("Login Profile for User \(user.userName) cannot be found.")
            }
            try profile.delete(db)
            try SessionRecord.deleteAll(ofUser: user.id, onlyOpen: true, db)
        }
    }

    // MARK: - Changing passwords

    /// `ChangePassword`: the signed-in IAM user changes its own password.
    ///
    /// - Throws: `InvalidUserType` for root, `AccessDenied` when the policy does not allow users
    ///   to change passwords, `PasswordPolicyViolation`, `AccessDenied` for a wrong old password.
    public func changePassword(caller: Caller, oldPassword: String, newPassword: String) throws {
        let stored = try environment.reading { db -> SignInSubject? in
            let (principal, _) = try environment.resolve(caller, db)
            guard case .user(let user) = principal else { return nil }
            return try SignInSubject.find(.user(account: user.accountID.rawValue, userName: user.userName), in: nil, db)
        }
        let oldMatches = stored.map { environment.hasher.verify(oldPassword, against: $0.passwordHash) } ?? false
        let reused = try environment.wasUsedBefore(newPassword, by: stored?.user)
        let hash = environment.hasher.hash(newPassword, random: secrets.random)
        try environment.perform(.changePassword, caller: caller, resource: nil) { db, principal, now in
            guard case .user(let user) = principal else {
                throw IAMError.invalidUserType(
                    "The root user's password is changed from the account settings, not with ChangePassword.")
            }
            let identity = SignInIdentity.user(account: user.accountID.rawValue, userName: user.userName)
            guard let subject = try SignInSubject.find(identity, in: nil, db),
                subject.passwordHash == stored?.passwordHash
            else {
                throw IAMError.noSuchEntity("Login Profile for User \(user.userName) cannot be found.")
            }
            if let policy = try PasswordPolicyRecord.policy(of: principal.accountID, db),
                !policy.allowUsersToChangePassword
            {
                throw Permissions.denied(principal, .changePassword, resource: principal.arn)
            }
            guard oldMatches else {
                throw IAMError.accessDenied("The old password is incorrect.")
            }
            try environment.changePassword(of: subject, to: newPassword, hash: hash, reused: reused, now: now, db)
        }
    }

}
