import Foundation
import GRDB
import IAMSimCore
import IAMSimDatabase

/// The console's sessions: signing in (with a password, an MFA code, a new password when the
/// old one must change), signing out, who is signed in, and resync from the sign-in page, with
/// the MFA lockout that guards them (`ConsoleSessions+SignIn.swift`, `+Lockout`, `+Resync`).
///
/// The console is a front end of its own: its events are CloudTrail's sign-in events
/// (`ConsoleLogin`, `CredentialChallenge`, `ConsoleSignOut`), and a session is what
/// `Caller.console` acts as in the IAM actions (`IAMStore`).
///
/// Any method may also throw what the database fails with: `DatabaseFileError` (busy, damaged,
/// inaccessible) or `ServiceFailure`; each method's `- Throws:` lists the rest.
public struct ConsoleSessions: Sendable {
    let environment: StoreEnvironment

    public init(_ environment: StoreEnvironment) {
        self.environment = environment
    }

    // MARK: - Sessions

    /// Ends every open console session of the caller's identity ("sign out everywhere").
    ///
    /// - Returns: the identity that was signed out, or nil when no session was open.
    ///
    /// - Parameters:
    ///   - account: the account whose session ends; nil for the newest session of any
    ///     account (a database one person uses).
    ///
    ///   - origin: where the request came from, for the event.
    ///
    /// - Throws: only a database failure: `DatabaseFileError` (busy, damaged, inaccessible) or `ServiceFailure`.
    @discardableResult
    public func signOut(account: AccountID?, origin: RequestOrigin = .commandLine) throws -> Principal? {
        try environment.writing { db -> Principal? in
            guard let (session, now) = try environment.openSession(account: account, db) else { return nil }
            return try signOut(session, now: now, origin: origin, db)
        }
    }

    /// Signs out the identity of the session `id` (the web console's Sign out): every open
    /// session of that identity ends, as `signOut(account:)` ends them.
    ///
    /// - Returns: the identity that was signed out, or nil when that session was not open.
    /// - Throws: only a database failure: `DatabaseFileError` (busy, damaged, inaccessible) or `ServiceFailure`.
    @discardableResult
    public func signOut(sessionID id: String, origin: RequestOrigin) throws -> Principal? {
        try environment.writing { db -> Principal? in
            guard let (session, now) = try SessionRecord.named(id, realNow: environment.clock.realNow(), db),
                session.isOpen(at: now)
            else { return nil }
            return try signOut(session, now: now, origin: origin, db)
        }
    }

    /// Ends every open session of `session`'s identity and logs `ConsoleSignOut`.
    private func signOut(_ session: SessionRecord, now: Date, origin: RequestOrigin, _ db: Database) throws -> Principal
    {
        let principal = try session.principal(db)
        // Every open session of the identity, as `openSession` tells them open.
        for var open in try SessionRecord.open(of: session.owner, at: now, db) {
            open.endDate = now
            try open.update(db)
        }
        try EventLog.append(
            db, name: .consoleSignOut, time: now, account: principal.accountID, actor: principal.arn,
            resource: nil, request: EventLog.Request(origin: origin, mfaAuthenticated: session.mfaUsed))
        return principal
    }

    /// How the console session `id` stands: open (and whose), expired, ended or unknown. A read
    /// that logs nothing, for a front end deciding which page to show.
    ///
    /// - Throws: only a database failure: `DatabaseFileError` (busy, damaged, inaccessible) or `ServiceFailure`.
    public func session(id: String) throws -> SessionStanding {
        try environment.reading { db in
            guard let (record, now) = try SessionRecord.named(id, realNow: environment.clock.realNow(), db) else {
                return .unknown
            }
            if record.endDate != nil { return .signedOut }
            if record.expireDate <= now { return .expired }
            let principal: Principal
            do {
                principal = try record.principal(db)
            } catch is IAMError {
                // A session whose user was deleted ends with it (`principal` says not signed in).
                return .signedOut
            }
            return .open(
                ConsoleSession(
                    id: record.id, principal: principal, mfaUsed: record.mfaUsed, signInDate: record.createDate,
                    expireDate: record.expireDate))
        }
    }

    /// Who is signed in to the console, if anyone: a read that logs nothing.
    ///
    /// - Throws: only a database failure: `DatabaseFileError` (busy, damaged, inaccessible) or `ServiceFailure`.
    public func signedInPrincipal(account: AccountID?) throws -> Principal? {
        try environment.reading { db in
            guard let (session, _) = try environment.openSession(account: account, db) else { return nil }
            return try session.principal(db)
        }
    }

    /// The open console session and who it belongs to (STS `GetCallerIdentity`).
    ///
    /// - Throws: `AccessDenied` when no session is open (`notSignedIn`).
    public func callerIdentity(account: AccountID?) throws -> CallerIdentity {
        try environment.perform(.getCallerIdentity, caller: .console(account: account), resource: nil) { db, _, _ in
            guard let (record, _) = try environment.openSession(account: account, db) else {
                throw IAMError.notSignedIn
            }
            let session = ConsoleSession(
                id: record.id, principal: try record.principal(db), mfaUsed: record.mfaUsed,
                signInDate: record.createDate, expireDate: record.expireDate)
            return CallerIdentity(session: session)
        }
    }

    /// How the IAM-user sign-in page names the caller's account: its alias, else its id. A
    /// read: it leaves no event.
    ///
    /// - Throws: `AccessDenied` when a console caller is not signed in.
    public func signInAccountName(caller: Caller) throws -> String {
        try environment.reading { db in
            let (principal, _) = try environment.resolve(caller, db)
            let record = try AccountRecord.existing(principal.accountID, db)
            return record.alias ?? record.id
        }
    }
}
