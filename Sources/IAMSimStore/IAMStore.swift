import Foundation
import GRDB
import IAMSimCore
import IAMSimDatabase

/// What an operation adds to its success event.
struct EventNote {
    /// `DeleteAccessKey` of a root key: the key's status when it was deleted.
    var rootKeyStatus: AccessKeyStatus?
}

/// Who is asking: the console's signed-in session, or an already-authenticated principal
/// (for front ends that authenticate requests themselves, such as a future Query API).
public enum Caller: Sendable {
    /// The newest open console session, optionally restricted to one account.
    case console(account: AccountID?)
    case principal(Principal)
}

/// The IAM simulator's state and every operation on it.
///
/// Each public operation is one transaction: it reads the clock once, checks the domain rules
/// in IAMSimCore, writes, and appends its event, all or nothing. A failed operation changes
/// nothing and is then logged on its own.
public struct IAMStore: Sendable {
    /// The database; its transactions translate every failure (`AppDatabase.failure`).
    package let database: AppDatabase
    /// Each account's clock, which every operation reads once, inside its transaction.
    public let clock: SimulationClock
    let secrets: SecretGenerator
    let hasher: PasswordHasher

    /// - Parameters:
    ///   - database: the database, from `AppDatabase.open` (or `inMemory`).
    ///   - wallClock: real time; simulated time, when set, is stored in the database.
    ///   - random: the source of every id, secret, seed and salt.
    ///   - hasher: the password hash cost (tests pass a cheap one).
    public init(database: AppDatabase, wallClock: WallClock, random: RandomSource, hasher: PasswordHasher = PasswordHasher()) {
        self.database = database
        self.clock = SimulationClock(database: database, wallClock: wallClock)
        self.secrets = SecretGenerator(random: random)
        self.hasher = hasher
    }

    // MARK: - Running operations

    /// Runs `body` as `action` on behalf of `caller`, in one transaction,
    /// logging success with the change, or failure afterwards on its own.
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
        var actor: Principal?
        do {
            return try database.write { db in
                let (principal, now) = try resolve(caller, db)
                actor = principal
                let (value, note) = try body(db, principal, now)
                try EventLog.append(
                    db, name: action, time: now, account: principal.accountID, actor: principal.arn,
                    resource: resource, rootKeyStatus: note.rootKeyStatus)
                return value
            }
        } catch let error as IAMError {
            try logFailure(action, actor: actor, caller: caller, error: error, resource: resource)
            throw error
        } catch let refused as RefusedCodeError {
            // The log records AWS's answer; the reason travels on to the front end.
            try logFailure(action, actor: actor, caller: caller, error: refused.error, resource: resource)
            throw refused
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

    func logFailure(_ action: IAMAction, actor: Principal?, caller: Caller, error: IAMError, resource: String?) throws {
        try writing { db in
            let account: AccountID? =
                switch caller {
                case .principal(let principal): principal.accountID
                case .console(let account): actor?.accountID ?? account
                }
            try EventLog.append(
                db, name: action, time: try clock.now(db, account: account), account: account, actor: actor?.arn,
                outcome: .failure, error: error, resource: resource)
        }
    }

    // MARK: - Callers

    /// The principal `caller` names, and the time on its account's clock.
    func resolve(_ caller: Caller, _ db: Database) throws -> (principal: Principal, now: Date) {
        switch caller {
        case .principal(let principal):
            return (principal, try clock.now(db, account: principal.accountID))
        case .console(let account):
            guard let (session, now) = try openSession(db, account: account) else { throw IAMError.notSignedIn }
            return (try principal(of: session, db), now)
        }
    }

    /// The newest open session, of `account` when given (`SessionRecord.newestOpen`).
    func openSession(_ db: Database, account: AccountID?) throws -> (session: SessionRecord, now: Date)? {
        try SessionRecord.newestOpen(account: account, realNow: clock.realNow(), db)
    }

    func principal(of session: SessionRecord, _ db: Database) throws -> Principal {
        try session.principal(db)
    }

    func account(_ id: AccountID, _ db: Database) throws -> AccountRecord {
        try AccountRecord.existing(id, db)
    }

    /// The principal `userName` names in the caller's account (the caller when nil), once
    /// the caller is allowed to perform `action` on its credentials.
    func target(userName: String?, caller: Principal, action: IAMAction, _ db: Database) throws -> Principal {
        guard let userName else { return caller }
        let target = Principal.user(try user(named: userName, in: caller.accountID, db).user)
        try Permissions.authorize(caller, action, credentialsOf: target)
        return target
    }

    /// The user `name` of `account`, matched case-insensitively as IAM does.
    func user(named name: String, in account: AccountID, _ db: Database) throws -> UserRecord {
        try IAMName.validate(name, parameter: "userName", maxLength: 128)
        guard let user = try UserRecord.named(name, in: account.rawValue, db) else { throw IAMError.noSuchUser(name) }
        return user
    }
}

extension IAMError {
    /// The console's answer when no session is open.
    public static let notSignedIn = IAMError.accessDenied(
        "You are not signed in to the console. Sign in first: iamsim signin --email EMAIL")
}
