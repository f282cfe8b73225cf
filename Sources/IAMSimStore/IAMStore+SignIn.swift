import Foundation
import GRDB
import IAMSimCore

/// What a sign-in attempt led to.
public enum SignInOutcome: Equatable, Sendable {
    /// The session is open.
    case signedIn(ConsoleSession)
    /// The password was right and the identity has MFA: ask for a code and try again.
    case mfaRequired
}

extension IAMStore {
    // MARK: - Console sign-in

    /// Signs the root user in with email, password and, when MFA is active, a code.
    ///
    /// Every attempt is logged: `ConsoleLogin` (success or failure, with MFAUsed) and, when a
    /// code is needed but missing, `CredentialChallenge`, as AWS sign-in records them.
    /// - Throws: `IAMError.signInFailed` for a wrong email, password or code alike.
    public func signIn(email: String, password: String, mfaCode: String?) throws -> SignInOutcome {
        // Verify the password outside any write transaction: the hash is slow on purpose,
        // and a class signing in at once must not queue behind it.
        let stored = try writer.read { db in
            try AccountRecord.filter(sql: "rootEmail = ? COLLATE NOCASE", arguments: [email]).fetchOne(db)
        }
        let passwordMatches = stored.map { hasher.verify(password, against: $0.rootPasswordHash) } ?? false
        do {
            return try writer.write { db -> SignInStep in
                let now = try clock.now(db)
                guard passwordMatches, let stored,
                    let account = try AccountRecord.fetchOne(db, key: stored.id),
                    account.rootPasswordHash == stored.rootPasswordHash
                else {
                    try logSignIn(db, now: now, account: stored, mfaUsed: mfaCode != nil, error: .signInFailed, email: email)
                    return .failed(.signInFailed)
                }
                var updated = account
                let principal = Principal.root(account.accountID)
                let devices = try MFADeviceRecord.all().assigned(to: OwnerKey(principal)).fetchAll(db)
                var mfaUsed = false
                if !devices.isEmpty {
                    if let until = account.lockedUntil, until > now {
                        let error = IAMError.mfaLocked(until: until)
                        try logSignIn(db, now: now, account: account, mfaUsed: mfaCode != nil, error: error, email: email)
                        return .failed(error)
                    }
                    guard let mfaCode else {
                        try EventLog.append(
                            db, name: "CredentialChallenge", time: now, account: account.accountID,
                            actor: principal.arn, resource: "MFA code requested")
                        return .needsCode
                    }
                    guard try acceptSignInCode(mfaCode, devices: devices, now: now, db) else {
                        let error = try recordFailedCode(&updated, principal: principal, now: now, db)
                        try logSignIn(db, now: now, account: account, mfaUsed: true, error: error, email: email)
                        return .failed(error)
                    }
                    mfaUsed = true
                }
                updated.rootPasswordLastUsed = now
                updated.failedMFAAttempts = 0
                updated.lockedUntil = nil
                try updated.update(db)
                let session = SessionRecord(
                    id: secrets.sessionToken(), accountId: account.id, userId: nil, mfaUsed: mfaUsed, createDate: now,
                    expireDate: now.addingTimeInterval(ConsoleSession.lifetime))
                try session.insert(db)
                try logSignIn(db, now: now, account: account, mfaUsed: mfaUsed, error: nil, email: email)
                return .opened(
                    ConsoleSession(
                        id: session.id, principal: principal, mfaUsed: mfaUsed, signInDate: now,
                        expireDate: session.expireDate))
            }.outcome()
        } catch let error as IAMError {
            throw error
        } catch {
            throw translate(error)
        }
    }

    /// Ends every open console session of the caller's identity ("sign out everywhere").
    ///
    /// - Returns: the identity that was signed out, or nil when no session was open.
    @discardableResult
    public func signOut(account: AccountID? = nil) throws -> Principal? {
        return try writing { db -> Principal? in
            let now = try clock.now(db)
            guard let session = try openSession(db, account: account, now: now) else { return nil }
            let principal = try principal(of: session, db)
            var sessions = SessionRecord.all().open(at: now).filter(SessionRecord.Columns.accountId == session.accountId)
            sessions =
                if let userId = session.userId {
                    sessions.filter(SessionRecord.Columns.userId == userId)
                } else {
                    sessions.filter(SessionRecord.Columns.userId == nil)
                }
            try sessions.updateAll(db, SessionRecord.Columns.endDate.set(to: now))
            try EventLog.append(
                db, name: "ConsoleSignOut", time: now, account: principal.accountID, actor: principal.arn,
                resource: nil)
            return principal
        }
    }

    /// The open console session and who it belongs to (STS `GetCallerIdentity`).
    public func callerIdentity(account: AccountID? = nil) throws -> CallerIdentity {
        try perform("GetCallerIdentity", caller: .console(account: account), resource: nil) { db, _, now in
            guard let record = try openSession(db, account: account, now: now) else { throw IAMError.notSignedIn }
            let session = ConsoleSession(
                id: record.id, principal: try principal(of: record, db), mfaUsed: record.mfaUsed,
                signInDate: record.createDate, expireDate: record.expireDate)
            return CallerIdentity(session: session)
        }
    }

    // MARK: - Helpers

    /// Accepts `code` from any of `devices` and records the step it used, so it never works again.
    private func acceptSignInCode(_ code: String, devices: [MFADeviceRecord], now: Date, _ db: Database) throws -> Bool {
        for var device in devices {
            guard let totp = device.totp,
                let step = MFACodeRules.signInStep(
                    code: code, totp: totp, nowStep: TOTP.step(at: now), drift: device.drift,
                    lastAcceptedStep: device.lastAcceptedStep)
            else { continue }
            device.lastAcceptedStep = step
            try device.update(db)
            return true
        }
        return false
    }

    /// Counts a wrong MFA code; the fifth in a row locks sign-in for 15 minutes.
    private func recordFailedCode(_ account: inout AccountRecord, principal: Principal, now: Date, _ db: Database) throws
        -> IAMError
    {
        account.failedMFAAttempts += 1
        let failures = account.failedMFAAttempts
        if failures >= SignInRules.maxFailedMFAAttempts {
            let until = now.addingTimeInterval(SignInRules.lockoutDuration)
            account.failedMFAAttempts = 0
            account.lockedUntil = until
            try account.update(db)
            try EventLog.append(
                db, name: "MFALockout", time: now, account: account.accountID, actor: principal.arn,
                resource: "locked until \(Timestamp.iso8601(until))")
            return .mfaLocked(until: until)
        }
        try account.update(db)
        return failures >= SignInRules.resyncHintAfter ? .signInFailedSuggestingResync(failures) : .signInFailed
    }

    private func logSignIn(
        _ db: Database, now: Date, account: AccountRecord?, mfaUsed: Bool, error: IAMError?, email: String
    ) throws {
        try EventLog.append(
            db, name: "ConsoleLogin", time: now, account: account?.accountID, actor: account?.accountID.rootARN,
            outcome: error == nil ? .success : .failure, error: error, mfaUsed: mfaUsed, resource: email)
    }
}

/// The transaction's result. A failed sign-in commits (its event and failure count must
/// persist), then throws.
private enum SignInStep {
    case opened(ConsoleSession)
    case needsCode
    case failed(IAMError)

    func outcome() throws -> SignInOutcome {
        switch self {
        case .opened(let session): .signedIn(session)
        case .needsCode: .mfaRequired
        case .failed(let error): throw error
        }
    }
}
