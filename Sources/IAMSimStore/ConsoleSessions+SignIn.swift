import Foundation
import GRDB
import IAMSimCore
import IAMSimDatabase

/// What a sign-in attempt led to.
public enum SignInOutcome: Equatable, Sendable {
    /// The session is open.
    case signedIn(ConsoleSession)
    /// The password was right and the identity has MFA: ask for a code and try again.
    case mfaRequired
    /// The password was right but must be changed first (reset required or expired): ask for
    /// a new one and try again with it.
    case passwordChangeRequired(reason: String)
}

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

extension ConsoleSessions {
    // MARK: - Signing in

    /// Signs the root user in with email, password and, when MFA is active, a code.
    ///
    /// - Throws: as `signIn(_:password:mfaCode:newPassword:account:)`.
    public func signIn(
        email: String, password: String, mfaCode: String?, origin: RequestOrigin = .commandLine
    ) throws -> SignInOutcome {
        try signIn(.root(email: email), password: password, mfaCode: mfaCode, account: nil, origin: origin)
    }

    /// Signs a root or IAM user in with a password and, when MFA is active, a code.
    ///
    /// Every attempt is logged: `ConsoleLogin` (success or failure, with MFAUsed) and, when a
    /// code or a new password is needed, `CredentialChallenge`, as AWS sign-in records them.
    ///
    /// The code may hold whitespace, as apps show it (`123 456`). One that is not six digits
    /// even then is a `ValidationError`, answered before the password is checked (so the
    /// answer reveals nothing) and not counted toward the MFA lockout.
    /// - Parameters:
    ///   - newPassword: the new password, when the user must change it at sign-in.
    ///   - account: when given, only an identity of this account can sign in (a trainee's
    ///     shell in a classroom); another account's email fails like a wrong one.
    ///   - origin: where the attempt came from, for its events (`sourceIPAddress`, `userAgent`).
    /// - Throws: `IAMError.signInFailed` for a wrong identity or password alike; for a refused
    ///   code once the password was right, `RefusedCodeError` with the failure (or the lockout)
    ///   and why the code was refused.
    public func signIn(
        _ who: SignInIdentity, password: String, mfaCode: String?, newPassword: String? = nil, account: AccountID?,
        origin: RequestOrigin = .commandLine
    ) throws -> SignInOutcome {
        let request = EventLog.Request(origin: origin)
        // Verify the password (and hash a new one) outside any write transaction: the hash is
        // slow on purpose, and a class signing in at once must not queue behind it.
        let stored = try environment.reading { db in try SignInSubject.find(who, in: account, db) }
        let passwordMatches = stored.map { environment.hasher.verify(password, against: $0.passwordHash) } ?? false
        var newHash: String?
        var reused = false
        if passwordMatches, let newPassword {
            newHash = environment.hasher.hash(newPassword, random: environment.secrets.random)
            reused = try environment.wasUsedBefore(newPassword, by: stored?.user)
        }
        do {
            return try environment.writing { db -> SignInStep in
                let current = try SignInSubject.find(who, in: account, db)
                let now = try environment.clock.now(db, account: (current ?? stored)?.account.accountID)
                var mfaCode = mfaCode
                if let typed = mfaCode {
                    do throws(IAMError) {
                        mfaCode = try MFACodeRules.validatedSignInCode(typed)
                    } catch {
                        try logSignIn(
                            request,
                            db, now: now, subject: stored, account: account, who: who, mfaUsed: true, error: error)
                        return .failed(error)
                    }
                }
                guard passwordMatches, let subject = current, subject.passwordHash == stored?.passwordHash
                else {
                    try logSignIn(
                        request,
                        db, now: now, subject: stored, account: account, who: who, mfaUsed: mfaCode != nil,
                        error: .signInFailed)
                    return .failed(.signInFailed)
                }
                let principal = subject.principal
                let devices = try MFADeviceRecord.assigned(to: OwnerKey(principal), db)
                if !devices.isEmpty, let until = subject.lockedUntil, until > now {
                    let error = IAMError.mfaLocked(until: until)
                    try logSignIn(
                        request, db, now: now, subject: subject, who: who, mfaUsed: mfaCode != nil, error: error)
                    return .failed(error)
                }
                // A required new password is asked for before the MFA code, so that asking
                // does not spend the code.
                let change = try passwordChangeReason(subject, now: now, db)
                if let change {
                    if case .failed(let error) = change {
                        try logSignIn(
                            request, db, now: now, subject: subject, who: who, mfaUsed: mfaCode != nil, error: error)
                        return .failed(error)
                    }
                    guard newPassword != nil else {
                        try EventLog.append(
                            db, name: .credentialChallenge, time: now, account: principal.accountID,
                            actor: principal.arn, resource: "new password requested", request: request)
                        return .needsNewPassword(change)
                    }
                }
                var mfaUsed = false
                if !devices.isEmpty {
                    guard let mfaCode else {
                        try EventLog.append(
                            db, name: .credentialChallenge, time: now, account: principal.accountID,
                            actor: principal.arn, resource: "MFA code requested", request: request)
                        return .needsCode
                    }
                    if let refusal = try environment.acceptCode(mfaCode, devices: devices, now: now, db) {
                        let error = try environment.recordFailedCode(subject, now: now, request: request, db)
                        try logSignIn(request, db, now: now, subject: subject, who: who, mfaUsed: true, error: error)
                        return .failed(error, because: refusal)
                    }
                    mfaUsed = true
                }
                if change != nil, let newPassword, let newHash {
                    try environment.changePassword(
                        of: subject, to: newPassword, hash: newHash, reused: reused, now: now, db)
                }
                try environment.recordSuccessfulSignIn(subject, now: now, db)
                let session = SessionRecord(
                    id: environment.secrets.sessionToken(), accountId: subject.account.id, userId: subject.user?.id,
                    mfaUsed: mfaUsed,
                    createDate: now, expireDate: now.addingTimeInterval(ConsoleSession.lifetime))
                try session.insert(db)
                try logSignIn(request, db, now: now, subject: subject, who: who, mfaUsed: mfaUsed, error: nil)
                return .opened(
                    ConsoleSession(
                        id: session.id, principal: principal, mfaUsed: mfaUsed, signInDate: now,
                        expireDate: session.expireDate))
            }.outcome()
        }
    }

    // MARK: - Helpers

    /// Whether `subject` must set a new password before the console opens.
    func passwordChangeReason(_ subject: SignInSubject, now: Date, _ db: Database) throws -> PasswordChange? {
        guard let profile = subject.profile else { return nil }
        if let policy = try PasswordPolicyRecord.policy(of: subject.account.accountID, db),
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

    /// Logs a sign-in attempt under the subject's account, else the account the attempt was
    /// restricted to (a trainee's own timeline shows their failed attempts too).
    private func logSignIn(
        _ request: EventLog.Request, _ db: Database, now: Date, subject: SignInSubject?, account: AccountID? = nil,
        who: SignInIdentity,
        mfaUsed: Bool,
        error: IAMError?
    ) throws {
        try EventLog.append(
            db, name: .consoleLogin, time: now, account: subject?.account.accountID ?? account,
            actor: subject?.principal.arn,
            outcome: error == nil ? .success : .failure, error: error, mfaUsed: mfaUsed, resource: who.claimed,
            request: request)
    }
}

/// The transaction's result. A failed sign-in commits (its event and failure count must
/// persist), then throws.
private enum SignInStep {
    case opened(ConsoleSession)
    case needsCode
    case needsNewPassword(PasswordChange)
    /// Refused; with a reason only when the password was right and the code was not.
    case failed(IAMError, because: CodeRefusal? = nil)

    func outcome() throws -> SignInOutcome {
        switch self {
        case .opened(let session): .signedIn(session)
        case .needsCode: .mfaRequired
        case .needsNewPassword(let change): .passwordChangeRequired(reason: change.reason)
        case .failed(let error, nil): throw error
        case .failed(let error, let refusal?): throw RefusedCodeError(error, refusal)
        }
    }
}
