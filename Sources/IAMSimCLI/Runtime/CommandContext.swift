import Foundation
import GRDB
import IAMSimAuthenticator
import IAMSimCore
import IAMSimStore

/// What a command runs against: the world, the options, and the database opened on first use.
public final class CommandContext {
    public let world: World
    public let options: GlobalOptions
    /// The database path the options resolve to.
    public let databasePath: String
    /// Whether the command only reads: the database is then opened read-only (once it exists
    /// and is current), so it works on a file the user may only read.
    public let readsOnly: Bool
    private var opened: (any DatabaseWriter)?
    /// The selected account, resolved once per command (several steps ask for it).
    private var selection: AccountID??

    /// - Throws: `CommandError` (usage) when `IAMSIM_DB` is set but empty.
    public init(world: World, options: GlobalOptions, readsOnly: Bool = false) throws {
        self.world = world
        self.options = options
        self.readsOnly = readsOnly
        self.databasePath = try options.databasePath(environment: world.environment)
    }

    var console: Console { world.console }
    var style: TextStyle { TextStyle(colors: world.console.colors) }

    // MARK: - Accounts

    /// The account chosen with `--account` or `IAMSIM_ACCOUNT` (an id or an alias), if any.
    func selectedAccount() throws -> AccountID? {
        if let selection { return selection }
        guard let text = options.account ?? world.environment["IAMSIM_ACCOUNT"], !text.isEmpty else {
            selection = .some(nil)
            return nil
        }
        let account = try store().resolveAccount(text)
        selection = account
        return account
    }

    /// Who console commands act as: the newest open session, of the selected account if one is.
    var caller: Caller {
        get throws { .console(account: try selectedAccount()) }
    }

    /// The account commands work on: the selected one, else the signed-in one, else the first.
    func currentAccount() throws -> AccountID {
        if let selected = try selectedAccount() { return selected }
        return try store().currentAccount()
    }

    /// Who auditor commands (audit, credential report, events) act as: the signed-in session,
    /// else the root user of the current account. An auditor reads the database from outside
    /// the console, so needs no sign-in.
    func auditCaller() throws -> Caller {
        let store = try store()
        let selected = try selectedAccount()
        if try store.signedInPrincipal(account: selected) != nil { return .console(account: selected) }
        return .principal(.root(try currentAccount()))
    }

    // MARK: - Database

    /// The database, created from the built-in fixture if it is missing or empty (and said so
    /// on standard error, since the user did not ask for it); read-only for a command that only
    /// reads, once the file exists with the current schema.
    func writer() throws -> any DatabaseWriter {
        if let opened { return opened }
        if readsOnly, let database = try IAMSimDatabase.openForReading(path: databasePath) {
            opened = database.writer
            return database.writer
        }
        let database = try IAMSimDatabase.open(path: databasePath)
        let store = makeStore(database.writer)
        if let fixture = try store.seedIfEmpty(with: Fixture.builtInDefault) {
            try hardwareTokens(database.writer, owner: fixture.account.accountID)
                .receive(fixture.account.hardwareTokens ?? [])
            console.printError(
                "iamsim: created \(databasePath) from the built-in fixture \(fixture.name) (account \(fixture.account.accountID), root user \(fixture.account.root.email))"
            )
        }
        opened = database.writer
        return database.writer
    }

    /// Opens the database without seeding it, for `init`.
    func writerWithoutSeeding() throws -> any DatabaseWriter {
        if let opened { return opened }
        let writer = try IAMSimDatabase.open(path: databasePath).writer
        opened = writer
        return writer
    }

    /// The IAM store on the database.
    func store() throws -> IAMStore {
        makeStore(try writer())
    }

    /// The authenticator of the current account's trainee, on the same database.
    func authenticator() throws -> Authenticator {
        let writer = try writer()
        return Authenticator(
            writer: writer, clock: SimulationClock(writer: writer, wallClock: world.wallClock),
            owner: try currentAccount().rawValue)
    }

    /// The hardware tokens in the hands of `owner`'s trainee.
    func hardwareTokens(_ writer: any DatabaseWriter, owner: String) -> HardwareTokens {
        HardwareTokens(writer: writer, clock: SimulationClock(writer: writer, wallClock: world.wallClock), owner: owner)
    }

    /// Resets accounts and their trainees' devices together (see `IAMStore.resetAccounts`).
    func resetAccounts(_ accounts: [AccountID], to fixture: Fixture?, progress: @Sendable (Int) -> Void = { _ in }) throws {
        let store = try store()
        try store.resetAccounts(
            accounts, to: fixture,
            alsoReset: { db, reset in
                for (account, fixture) in reset {
                    try TraineeDevices.reset(
                        db, owner: account.rawValue, tokens: fixture.account.hardwareTokens ?? [],
                        now: try store.clock.now(db, account: account))
                }
            }, progress: progress)
    }

    func makeStore(_ writer: any DatabaseWriter) -> IAMStore {
        IAMStore(writer: writer, wallClock: world.wallClock, random: world.random, hasher: world.passwordHasher)
    }
}
