import Foundation
import IAMSimCore
import IAMSimDatabase
import IAMSimDevices
import IAMSimStore

/// The simulator as every front end uses it: the database, the store's parts on it (the IAM
/// actions, console sessions, accounts, the audit and event-log readers, the lesson's records),
/// and the trainees' devices, with the outside world (time, randomness, the password hash cost)
/// injected once.
///
/// A front end opens one per command (the CLI) or per server (the Query API), resolves who is
/// calling with a `CallerPolicy`, and runs operations on the store's parts or through the use
/// cases here (`classroom`, `LessonTracker`, `ClassProgress`, `enrollVirtualMFADevice`,
/// `removeMFADevice`), which compose them where one action needs several.
public struct Simulator: Sendable {
    public let database: AppDatabase
    /// The IAM and STS actions.
    public let store: IAMStore
    /// Console sign-in, sign-out and who is signed in.
    public let sessions: ConsoleSessions
    /// The accounts: loading, listing, resetting, exporting, deleting (the IAM state only).
    public let accounts: AccountStore
    /// The audit's findings and the class report's read.
    public let auditReader: AuditReader
    /// The event log, read back.
    public let eventLog: EventLogReader
    /// The guided lesson's records.
    public let lessonRecords: LessonRecords
    /// The source of every id, secret, seed and salt.
    public let random: RandomSource
    /// The password hash cost (tests and the demo pass a cheap one).
    public let hasher: PasswordHasher

    /// - Parameters:
    ///   - database: from `AppDatabase.open`, `openForReading` or `inMemory`.
    ///   - wallClock: real time; an account's simulated time is stored in the database.
    ///   - codePolicy: which MFA codes the store accepts; AWS's rules unless a front end asks
    ///     for moto's (`iamsim serve --compat moto`).
    public init(
        database: AppDatabase, wallClock: WallClock, random: RandomSource, hasher: PasswordHasher,
        codePolicy: MFACodePolicy = .strict
    ) {
        self.database = database
        let environment = StoreEnvironment(
            database: database, wallClock: wallClock, random: random, hasher: hasher, codePolicy: codePolicy)
        self.store = IAMStore(environment)
        self.sessions = ConsoleSessions(environment)
        self.accounts = AccountStore(environment)
        self.auditReader = AuditReader(environment)
        self.eventLog = EventLogReader(environment)
        self.lessonRecords = LessonRecords(environment)
        self.random = random
        self.hasher = hasher
    }

    /// Each account's clock.
    public var clock: SimulationClock { store.clock }

    /// The authenticator app on the phone of `account`'s trainee.
    public func authenticator(for account: AccountID) -> Authenticator {
        Authenticator(clock: clock, owner: account)
    }

    /// The hardware TOTP tokens in the hands of `account`'s trainee.
    public func hardwareTokens(for account: AccountID) -> HardwareTokens {
        HardwareTokens(clock: clock, owner: account)
    }

    /// Creating, loading, resetting and deleting accounts with their trainees' devices.
    public var classroom: Classroom { Classroom(simulator: self) }
}

// MARK: - Opening a database file

extension Simulator {
    /// How a command uses the database file.
    public enum Access: Sendable {
        /// The command changes the simulator (or logs what it reads, as the console does).
        case readWrite
        /// The command only reads: the file is opened read-only once it exists with the current
        /// schema, so it works on a copy the user may only read.
        case readOnly
    }

    /// The simulator on the database file at `path`, and the fixture it was created from when
    /// this call created it.
    ///
    /// - Parameters:
    ///   - seed: the fixture a missing or empty database is created from (the built-in lesson),
    ///     read only then; nil leaves it empty (`init`, `accounts create`).
    ///   - connections: one connection for a command; a pool for a server (read-write only).
    ///   - codePolicy: which MFA codes the store accepts (AWS's rules by default).
    /// - Throws: `DatabaseFileError` for a file iamsim cannot use; what `seed` throws.
    public static func open(
        path: String, access: Access, seed: (() throws -> Fixture)?, wallClock: WallClock, random: RandomSource,
        hasher: PasswordHasher, connections: AppDatabase.Connections = .single, codePolicy: MFACodePolicy = .strict
    ) throws -> (simulator: Simulator, seeded: Fixture?) {
        if access == .readOnly, let database = try AppDatabase.openForReading(path: path) {
            return (
                Simulator(
                    database: database, wallClock: wallClock, random: random, hasher: hasher, codePolicy: codePolicy),
                nil
            )
        }
        let simulator = Simulator(
            database: try AppDatabase.open(path: path, connections: connections), wallClock: wallClock,
            random: random, hasher: hasher, codePolicy: codePolicy)
        guard let seed else { return (simulator, nil) }
        return (simulator, try simulator.classroom.seedIfEmpty(with: seed))
    }
}
