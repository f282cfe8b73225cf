import ArgumentParser
import Foundation
import IAMSimApp
import IAMSimCore
import IAMSimStore

/// `iamsim signin`: the console's sign-in pages, for the root user and for IAM users.
struct SignIn: ConsoleCommand {
    static let action = CommandAction(
        "signin", performs: .consoleLogin,
        "Sign in to the console: as root with --email, or as an IAM user with --account and --user",
        discussion: """
            On a terminal, iamsim asks for the password (without echo), for an MFA code when MFA \
            is active, and for a new password when one is required. Without a terminal, pipe the \
            password with --password-stdin (a required new password goes on the second line) and \
            pass --mfa-code; nothing waits for input that is not coming.
            """)
    @OptionGroup var global: GlobalOptions
    @Option(help: "The root user's email address.") var email: String?
    @Option(help: "For an IAM user: the user name (with --account ID|ALIAS, or $IAMSIM_ACCOUNT).") var user: String?
    @Flag(help: "Read the password from the first line of standard input.") var passwordStdin = false
    @Option(help: "A code from the authenticator, when MFA is active.") var mfaCode: String?

    func validate() throws {
        guard (email == nil) != (user == nil) else {
            throw ValidationError(
                "Sign in as root with --email EMAIL, or as an IAM user with --account ACCOUNT --user NAME.")
        }
    }

    func identity(_ context: CommandContext) throws -> SignInIdentity {
        if let email { return .root(email: email) }
        guard let account = global.account ?? context.world.environment["IAMSIM_ACCOUNT"] else {
            throw ValidationError("An IAM user signs in to an account: add --account ID|ALIAS (or set IAMSIM_ACCOUNT).")
        }
        return .user(account: account, userName: user ?? "")
    }

    func execute(in context: CommandContext) throws -> any Renderable {
        let identity = try identity(context)
        let console = context.console
        let password = try PasswordInput.read(console, fromStandardInput: passwordStdin)
        let sessions = try context.sessions()
        // An IAM user's identity already names the account; root's email is looked up only in
        // the selected account, so a trainee's shell never opens someone else's session.
        let restriction = email == nil ? nil : try context.selectedAccount()
        var code = mfaCode
        var newPassword: String?
        // The console's pages in turn: password, then a new password or an MFA code as asked.
        for _ in 0..<3 {
            switch try sessions.signIn(
                identity, password: password, mfaCode: code, newPassword: newPassword, account: restriction)
            {
            case .signedIn(let session):
                return SignedIn(session: session, identity: identity)
            case .mfaRequired:
                guard code == nil, console.isInteractive else { throw CommandError.mfaCodeRequired }
                guard let entered = console.prompt("MFA code: ", false) else {
                    throw CommandError(message: "No MFA code entered.", status: ExitStatus.interrupted)
                }
                code = entered.trimmingCharacters(in: .whitespaces)
            case .passwordChangeRequired(let reason):
                guard newPassword == nil else { throw IAMError.signInFailed }
                newPassword = try Self.newPassword(reason: reason, console, fromStandardInput: passwordStdin)
            }
        }
        throw IAMError.signInFailed
    }

    /// A new password: the second line of standard input, or typed twice on a terminal.
    static func newPassword(reason: String, _ console: Console, fromStandardInput: Bool) throws -> String {
        if fromStandardInput {
            guard let line = console.readStandardInput() else {
                throw CommandError.passwordChangeRequired(reason)
            }
            return line
        }
        guard console.isInteractive else { throw CommandError.passwordChangeRequired(reason) }
        console.printError(reason)
        guard let first = console.prompt("New password: ", true),
            let second = console.prompt("Confirm new password: ", true)
        else {
            throw CommandError(message: "No password entered.", status: ExitStatus.interrupted)
        }
        guard first == second else { throw CommandError(message: "The two new passwords differ; nothing changed.") }
        return first
    }

    func hint(for error: IAMError) -> String? {
        guard error == .signInFailed, mfaCode != nil else { return nil }
        return
            "With MFA active, use the code the authenticator shows now. Each code works once: a code already used (for example to activate the device) is refused, so wait for the next one."
    }

    /// Why the code was refused: the store says so only once the password was right, so this
    /// never tells which part of a failed sign-in was wrong.
    func hint(for error: IAMError, refusal: CodeRefusal?) -> String? {
        guard let refusal else { return hint(for: error) }
        let resync =
            email != nil
            ? "iamsim mfa resync DEVICE --email EMAIL --code1 C1 --code2 C2"
            : "sign in as the root user and run iamsim mfa resync DEVICE --user \(user ?? "NAME") --code1 C1 --code2 C2"
        switch refusal {
        case .alreadyUsed:
            return
                "This MFA code was already used (to activate the device, resync it or sign in), and each code works once. Wait for the authenticator's next code."
        case .tooFarFromNow(let steps):
            return
                "This is the device's code, but from \(CodePair.distance(steps)) \(steps < 0 ? "behind" : "ahead of") the time iamsim expects, and sign-in takes codes at most \(MFACodeRules.signInWindow * 30) s either side: the phone's clock is off. Resync the device with two consecutive codes: \(resync)"
        case .simulatedClockStopped:
            return
                "This MFA code matches real time, but iamsim's clock is simulated and stands still: the authenticator reads real time. Return to real time with: iamsim clock real (or read the code from iamsim authenticator codes, which follows the simulated clock)."
        case .wrong, .identical, .notConsecutive:
            return
                "This is not the code the device shows now: read the device's entry in the authenticator (iamsim authenticator codes) and type its current code."
        }
    }
}

/// A secret typed by the user: piped (`--password-stdin`, `--secret-stdin`), typed without
/// echo on a terminal, or an error, never a wait on input that is not coming.
enum PasswordInput {
    static func read(
        _ console: Console, fromStandardInput: Bool, prompt: String = "Password: ", what: String = "password",
        flag: String = "--password-stdin"
    ) throws -> String {
        if fromStandardInput {
            guard let line = console.readStandardInput() else {
                throw CommandError(message: "\(flag) was given but standard input is empty.")
            }
            return line
        }
        guard console.isInteractive else {
            throw CommandError(
                message: "No \(what): run this in a terminal to be asked for it, or pipe it with \(flag).")
        }
        guard let typed = console.prompt(prompt, true) else {
            throw CommandError(message: "No \(what) entered.", status: ExitStatus.interrupted)
        }
        return typed
    }
}

// What the console would ask for on its next page, where no terminal can: the command line's
// failure, not AWS's answer (a usage error, exit 64).
extension CommandError {
    /// A new password is needed where no terminal can ask for one.
    static func passwordChangeRequired(_ reason: String) -> CommandError {
        CommandError(
            message:
                "\(reason) Pipe the current password and then the new one on two lines with --password-stdin, or sign in from a terminal."
        )
    }

    /// Sign-in without a code, where no terminal can ask for one.
    static let mfaCodeRequired = CommandError(
        message:
            "MFA code required: this identity has MFA active. Pass --mfa-code CODE (iamsim authenticator codes shows it)."
    )
}

/// `iamsim signout`.
struct SignOut: ConsoleCommand {
    static let action = CommandAction(
        "signout", performs: .consoleSignOut, "Sign out: end every console session of the signed-in identity")
    @OptionGroup var global: GlobalOptions

    func execute(in context: CommandContext) throws -> any Renderable {
        guard let principal = try context.sessions().signOut(account: try context.selectedAccount()) else {
            return Message(text: "You were not signed in.", json: .object(["SignedOut": .bool(false)]))
        }
        return Message(
            text: "Signed out of account \(principal.accountID) (\(principal.displayName)).",
            json: .object(["SignedOut": .bool(true), "Arn": .string(principal.arn)]))
    }
}

/// `iamsim whoami`: STS GetCallerIdentity for the console session.
struct WhoAmI: ConsoleCommand {
    static let action = CommandAction(
        "whoami", performs: .getCallerIdentity, "Show who is signed in and whether MFA was used")
    @OptionGroup var global: GlobalOptions

    func execute(in context: CommandContext) throws -> any Renderable {
        Identity(identity: try context.sessions().callerIdentity(account: try context.selectedAccount()))
    }
}

// MARK: - Output

struct SignedIn: Renderable {
    var session: ConsoleSession
    var identity: SignInIdentity

    func text(_ style: TextStyle) -> String {
        let mfa = session.mfaUsed ? "with MFA" : "without MFA"
        let who =
            switch identity {
            case .root(let email): "the root user (\(email))"
            case .user: "the \(session.principal.displayName)"
            }
        return
            "Signed in to account \(session.principal.accountID) as \(who), \(mfa). The session lasts until \(Timestamp.readable(session.expireDate))."
    }

    var json: JSONValue {
        .object([
            "ConsoleLogin": .string("Success"),
            "Account": .string(session.principal.accountID.rawValue),
            "Arn": .string(session.principal.arn),
            "MFAUsed": .string(session.mfaUsed ? "Yes" : "No"),
            "SessionExpiration": .date(session.expireDate),
        ])
    }
}

struct Identity: Renderable {
    var identity: CallerIdentity

    func text(_ style: TextStyle) -> String {
        """
        Account:  \(identity.account)
        Arn:      \(identity.arn)
        UserId:   \(identity.userID)
        MFA used: \(identity.multiFactorAuthPresent ? "yes" : "no")
        Session:  signed in \(Timestamp.readable(identity.session.signInDate)), expires \(Timestamp.readable(identity.session.expireDate))
        """
    }

    /// `GetCallerIdentity`'s answer, plus iamsim's `MultiFactorAuthPresent` (the session's
    /// `aws:MultiFactorAuthPresent`).
    var json: JSONValue {
        JSONValue(Shapes.getCallerIdentity(identity)).adding([
            "MultiFactorAuthPresent": .bool(identity.multiFactorAuthPresent)
        ])
    }
}
