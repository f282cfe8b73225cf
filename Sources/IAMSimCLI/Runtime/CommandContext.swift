import Foundation
import IAMSimApp
import IAMSimCore
import IAMSimDevices
import IAMSimStore

/// What a command runs against: the world, the options, and the simulator opened on first use.
public final class CommandContext {
    public let world: World
    public let options: GlobalOptions
    /// The database path the options resolve to.
    public let databasePath: String
    /// Whether the command only reads: the database is then opened read-only (once it exists
    /// and is current), so it works on a file the user may only read.
    public let readsOnly: Bool
    private var opened: Simulator?
    /// Who the command acts as, resolved once per command (several steps ask for it).
    private var resolvedPolicy: CallerPolicy?

    /// - Throws: `CommandError` (usage) when `IAMSIM_DB` is set but empty.
    public init(world: World, options: GlobalOptions, readsOnly: Bool = false) throws {
        self.world = world
        self.options = options
        self.readsOnly = readsOnly
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
        let (simulator, seeded) = try Simulator.open(
            path: databasePath, access: readsOnly ? .readOnly : .readWrite, seed: { try Fixture.builtInDefault() },
            wallClock: world.wallClock, random: world.random, hasher: world.passwordHasher)
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
        let (simulator, _) = try Simulator.open(
            path: databasePath, access: .readWrite, seed: nil, wallClock: world.wallClock, random: world.random,
            hasher: world.passwordHasher)
        opened = simulator
        return simulator
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
