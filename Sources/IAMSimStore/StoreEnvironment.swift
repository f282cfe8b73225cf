import Foundation
import GRDB
import IAMSimCore
import IAMSimDatabase

/// What every part of the store shares: the database, each account's clock, the source of
/// secrets, the password hash and which MFA codes are accepted. Each part (`IAMStore`, `ConsoleSessions`, `AccountStore`,
/// `AuditReader`, `EventLogReader`, `LessonRecords`) is built on one, as GRDB's demo builds every
/// part of an app on one `AppDatabase`.
public struct StoreEnvironment: Sendable {
    /// The database; its transactions translate every failure (`AppDatabase.failure`).
    package let database: AppDatabase
    /// Each account's clock, which every operation reads once, inside its transaction.
    public let clock: SimulationClock
    let secrets: SecretGenerator
    let hasher: PasswordHasher
    /// Which MFA codes are accepted (`StoreEnvironment+MFACodes`): AWS's rules unless a front
    /// end asks for moto's (`iamsim serve --compat moto`).
    public let codePolicy: MFACodePolicy

    /// - Parameters:
    ///   - database: the database, from `AppDatabase.open` (or `inMemory`).
    ///   - wallClock: real time; simulated time, when set, is stored in the database.
    ///   - random: the source of every id, secret, seed and salt.
    ///   - hasher: the password hash cost (tests pass a cheap one).
    ///   - codePolicy: which MFA codes are accepted; AWS's rules by default.
    public init(
        database: AppDatabase, wallClock: WallClock, random: RandomSource, hasher: PasswordHasher = PasswordHasher(),
        codePolicy: MFACodePolicy = .strict
    ) {
        self.database = database
        self.clock = SimulationClock(database: database, wallClock: wallClock)
        self.secrets = SecretGenerator(random: random)
        self.hasher = hasher
        self.codePolicy = codePolicy
    }

    // MARK: - Running operations

    /// Runs `body` as `action` on behalf of `caller`, in one transaction: it resolves the caller,
    /// reads the clock once, and logs success with the change, or failure afterwards on its own.
    func perform<T>(
        _ action: IAMAction, caller: Caller, resource: String?,
        _ body: (Database, Principal, Date) throws -> T
    ) throws -> T {
        try performNoting(action, caller: caller, resource: resource) { db, principal, now in
            (try body(db, principal, now), EventNote())
        }
    }

    /// `perform`, for operations whose success event carries more than the resource.
    func performNoting<T>(
        _ action: IAMAction, caller: Caller, resource: String?,
        _ body: (Database, Principal, Date) throws -> (T, EventNote)
    ) throws -> T {
        try run(action, caller: caller, resource: resource) { db, principal, now in
            let (value, note) = try body(db, principal, now)
            return (.accepted(value), note)
        }
    }

    /// `perform`, for operations whose refusals change state too: a wrong MFA code counts
    /// toward the lockout, and must stay counted. The body returns such a refusal instead of
    /// throwing it; its writes then commit with the failure event, and the refusal is thrown.
    /// What the body throws rolls everything back, as in `perform`.
    func performKeepingRefusals<T>(
        _ action: IAMAction, caller: Caller, resource: String?,
        _ body: (Database, Principal, Date) throws -> Verdict<T>
    ) throws -> T {
        try run(action, caller: caller, resource: resource) { db, principal, now in
            (try body(db, principal, now), EventNote())
        }
    }

    /// The one transaction every operation runs in: resolve the caller, read the clock, run
    /// `body`, append its event (a success, or the refusal it returned), commit; on a throw,
    /// roll back and log the failure on its own.
    private func run<T>(
        _ action: IAMAction, caller: Caller, resource: String?,
        _ body: (Database, Principal, Date) throws -> (Verdict<T>, EventNote)
    ) throws -> T {
        var actor: Principal?
        var request = caller.eventRequest(mfaAuthenticated: caller.session?.mfaAuthenticated)
        let verdict: Verdict<T>
        do {
            verdict = try database.write { db in
                let (principal, now, mfaAuthenticated) = try resolveWithSession(caller, db)
                actor = principal
                request.mfaAuthenticated = mfaAuthenticated
                let (verdict, note) = try body(db, principal, now)
                switch verdict {
                case .accepted:
                    try EventLog.append(
                        db, name: action, time: now, account: principal.accountID, actor: principal.arn,
                        resource: resource, rootKeyStatus: note.rootKeyStatus, request: request)
                case .refused(let refused):
                    try EventLog.append(
                        db, name: action, time: now, account: principal.accountID, actor: principal.arn,
                        outcome: .failure, error: refused.error, resource: resource, request: request)
                }
                return verdict
            }
        } catch let error as IAMError {
            try logFailure(action, actor: actor, caller: caller, error: error, resource: resource, request: request)
            throw error
        } catch let refused as RefusedCodeError {
            // The log records AWS's answer; the reason travels on to the front end.
            try logFailure(
                action, actor: actor, caller: caller, error: refused.error, resource: resource, request: request)
            throw refused
        }
        switch verdict {
        case .accepted(let value): return value
        case .refused(let refused): throw refused
        }
    }

    /// A read-only snapshot.
    func reading<T>(_ body: (Database) throws -> T) throws -> T {
        try database.read(body)
    }

    /// One write transaction.
    func writing<T>(_ body: (Database) throws -> T) throws -> T {
        try database.write(body)
    }

    /// Logs a failed `action` in a transaction of its own (the operation's rolled back).
    ///
    /// - Parameter request: who called and from where, when the failing operation knew more
    ///   than `caller` says (a console session's MFA); by default, what `caller` says.
    func logFailure(
        _ action: IAMAction, actor: Principal?, caller: Caller, error: IAMError, resource: String?,
        request: EventLog.Request? = nil
    ) throws {
        try writing { db in
            let account: AccountID? =
                switch caller.identity {
                case .principal(let principal): principal.accountID
                case .console(let account): actor?.accountID ?? account
                case .session(let id): try actor?.accountID ?? SessionRecord.find(db, key: id)?.accountID
                }
            try EventLog.append(
                db, name: action, time: try clock.now(db, account: account), account: account, actor: actor?.arn,
                outcome: .failure, error: error, resource: resource,
                request: request ?? caller.eventRequest(mfaAuthenticated: caller.session?.mfaAuthenticated))
        }
    }

    // MARK: - Callers

    /// The principal `caller` names, and the time on its account's clock.
    ///
    /// - Throws: `AccessDenied` (not signed in) for a console caller without an open session.
    func resolve(_ caller: Caller, _ db: Database) throws -> (principal: Principal, now: Date) {
        let (principal, now, _) = try resolveWithSession(caller, db)
        return (principal, now)
    }

    /// `resolve`, with whether MFA authenticated the caller's temporary credentials (its
    /// console session, or STS's): nil for a long-term key.
    func resolveWithSession(_ caller: Caller, _ db: Database) throws -> (
        principal: Principal, now: Date, mfaAuthenticated: Bool?
    ) {
        switch caller.identity {
        case .principal(let principal):
            return (principal, try clock.now(db, account: principal.accountID), caller.session?.mfaAuthenticated)
        case .console(let account):
            guard let (session, now) = try openSession(account: account, db) else { throw IAMError.notSignedIn }
            return (try session.principal(db), now, session.mfaUsed)
        case .session(let id):
            guard let (session, now) = try SessionRecord.named(id, realNow: clock.realNow(), db),
                session.isOpen(at: now)
            else { throw IAMError.notSignedIn }
            return (try session.principal(db), now, session.mfaUsed)
        }
    }

    /// The newest open console session, of `account` when given (`SessionRecord.newestOpen`).
    func openSession(account: AccountID?, _ db: Database) throws -> (session: SessionRecord, now: Date)? {
        try SessionRecord.newestOpen(account: account, realNow: clock.realNow(), db)
    }
}

/// What an operation's transaction decided: its result, or a refusal to commit (with the
/// changes that led to it) and then throw.
enum Verdict<T> {
    case accepted(T)
    case refused(RefusedCodeError)
}

/// What an operation adds to its success event.
struct EventNote {
    /// `DeleteAccessKey` of a root key: the key's status when it was deleted.
    var rootKeyStatus: AccessKeyStatus?
}
