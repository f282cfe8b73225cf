import ArgumentParser
import Foundation
import IAMSimApp
import IAMSimCore
import IAMSimDevices
import IAMSimQR

/// `iamsim authenticator …`: the trainee's phone.
struct AuthenticatorCommands: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "authenticator",
        abstract: "A simulated authenticator app: add accounts, list them, read their codes.",
        discussion: """
            It plays the phone of the lesson. It learns a secret only as a phone does, from a \
            typed secret key or an otpauth:// URI, and reads the same clock as the simulator.
            """,
        subcommands: [Add.self, Scan.self, List.self, Codes.self, Remove.self])

    struct Add: ConsoleCommand {
        static let action = CommandAction(
            "add", performs: .addAuthenticatorAccount, "Add an account from a secret key or an otpauth:// URI")
        @OptionGroup var global: GlobalOptions
        @Option(help: "The base32 secret key, as shown by mfa assign --show-secret.") var secret: String?
        @Option(help: "An otpauth://totp/ URI, as held by the QR code.") var uri: String?
        @Option(help: "The name to show for the account.") var label: String?

        func validate() throws {
            guard (secret == nil) != (uri == nil) else {
                throw ValidationError("Give exactly one of --secret or --uri.")
            }
        }

        func execute(in context: CommandContext) throws -> any Renderable {
            let authenticator = try context.authenticator()
            let account =
                if let secret {
                    try authenticator.add(secret: secret, label: label)
                } else {
                    try authenticator.add(uri: uri ?? "", label: label)
                }
            return Message(
                text:
                    "Added \(account.displayName) to the authenticator. See its codes with: iamsim authenticator codes",
                json: .object(["Label": .string(account.label), "Issuer": .string(account.issuer)]))
        }
    }

    struct Scan: ConsoleCommand {
        static let action = CommandAction(
            "scan", performs: .scanQRCode, "Add an account by scanning a QR code image (PNG), as a phone camera would")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "A PNG image holding the QR code, such as one written by mfa assign --qr-png.") var file: String
        @Option(help: "The name to show for the account.") var label: String?

        /// An image that cannot be read or holds no authenticator code is a file iamsim cannot
        /// use (`LocalError.file`, exit 253), as a phone's camera would find nothing to add.
        func execute(in context: CommandContext) throws -> any Renderable {
            guard let data = FileManager.default.contents(atPath: file) else {
                throw LocalError.file(path: file, reason: "no such file, or it is not readable")
            }
            let uri: String
            do {
                uri = try Authenticator.authenticatorURI(inPNG: Array(data))
            } catch {
                throw LocalError.file(path: file, reason: error.clause)
            }
            let account = try context.authenticator().add(uri: uri, label: label)
            return Message(
                text:
                    "Scanned \(file): added \(account.displayName) to the authenticator. See its codes with: iamsim authenticator codes",
                json: .object(["Label": .string(account.label), "Issuer": .string(account.issuer), "URI": .string(uri)])
            )
        }

    }

    struct List: ConsoleCommand {
        static let action = CommandAction(
            "list", performs: .listAuthenticatorAccounts, "List the authenticator's accounts")
        @OptionGroup var global: GlobalOptions

        func execute(in context: CommandContext) throws -> any Renderable {
            AccountList(accounts: try context.authenticator().accounts())
        }
    }

    struct Codes: ConsoleCommand {
        static let action = CommandAction(
            "codes", performs: .getAuthenticatorCodes,
            "Show each account's current code and the seconds before it changes")
        @OptionGroup var global: GlobalOptions

        func execute(in context: CommandContext) throws -> any Renderable {
            CodeList(codes: try context.authenticator().codes())
        }
    }

    struct Remove: ConsoleCommand {
        static let action = CommandAction(
            "remove", performs: .removeAuthenticatorAccount, "Remove an account from the authenticator")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The account's label.") var label: String

        func execute(in context: CommandContext) throws -> any Renderable {
            try context.authenticator().remove(label: label)
            return Message(text: "Removed \(label) from the authenticator.", json: .object([]))
        }
    }
}

// MARK: - Output

struct AccountList: Renderable {
    var accounts: [AuthenticatorAccount]

    func text(_ style: TextStyle) -> String {
        TextTable(
            headers: ["LABEL", "ACCOUNT", "ADDED"],
            rows: accounts.map { [$0.label, $0.displayName, Timestamp.readable($0.addedDate)] }
        ).rendered(empty: "The authenticator has no accounts. Add one with: iamsim authenticator add --uri URI")
    }

    var json: JSONValue {
        .list("Accounts", accounts) {
            .object([
                "Label": .string($0.label), "Issuer": .string($0.issuer),
                "AccountName": .string($0.accountName),
                "Digits": .int($0.totp.digits), "Period": .int(Int($0.totp.period)),
                "Algorithm": .string($0.totp.algorithm.rawValue), "AddedDate": .date($0.addedDate),
            ])
        }
    }
}

struct CodeList: Renderable {
    var codes: [AuthenticatorCode]

    func text(_ style: TextStyle) -> String {
        TextTable(
            headers: ["LABEL", "CODE", "CHANGES IN", "ACCOUNT"],
            rows: codes.map { [$0.account.label, $0.code, "\($0.secondsRemaining) s", $0.account.displayName] }
        ).rendered(empty: "The authenticator has no accounts. Add one with: iamsim authenticator add --uri URI")
    }

    var json: JSONValue {
        .list("Codes", codes) {
            .object([
                "Label": .string($0.account.label), "Code": .string($0.code),
                "SecondsRemaining": .int($0.secondsRemaining), "Time": .date($0.time),
            ])
        }
    }
}

/// `iamsim hardware-tokens`: the displays of the hardware TOTP tokens in your hands.
struct HardwareTokenCommand: ConsoleCommand {
    static let action = CommandAction(
        "hardware-tokens", performs: .readHardwareTokens,
        "Show the serial and current code of each hardware TOTP token you hold",
        discussion: """
            Fixtures can hand out hardware TOTP tokens (key fobs with a display). Assign one with: \
            iamsim mfa assign NAME --type hardware-totp --serial SERIAL
            """)
    @OptionGroup var global: GlobalOptions

    func execute(in context: CommandContext) throws -> any Renderable {
        TokenList(tokens: try context.hardwareTokens().displays())
    }
}

struct TokenList: Renderable {
    var tokens: [HardwareTokenDisplay]

    func text(_ style: TextStyle) -> String {
        TextTable(
            headers: ["SERIAL NUMBER", "CODE", "CHANGES IN"],
            rows: tokens.map { [$0.serialNumber, $0.code, "\($0.secondsRemaining) s"] }
        ).rendered(empty: "You hold no hardware TOTP tokens (a fixture can hand some out).")
    }

    var json: JSONValue {
        .list("HardwareTokens", tokens) {
            .object([
                "SerialNumber": .string($0.serialNumber), "Code": .string($0.code),
                "SecondsRemaining": .int($0.secondsRemaining),
            ])
        }
    }
}
