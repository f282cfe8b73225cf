import Foundation
import IAMSimApp
import IAMSimCore
import IAMSimDatabase
import IAMSimDevices
import IAMSimStore

/// What a command runs against: the world, the options, and the simulator, opened on first use
/// or given already open.
public final class CommandContext {
    public let world: World
    public let options: GlobalOptions
    /// The database path the options resolve to (named in messages even when the simulator was
    /// given open).
    public let databasePath: String
    /// Whether the command only reads: the database is then opened read-only (once it exists
    /// and is current), so it works on a file the user may only read.
    public let readsOnly: Bool
    /// The simulator this context was given open, if any: then no file is opened.
    private let given: Simulator?
    private var opened: Simulator?
    /// Who the command acts as, resolved once per command (several steps ask for it).
    private var resolvedPolicy: CallerPolicy?

    /// A context that opens the database file the options name when a command first needs it.
    ///
    /// - Throws: `CommandError` (usage) when `IAMSIM_DB` is set but empty.
    public init(world: World, options: GlobalOptions, readsOnly: Bool = false) throws {
        self.world = world
        self.options = options
        self.readsOnly = readsOnly
        self.given = nil
        self.databasePath = try options.databasePath(environment: world.environment)
    }

    /// A context on a simulator already open: the demo's scratch database, or a test's
    /// in-memory one, so that commands run in process against it.
    ///
    /// The simulator is used as a database file would be: when it holds no account, the first
    /// command that needs one loads the built-in fixture into it (and says so), and `init
    /// --force` empties it. Its own clock, randomness and password hash cost apply, not the
    /// world's; the options still resolve the database path, which messages name.
    ///
    /// - Throws: `CommandError` (usage) when `IAMSIM_DB` is set but empty.
    public init(world: World, options: GlobalOptions, simulator: Simulator) throws {
        self.world = world
        self.options = options
        self.readsOnly = false
        self.given = simulator
        self.databasePath = try options.databasePath(environment: world.environment)
    }

    var console: Console { world.console }
    var style: TextStyle { TextStyle(colors: world.console.colors) }

    // MARK: - Accounts and callers

    /// The account and caller rules (`CallerPolicy`) for the account chosen with `--account`
    /// or `IAMSIM_ACCOUNT` (an id or an alias), if any.
    func policy() throws -> CallerPolicy {
        if let resolvedPolicy { return resolvedPolicy }
        let policy = try CallerPolicy(
            simulator: try simulator(), selection: options.account ?? world.environment["IAMSIM_ACCOUNT"])
        resolvedPolicy = policy
        return policy
    }

    /// The account chosen with `--account` or `IAMSIM_ACCOUNT`, if any.
    func selectedAccount() throws -> AccountID? { try policy().selected }

    /// Who console commands act as: the newest open session, of the selected account if one is.
    var caller: Caller {
        get throws { try policy().caller }
    }

    /// The account commands work on: the selected one, else the signed-in one, else the first.
    func currentAccount() throws -> AccountID { try policy().currentAccount() }

    /// Who auditor commands (audit, credential report) act as (`CallerPolicy.auditCaller`).
    func auditCaller() throws -> Caller { try policy().auditCaller() }

    // MARK: - The simulator

    /// The simulator, its database created from the built-in fixture if it is missing or empty
    /// (and said so on standard error, since the user did not ask for it); read-only for a
    /// command that only reads, once the file exists with the current schema.
    func simulator() throws -> Simulator {
        if let opened { return opened }
        let (simulator, seeded): (Simulator, Fixture?)
        if let given {
            (simulator, seeded) = (given, try given.classroom.seedIfEmpty(with: { try Fixture.builtInDefault() }))
        } else {
            (simulator, seeded) = try Simulator.open(
                path: databasePath, access: readsOnly ? .readOnly : .readWrite, seed: { try Fixture.builtInDefault() },
                wallClock: world.wallClock, random: world.random, hasher: world.passwordHasher)
        }
        if let fixture = seeded {
            console.printError(
                "iamsim: created \(databasePath) from the built-in fixture \(fixture.name) (account \(fixture.account.accountID), root user \(fixture.account.root.email))"
            )
        }
        opened = simulator
        return simulator
    }

    /// The simulator on a database left as it is when empty, for `init` and `accounts create`.
    func simulatorWithoutSeeding() throws -> Simulator {
        if let opened { return opened }
        if let given {
            opened = given
            return given
        }
        let (simulator, _) = try Simulator.open(
            path: databasePath, access: .readWrite, seed: nil, wallClock: world.wallClock, random: world.random,
            hasher: world.passwordHasher)
        opened = simulator
        return simulator
    }

    /// Deletes the database, for `init --force`: the file with its WAL, or, on a simulator
    /// given open, everything in it.
    func removeDatabase() throws {
        if let given {
            try given.database.erase()
        } else {
            try AppDatabase.remove(path: databasePath)
        }
    }

    /// A runner for further commands on the same database (the guided lesson runs each step's):
    /// on the simulator given open, else on the file the options name.
    func runner() -> CommandRunner {
        CommandRunner(world: world, simulator: given)
    }

    /// The IAM actions on the database.
    func store() throws -> IAMStore { try simulator().store }

    /// Console sign-in, sign-out and who is signed in.
    func sessions() throws -> ConsoleSessions { try simulator().sessions }

    /// The accounts of the database.
    func accounts() throws -> AccountStore { try simulator().accounts }

    /// The authenticator of the current account's trainee.
    func authenticator() throws -> Authenticator {
        try simulator().authenticator(for: try currentAccount())
    }

    /// The hardware tokens in the hands of the current account's trainee.
    func hardwareTokens() throws -> HardwareTokens {
        try simulator().hardwareTokens(for: try currentAccount())
    }
}
