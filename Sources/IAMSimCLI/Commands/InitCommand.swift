import ArgumentParser
import Foundation
import IAMSimApp
import IAMSimCore
import IAMSimDatabase
import IAMSimDevices
import IAMSimStore

/// `iamsim init`: create the database from a fixture.
struct InitCommand: ConsoleCommand {
    static let action = CommandAction(
        "init", performs: .initialize,
        "Create the database and load a fixture account (--force resets an existing one)",
        discussion: """
            The fixture is a built-in name (root-mfa-lesson, the default) or the path of a \
            fixture JSON file (format: docs/fixtures.md). --force deletes the database, its \
            event log and the authenticator's accounts, then loads the fixture; the fixture is \
            checked first, so a bad one deletes nothing.
            """)
    @OptionGroup var global: GlobalOptions
    @Option(help: ArgumentHelp("A built-in fixture name or a fixture file.", valueName: "name-or-path"))
    var fixture: String = Fixture.defaultName
    @Flag(help: "Reset an existing database: delete it and start again from the fixture.") var force = false

    func execute(in context: CommandContext) throws -> any Renderable {
        let loaded = try FixtureCatalog.load(fixture)
        let path = context.databasePath
        if force {
            try context.removeDatabase()
        }
        let simulator = try context.simulatorWithoutSeeding()
        if let existing = try simulator.accounts.listAccounts().first {
            throw CommandError(
                message:
                    "The database \(path) already holds account \(existing.accountID). Reset it with: iamsim init --force"
            )
        }
        let account = try simulator.classroom.load(loaded)
        return Message(
            text:
                "Initialized \(path) from fixture \(loaded.name): account \(account), root user \(loaded.account.root.email).",
            json: .object([
                "Database": .string(path), "Fixture": .string(loaded.name), "AccountId": .string(account.rawValue),
            ]))
    }
}
