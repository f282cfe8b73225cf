import ArgumentParser
import Foundation
import IAMSimCore
import IAMSimAuthenticator
import IAMSimStore

/// `iamsim init`: create the database from a fixture.
struct InitCommand: ConsoleCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create the database and load a fixture account (--force resets an existing one).",
        discussion: """
            The fixture is a built-in name (root-mfa-lesson, the default) or the path of a \
            fixture JSON file (format: docs/fixtures.md). --force deletes the database, its \
            event log and the authenticator's accounts, then loads the fixture; the fixture is \
            checked first, so a bad one deletes nothing.
            """)
    static let operationName = "Init"
    @OptionGroup var global: GlobalOptions
    @Option(help: ArgumentHelp("A built-in fixture name or a fixture file.", valueName: "name-or-path"))
    var fixture: String = Fixture.defaultName
    @Flag(help: "Reset an existing database: delete it and start again from the fixture.") var force = false

    func execute(in context: CommandContext) throws -> any Renderable {
        let loaded = try Self.loadFixture(fixture)
        let path = context.databasePath
        if force {
            try IAMSimDatabase.remove(path: path)
        }
        let writer = try context.writerWithoutSeeding()
        let store = context.makeStore(writer)
        if let existing = try store.accountIDs().first {
            throw IAMError.entityAlreadyExists(
                "The database \(path) already holds account \(existing). Reset it with: iamsim init --force")
        }
        let account = try store.loadFixture(loaded)
        try context.hardwareTokens(writer, owner: account.rawValue).receive(loaded.account.hardwareTokens ?? [])
        return Message(
            text: "Initialized \(path) from fixture \(loaded.name): account \(account), root user \(loaded.account.root.email).",
            json: .object([
                "Database": .string(path), "Fixture": .string(loaded.name), "AccountId": .string(account.rawValue),
            ]))
    }

    /// A built-in fixture by name, else a fixture file.
    static func loadFixture(_ nameOrPath: String) throws -> Fixture {
        if nameOrPath == Fixture.defaultName { return try Fixture.builtInDefault() }
        guard FileManager.default.fileExists(atPath: nameOrPath) else {
            throw IAMError.noSuchEntity(
                "No built-in fixture or file named \(nameOrPath). Built-in fixtures: \(Fixture.defaultName).")
        }
        guard let data = FileManager.default.contents(atPath: nameOrPath) else {
            throw CommandError(message: "Cannot read the fixture file \(nameOrPath).", status: ExitStatus.environment)
        }
        return try Fixture.load(data, source: nameOrPath)
    }
}
