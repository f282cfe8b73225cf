import Foundation
import GRDB
import IAMSimDatabase
import IAMSimCore

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

/// A sign-in subject as stored: the principal, its password hash and MFA lockout counters.
struct SignInSubject {
    var principal: Principal
    var account: AccountRecord
    var user: UserRecord?
    var profile: LoginProfileRecord?

    var passwordHash: String { profile?.passwordHash ?? account.rootPasswordHash }
    var failedMFAAttempts: Int { user?.failedMFAAttempts ?? account.failedMFAAttempts }
    var lockedUntil: Date? { user?.lockedUntil ?? account.lockedUntil }
}

extension IAMStore {
    // MARK: - Console sign-in

    /// Signs the root user in with email, password and, when MFA is active, a code.
    public func signIn(email: String, password: String, mfaCode: String?) throws -> SignInOutcome {
        try signIn(.root(email: email), password: password, mfaCode: mfaCode, account: nil)
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
    /// - Throws: `IAMError.signInFailed` for a wrong identity or password alike; for a refused
    ///   code once the password was right, `RefusedCodeError` with the failure (or the lockout)
    ///   and why the code was refused.
    public func signIn(
        _ who: SignInIdentity, password: String, mfaCode: String?, newPassword: String? = nil, account: AccountID?
    ) throws -> SignInOutcome {
        // Verify the password (and hash a new one) outside any write transaction: the hash is
        // slow on purpose, and a class signing in at once must not queue behind it.
        let stored = try reading { db in try subject(who, in: account, db) }
        let passwordMatches = stored.map { hasher.verify(password, against: $0.passwordHash) } ?? false
        var newHash: String?
        var reused = false
        if passwordMatches, let newPassword {
            newHash = hasher.hash(newPassword, random: secrets.random)
            reused = try wasUsedBefore(newPassword, by: stored?.user)
        }
        do {
            return try database.write { db -> SignInStep in
                let current = try subject(who, in: account, db)
                let now = try clock.now(db, account: (current ?? stored)?.account.accountID)
                var mfaCode = mfaCode
                if let typed = mfaCode {
                    do throws(IAMError) {
                        mfaCode = try MFACodeRules.validatedSignInCode(typed)
                    } catch {
                        try logSignIn(db, now: now, subject: stored, account: account, who: who, mfaUsed: true, error: error)
                        return .failed(error)
                    }
                }
                guard passwordMatches, let subject = current, subject.passwordHash == stored?.passwordHash
                else {
                    try logSignIn(
                        db, now: now, subject: stored, account: account, who: who, mfaUsed: mfaCode != nil,
                        error: .signInFailed)
                    return .failed(.signInFailed)
                }
                let principal = subject.principal
                let devices = try MFADeviceRecord.assigned(to: OwnerKey(principal), db)
                if !devices.isEmpty, let until = subject.lockedUntil, until > now {
                    let error = IAMError.mfaLocked(until: until)
                    try logSignIn(db, now: now, subject: subject, who: who, mfaUsed: mfaCode != nil, error: error)
                    return .failed(error)
                }
                // A required new password is asked for before the MFA code, so that asking
                // does not spend the code.
                let change = try passwordChangeReason(subject, now: now, db)
                if let change {
                    if case .failed(let error) = change {
                        try logSignIn(db, now: now, subject: subject, who: who, mfaUsed: mfaCode != nil, error: error)
                        return .failed(error)
                    }
                    guard newPassword != nil else {
                        try EventLog.append(
                            db, name: .credentialChallenge, time: now, account: principal.accountID,
                            actor: principal.arn, resource: "new password requested")
                        return .needsNewPassword(change)
                    }
                }
                var mfaUsed = false
                if !devices.isEmpty {
                    guard let mfaCode else {
                        try EventLog.append(
                            db, name: .credentialChallenge, time: now, account: principal.accountID,
                            actor: principal.arn, resource: "MFA code requested")
                        return .needsCode
                    }
                    if let refusal = try acceptSignInCode(mfaCode, devices: devices, now: now, db) {
                        let error = try recordFailedCode(subject, now: now, db)
                        try logSignIn(db, now: now, subject: subject, who: who, mfaUsed: true, error: error)
                        return .failed(error, because: refusal)
                    }
                    mfaUsed = true
                }
                if change != nil, let newPassword, let newHash {
                    try changePassword(of: subject, to: newPassword, hash: newHash, reused: reused, now: now, db)
                }
                try recordSuccessfulSignIn(subject, now: now, db)
                let session = SessionRecord(
                    id: secrets.sessionToken(), accountId: subject.account.id, userId: subject.user?.id, mfaUsed: mfaUsed,
                    createDate: now, expireDate: now.addingTimeInterval(ConsoleSession.lifetime))
                try session.insert(db)
                try logSignIn(db, now: now, subject: subject, who: who, mfaUsed: mfaUsed, error: nil)
                return .opened(
                    ConsoleSession(
                        id: session.id, principal: principal, mfaUsed: mfaUsed, signInDate: now,
                        expireDate: session.expireDate))
            }.outcome()
        }
    }

    /// The stored subject `who` names, or nil when there is none (or it has no password, or
    /// it belongs to another account than `restriction`).
    func subject(_ who: SignInIdentity, in restriction: AccountID?, _ db: Database) throws -> SignInSubject? {
        guard let found = try subject(who, db) else { return nil }
        if let restriction, found.account.id != restriction.rawValue { return nil }
        return found
    }

    private func subject(_ who: SignInIdentity, _ db: Database) throws -> SignInSubject? {
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

    /// Ends every open console session of the caller's identity ("sign out everywhere").
    ///
    /// - Returns: the identity that was signed out, or nil when no session was open.
    ///
    /// - Parameter account: the account whose session ends; nil for the newest session of any
    ///   account (a database one person uses).
    @discardableResult
    public func signOut(account: AccountID?) throws -> Principal? {
        return try writing { db -> Principal? in
            guard let (session, now) = try openSession(db, account: account) else { return nil }
            let principal = try principal(of: session, db)
            // Every open session of the identity, as `openSession` tells them open.
            for var open in try SessionRecord.open(of: session.owner, at: now, db) {
                open.endDate = now
                try open.update(db)
            }
            try EventLog.append(
                db, name: .consoleSignOut, time: now, account: principal.accountID, actor: principal.arn,
                resource: nil)
            return principal
        }
    }

    /// Who is signed in to the console, if anyone: a read that logs nothing.
    public func signedInPrincipal(account: AccountID?) throws -> Principal? {
        try reading { db in
            guard let (session, _) = try openSession(db, account: account) else { return nil }
            return try principal(of: session, db)
        }
    }

    /// The open console session and who it belongs to (STS `GetCallerIdentity`).
    public func callerIdentity(account: AccountID?) throws -> CallerIdentity {
        try perform(.getCallerIdentity, caller: .console(account: account), resource: nil) { db, _, _ in
            guard let (record, _) = try openSession(db, account: account) else { throw IAMError.notSignedIn }
            let session = ConsoleSession(
                id: record.id, principal: try principal(of: record, db), mfaUsed: record.mfaUsed,
                signInDate: record.createDate, expireDate: record.expireDate)
            return CallerIdentity(session: session)
        }
    }

    // MARK: - Helpers

    /// Accepts `code` from any of `devices` and records the step it used, so it never works
    /// again; or says why no device accepts it.
    ///
    /// - Returns: nil when a device accepted the code, else the most telling refusal among
    ///   the devices (used, then too far from now, then wrong).
    private func acceptSignInCode(_ code: String, devices: [MFADeviceRecord], now: Date, _ db: Database) throws
        -> CodeRefusal?
    {
        let nowStep = TOTP.step(at: now)
        var refusals: [CodeRefusal] = []
        for var device in devices {
            guard let totp = device.totp else { continue }
            switch MFACodeRules.checkSignIn(
                code: code, totp: totp, nowStep: nowStep, drift: device.drift, lastAcceptedStep: device.lastAcceptedStep)
            {
            case .accepted(let step):
                device.lastAcceptedStep = step
                try device.update(db)
                return nil
            case .refused(let refusal):
                refusals.append(refusal)
            }
        }
        let onRealTime = try codesFollowRealTime(
            account: devices.first?.accountId ?? "",
            { wallStep in
                for device in devices {
                    guard let totp = device.totp else { continue }
                    let check = MFACodeRules.checkSignIn(
                        code: code, totp: totp, nowStep: wallStep, drift: device.drift,
                        lastAcceptedStep: device.lastAcceptedStep, explaining: false)
                    if case .accepted = check { return check }
                }
                return .refused(.wrong)
            }, db)
        if onRealTime { return .simulatedClockStopped }
        func rank(_ refusal: CodeRefusal) -> Int {
            switch refusal {
            case .alreadyUsed: 0
            case .tooFarFromNow: 1
            default: 2
            }
        }
        return refusals.min { rank($0) < rank($1) } ?? .wrong
    }

    /// Counts a wrong MFA code; the fifth in a row locks sign-in for 15 minutes.
    private func recordFailedCode(_ subject: SignInSubject, now: Date, _ db: Database) throws -> IAMError {
        let failures = subject.failedMFAAttempts + 1
        var lockedUntil: Date?
        if failures >= SignInRules.maxFailedMFAAttempts {
            lockedUntil = now.addingTimeInterval(SignInRules.lockoutDuration)
        }
        try saveLockout(subject, failures: lockedUntil == nil ? failures : 0, lockedUntil: lockedUntil, db)
        if let lockedUntil {
            try EventLog.append(
                db, name: .mfaLockout, time: now, account: subject.principal.accountID, actor: subject.principal.arn,
                resource: "locked until \(Timestamp.iso8601(lockedUntil))")
            return .mfaLocked(until: lockedUntil)
        }
        return failures >= SignInRules.resyncHintAfter ? .signInFailedSuggestingResync(failures) : .signInFailed
    }

    /// Clears the lockout counters and records the password's use.
    private func recordSuccessfulSignIn(_ subject: SignInSubject, now: Date, _ db: Database) throws {
        try saveLockout(subject, failures: 0, lockedUntil: nil, passwordUsed: now, db)
    }

    /// Stores the MFA failure count and lock of the subject, and when its password was last
    /// used, on its row: the user's, or for root the account's.
    ///
    /// The subject must have been read in the transaction that saves it: the whole row is
    /// written back.
    func saveLockout(
        _ subject: SignInSubject, failures: Int, lockedUntil: Date?, passwordUsed: Date? = nil, _ db: Database
    ) throws {
        if var user = subject.user {
            user.failedMFAAttempts = failures
            user.lockedUntil = lockedUntil
            user.passwordLastUsed = passwordUsed ?? user.passwordLastUsed
            try user.update(db)
        } else {
            var account = subject.account
            account.failedMFAAttempts = failures
            account.lockedUntil = lockedUntil
            account.rootPasswordLastUsed = passwordUsed ?? account.rootPasswordLastUsed
            try account.update(db)
        }
    }

    /// Logs a sign-in attempt under the subject's account, else the account the attempt was
    /// restricted to (a trainee's own timeline shows their failed attempts too).
    private func logSignIn(
        _ db: Database, now: Date, subject: SignInSubject?, account: AccountID? = nil, who: SignInIdentity, mfaUsed: Bool,
        error: IAMError?
    ) throws {
        try EventLog.append(
            db, name: .consoleLogin, time: now, account: subject?.account.accountID ?? account,
            actor: subject?.principal.arn,
            outcome: error == nil ? .success : .failure, error: error, mfaUsed: mfaUsed, resource: who.claimed)
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
