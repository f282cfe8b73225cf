import ArgumentParser
import Foundation
import IAMSimApp
import IAMSimCore
import IAMSimDevices
import IAMSimStore

/// `iamsim accounts …`: a classroom of accounts in one database.
struct AccountCommands: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "accounts", abstract: "Create a classroom of accounts from a fixture, list them, delete them.",
        subcommands: [Create.self, List.self, Delete.self])

    struct Create: ConsoleCommand {
        static let action = CommandAction(
            "create", performs: .createAccounts,
            "Create N accounts from a fixture, each with fresh ids, secrets and a root password",
            discussion: """
                Each trainee gets an account id, an email from the template ({n} is the number), \
                an optional alias (prefix + number), a new root password and fresh access keys, \
                shown once here or written to --credentials-file (a CSV created with mode 0600): \
                root's access key lets the trainee's aws CLI or boto3 reach their own account \
                through one `iamsim serve`. All accounts are created in one transaction: all of \
                them, or none.
                """)
        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp("A built-in fixture name or a fixture file.", valueName: "name-or-path"))
        var fixture: String = Fixture.defaultName
        @Option(help: "How many accounts.") var count: Int = 1
        @Option(help: "The root email of each, with {n} for the number.") var email: String = "trainee{n}@class.example"
        @Option(help: "Give each account the alias PREFIX followed by its number.") var aliasPrefix: String?
        @Option(help: "The number of the first account.") var firstNumber: Int = 1
        @Option(
            help: ArgumentHelp(
                "Write the credentials to this CSV file (mode 0600) instead of printing them.", valueName: "file"))
        var credentialsFile: String?
        @Flag(help: "Replace the --credentials-file if it already exists.") var force = false

        func validate() throws {
            guard (1...10_000).contains(count) else { throw ValidationError("--count must be 1 to 10000.") }
            guard count == 1 || email.contains("{n}") else {
                throw ValidationError("With --count above 1, --email needs {n}, such as trainee{n}@class.example.")
            }
            guard !force || credentialsFile != nil else {
                throw ValidationError("--force replaces the file given with --credentials-file; give that option too.")
            }
        }

        func execute(in context: CommandContext) throws -> any Renderable {
            let template = try FixtureCatalog.load(fixture)
            // Check the file's path before any work: a bad path must change nothing.
            let file = try credentialsFile.map { try SecretFile(path: $0, replacing: force) }
            // A classroom database needs no lesson account of its own: do not seed one.
            let classroom = try context.simulatorWithoutSeeding().classroom
            let bar = ProgressBar(title: "Hashing passwords", total: count, console: context.console)
            // The passwords are shown once: written while the accounts are being created, and
            // moved into place once they exist. A failure or an interruption in between leaves
            // the old file, or none.
            let trainees = try classroom.createClass(
                from: template, count: count, emailTemplate: email, aliasPrefix: aliasPrefix, firstNumber: firstNumber,
                staging: { trainees in
                    try file?.stage(Array((Credentials(trainees: trainees, fixture: template.name).csv ?? "").utf8))
                }, progress: { bar.update($0) })
            bar.finish()
            let credentials = Credentials(trainees: trainees, fixture: template.name)
            if let file {
                try file.commit()
                return Message(
                    text:
                        "Created \(Plural.count(trainees.count, "account")) from \(template.name); their credentials are in \(file.path) (mode 0600).",
                    json: .object([
                        "Created": .int(trainees.count), "CredentialsFile": .string(file.path),
                        "AccountIds": .array(trainees.map { .string($0.trainee.accountID.rawValue) }),
                    ]))
            }
            return credentials
        }
    }

    struct List: ConsoleCommand {
        static let action = CommandAction("list", performs: .listAccounts, "List the database's accounts")
        static let readsOnly = true
        @OptionGroup var global: GlobalOptions

        func execute(in context: CommandContext) throws -> any Renderable {
            AccountTable(accounts: try context.accounts().listAccounts())
        }
    }

    struct Delete: ConsoleCommand {
        static let action = CommandAction(
            "delete", performs: .deleteAccount, "Delete an account and everything in it (its events stay in the log)")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The account id or alias.") var target: String

        func execute(in context: CommandContext) throws -> any Renderable {
            let simulator = try context.simulator()
            let account = try simulator.accounts.resolveAccount(target)
            try simulator.classroom.delete(account)
            return Message(text: "Deleted account \(account).", json: .object(["Deleted": .string(account.rawValue)]))
        }
    }
}

/// `iamsim reset`: accounts back to their starting state.
struct ResetCommand: ConsoleCommand {
    static let action = CommandAction(
        "reset", performs: .resetAccounts,
        "Put accounts back to their fixture's state, atomically (one account or --all)",
        discussion: """
            Each account returns to the fixture it was created from, or with --fixture to that \
            fixture (keeping each account's id, alias, email and root password, with fresh \
            secrets). Keys, devices, users, sessions and lesson progress are replaced, and the \
            trainee's phone is wiped, in one transaction: on any failure nothing changes. The \
            event log keeps everything and records each reset.
            """)
    @OptionGroup var global: GlobalOptions
    @Flag(help: "Reset every account in the database.") var all = false
    @Option(
        help: ArgumentHelp(
            "Reset to this fixture (name or file) instead of each account's own.", valueName: "name-or-path"))
    var fixture: String?

    func validate() throws {
        guard all != (global.account != nil) else {
            throw ValidationError("Say which accounts: --account ID|ALIAS for one, or --all.")
        }
    }

    func execute(in context: CommandContext) throws -> any Renderable {
        let accounts = all ? try context.accounts().listAccounts().map(\.accountID) : [try context.currentAccount()]
        let template = try fixture.map { name throws(LocalError) in try FixtureCatalog.load(name) }
        let bar = ProgressBar(title: "Resetting", total: accounts.count, console: context.console)
        try context.simulator().classroom.reset(accounts, to: template, progress: { bar.update($0) })
        bar.finish()
        let what = accounts.count == 1 ? "account \(accounts[0])" : Plural.count(accounts.count, "account")
        let own = accounts.count == 1 ? "its fixture" : "their fixtures"
        return Message(
            text: "Reset \(what) to " + (template.map { "fixture \($0.name)" } ?? own) + ".",
            json: .object(["Reset": .array(accounts.map { .string($0.rawValue) })]))
    }
}

/// `iamsim export`: an account's current state as a fixture.
struct ExportCommand: ConsoleCommand {
    static let action = CommandAction(
        "export", performs: .exportAccount,
        "Write the account's current state as a fixture that loads back to the same state",
        discussion: "Passwords appear as their hashes, never in plain text. Use --account to choose the account.")
    static let readsOnly = true
    @OptionGroup var global: GlobalOptions
    @Option(help: ArgumentHelp("Write to this file (mode 0600) instead of standard output.", valueName: "file"))
    var file: String?
    @Flag(help: "Replace the --file if it already exists.") var force = false

    func validate() throws {
        guard !force || file != nil else {
            throw ValidationError("--force replaces the file given with --file; give that option too.")
        }
    }

    func execute(in context: CommandContext) throws -> any Renderable {
        let output = try file.map { try SecretFile(path: $0, replacing: force) }
        let fixture = try context.accounts().exportFixture(try context.currentAccount())
        let json = try fixture.jsonText() + "\n"
        if let output {
            try output.write(Array(json.utf8))
            return Message(text: "Exported account \(fixture.account.accountID) to \(output.path).", json: .object([]))
        }
        return RawText(text: json)
    }
}

/// `iamsim fixture validate`: check a fixture without loading it.
struct FixtureCommands: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fixture", abstract: "Check fixture files.", subcommands: [Validate.self])

    struct Validate: ConsoleCommand {
        static let action = CommandAction(
            "validate", performs: .validateFixture,
            "Report every problem of a fixture file with its JSON path (exit 1 when there are any)")
        static let readsOnly = true
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The fixture file.") var file: String

        func execute(in context: CommandContext) throws -> any Renderable {
            guard let data = FileManager.default.contents(atPath: file) else {
                throw LocalError.file(path: file, reason: "no such file, or it is not readable")
            }
            switch Fixture.check(data) {
            case .valid(let fixture): return FixtureVerdict(file: file, name: fixture.name, problems: [])
            case .invalid(let problems): return FixtureVerdict(file: file, name: nil, problems: problems)
            }
        }
    }
}

// MARK: - Output

struct Credentials: Renderable {
    var trainees: [EnrolledTrainee]
    var fixture: String

    /// One row per account: its id, alias, root email and password, and root's first active
    /// access key (the one to sign API requests with), empty where the fixture gives none.
    private var rows: [[String]] {
        trainees.map {
            let key = $0.rootSigningKey
            return [
                $0.trainee.accountID.rawValue, $0.trainee.alias ?? "", $0.trainee.email, $0.trainee.password ?? "",
                key?.accessKeyID ?? "", key?.secretAccessKey ?? "",
            ]
        }
    }

    func text(_ style: TextStyle) -> String {
        let table = TextTable(
            headers: ["ACCOUNT ID", "ALIAS", "ROOT EMAIL", "ROOT PASSWORD", "ACCESS KEY ID", "SECRET ACCESS KEY"],
            rows: rows.map { $0.map { $0.isEmpty ? "-" : $0 } }
        ).rendered()
        return
            "Created \(Plural.count(trainees.count, "account")) from \(fixture). "
            + "The passwords and secret access keys are shown only now:\n\n" + table
    }

    var json: JSONValue {
        .list("Accounts", trainees) {
            .object([
                "AccountId": .string($0.trainee.accountID.rawValue), "AccountAlias": .string($0.trainee.alias),
                "RootEmail": .string($0.trainee.email), "RootPassword": .string($0.trainee.password),
                "RootAccessKeys": .array(
                    $0.rootAccessKeys.map { key in
                        .object([
                            "AccessKeyId": .string(key.accessKeyID), "SecretAccessKey": .string(key.secretAccessKey),
                            "Status": .string((key.status ?? .active).rawValue),
                        ])
                    }),
            ])
        }
    }

    var csv: String? {
        let header = "account_id,account_alias,root_email,root_password,root_access_key_id,root_secret_access_key"
        let lines = rows.map { $0.map(CSVField.escape).joined(separator: ",") }
        return ([header] + lines).joined(separator: "\n") + "\n"
    }
}

struct AccountTable: Renderable {
    var accounts: [AccountInfo]

    func text(_ style: TextStyle) -> String {
        TextTable(
            headers: ["ACCOUNT ID", "ALIAS", "ROOT EMAIL", "FIXTURE", "CREATED"],
            rows: accounts.map {
                [
                    $0.accountID.rawValue, $0.alias ?? "-", $0.rootEmail, $0.fixtureName ?? "-",
                    Timestamp.readable($0.createDate),
                ]
            }
        ).rendered()
    }

    var json: JSONValue {
        .list("Accounts", accounts) {
            .object([
                "AccountId": .string($0.accountID.rawValue), "AccountAlias": .string($0.alias),
                "RootEmail": .string($0.rootEmail), "Fixture": .string($0.fixtureName),
                "CreateDate": .date($0.createDate),
            ])
        }
    }
}

struct FixtureVerdict: Renderable {
    var file: String
    var name: String?
    var problems: [FixtureProblem]

    var exitStatus: Int32 { problems.isEmpty ? ExitStatus.success : ExitStatus.checkFailed }

    func text(_ style: TextStyle) -> String {
        guard !problems.isEmpty else { return "\(file): valid fixture \(name ?? "")." }
        let count = problems.count == 1 ? "1 problem" : "\(problems.count) problems"
        return (["\(file): \(count)"] + problems.map { "  \($0.path): \($0.reason)" }).joined(separator: "\n")
    }

    var json: JSONValue {
        .object([
            "File": .string(file), "Valid": .bool(problems.isEmpty),
            "Problems": .array(problems.map { .object(["Path": .string($0.path), "Reason": .string($0.reason)]) }),
        ])
    }
}

/// Output that is already a JSON document (a fixture), printed as is in text and JSON alike.
struct RawText: Renderable {
    var text: String

    func text(_ style: TextStyle) -> String { text.hasSuffix("\n") ? String(text.dropLast()) : text }
    var json: JSONValue { .verbatim(text.hasSuffix("\n") ? String(text.dropLast()) : text) }
}
