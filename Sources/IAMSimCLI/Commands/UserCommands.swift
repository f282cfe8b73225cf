import ArgumentParser
import IAMSimApp
import IAMSimCore
import IAMSimStore

/// `iamsim users …`: IAM users (root only: iamsim simulates no policies).
struct UserCommands: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "users", abstract: "Create, list, show, update and delete IAM users.",
        subcommands: [Create.self, List.self, Get.self, Update.self, Delete.self])

    struct Create: ConsoleCommand {
        static let action = CommandAction("create", performs: .createUser, "Create an IAM user")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The user name: 1 to 64 letters, digits and +=,.@_-.") var name: String
        @Option(help: "The path, such as /division/team/.") var path: String = "/"

        func execute(in context: CommandContext) throws -> any Renderable {
            let user = try context.store().createUser(caller: context.caller, userName: name, path: path)
            return Message(
                text:
                    "Created IAM user \(user.userName) (\(user.arn)). Give it a console password with: iamsim login-profile create \(user.userName)",
                json: JSONValue(Shapes.createUser(user)))
        }
    }

    struct List: ConsoleCommand {
        static let action = CommandAction("list", performs: .listUsers, "List IAM users")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Only users whose path starts with this prefix.") var pathPrefix: String?

        func execute(in context: CommandContext) throws -> any Renderable {
            UserList(users: try context.store().listUsers(caller: context.caller, pathPrefix: pathPrefix).items)
        }
    }

    struct Get: ConsoleCommand {
        static let action = CommandAction("get", performs: .getUser, "Show an IAM user")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The user name; yours when you are signed in as an IAM user and leave it out.") var name:
            String?

        func execute(in context: CommandContext) throws -> any Renderable {
            let user = try context.store().getUser(caller: context.caller, userName: name)
            return Message(
                text: """
                    UserName:         \(user.userName)
                    UserId:           \(user.userID)
                    Arn:              \(user.arn)
                    Path:             \(user.path)
                    Created:          \(Timestamp.readable(user.createDate))
                    PasswordLastUsed: \(user.passwordLastUsed.map(Timestamp.readable) ?? "never")
                    """,
                json: JSONValue(Shapes.getUser(user)))
        }
    }

    struct Update: ConsoleCommand {
        static let action = CommandAction(
            "update", performs: .updateUser, "Rename an IAM user or move it to another path",
            discussion: """
                The user keeps its id, so its password, keys, MFA devices, groups and console \
                sessions stay its own; the event log keeps the ARNs it recorded.
                """)
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The user name.") var name: String
        @Option(help: "The new user name: 1 to 64 letters, digits and +=,.@_-.") var newUserName: String?
        @Option(help: "The new path, such as /division/team/.") var newPath: String?

        func validate() throws {
            guard newUserName != nil || newPath != nil else {
                throw ValidationError("Say what to change: --new-user-name NAME, --new-path PATH, or both.")
            }
        }

        func execute(in context: CommandContext) throws -> any Renderable {
            let user = try context.store().updateUser(
                caller: context.caller, userName: name, newUserName: newUserName, newPath: newPath)
            return Message(
                text: "IAM user \(name) is now \(user.userName), path \(user.path) (\(user.arn)).", json: .object([]))
        }
    }

    struct Delete: ConsoleCommand {
        static let action = CommandAction(
            "delete", performs: .deleteUser,
            "Delete an IAM user that has no password, keys, MFA devices or groups left")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The user name.") var name: String

        func execute(in context: CommandContext) throws -> any Renderable {
            try context.store().deleteUser(caller: context.caller, userName: name)
            return Message(text: "Deleted IAM user \(name).", json: .object([]))
        }

        /// The commands that remove exactly what the user still has, read after the refusal.
        func hint(for error: IAMError, in context: CommandContext) -> String? {
            guard case .deleteConflict = error,
                let left = try? context.store().deleteUserConflicts(caller: context.caller, userName: name),
                !left.isEmpty
            else { return nil }
            return "Remove what \(left.userName) still has first: " + Self.removalCommands(left).joined(separator: "; ")
                + "."
        }

        static func removalCommands(_ left: IAMStore.UserAttachments) -> [String] {
            let user = left.userName
            return (left.hasLoginProfile ? ["iamsim login-profile delete \(user)"] : [])
                + left.accessKeyIDs.map { "iamsim access-keys delete \($0) --user \(user)" }
                + left.mfaDeviceNames.map { "iamsim mfa remove \($0) --user \(user)" }
                + left.groupNames.map { "iamsim groups remove-user \($0) \(user)" }
        }
    }
}

struct UserList: Renderable {
    var users: [User]

    func text(_ style: TextStyle) -> String {
        TextTable(
            headers: ["USER NAME", "USER ID", "PATH", "CREATED", "PASSWORD LAST USED"],
            rows: users.map {
                [
                    $0.userName, $0.userID, $0.path, Timestamp.readable($0.createDate),
                    $0.passwordLastUsed.map(Timestamp.readable) ?? "-",
                ]
            }
        ).rendered(empty: "No IAM users. Create one with: iamsim users create NAME")
    }

    var json: JSONValue { JSONValue(Shapes.listUsers(users, isTruncated: false, marker: nil)) }
}

/// `iamsim login-profile …`: IAM users' console passwords.
struct LoginProfileCommands: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "login-profile",
        abstract: "Give an IAM user a console password, change or remove it.",
        discussion: """
            Passwords are checked against the account's password policy (or AWS's default policy \
            when there is none). On a terminal iamsim asks for the password; otherwise pipe it \
            with --password-stdin.
            """,
        subcommands: [Create.self, Update.self, Get.self, Delete.self])

    struct Create: ConsoleCommand {
        static let action = CommandAction("create", performs: .createLoginProfile, "Give a user a console password")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The user name.") var userName: String
        @Flag(help: "Read the password from the first line of standard input.") var passwordStdin = false
        @Flag(help: "Make the user choose a new password at the next sign-in.") var passwordResetRequired = false

        func execute(in context: CommandContext) throws -> any Renderable {
            let password = try PasswordInput.read(context.console, fromStandardInput: passwordStdin)
            let store = try context.store()
            let profile = try store.createLoginProfile(
                caller: context.caller, userName: userName, password: password,
                passwordResetRequired: passwordResetRequired)
            // The profile exists now: a failed read of the account's name only shortens the hint.
            let signIn = (try? context.sessions().signInAccountName(caller: context.caller)).map {
                ": iamsim signin --account \($0) --user \(profile.userName)"
            }
            return Message(
                text: "\(profile.userName) can now sign in to the console" + (signIn ?? "")
                    + (profile.passwordResetRequired ? " (a new password is required at the first sign-in)" : ""),
                json: JSONValue(Shapes.createLoginProfile(profile)))
        }
    }

    struct Update: ConsoleCommand {
        static let action = CommandAction(
            "update", performs: .updateLoginProfile, "Set a user's new password and/or the reset requirement")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The user name.") var userName: String
        @Flag(help: "Set a new password, read from the first line of standard input.") var passwordStdin = false
        @Flag(help: "Set a new password, asked for on the terminal.") var newPassword = false
        @Flag(inversion: .prefixedNo, help: "Require (or stop requiring) a new password at the next sign-in.")
        var passwordResetRequired: Bool?

        func execute(in context: CommandContext) throws -> any Renderable {
            let password =
                passwordStdin || newPassword
                ? try PasswordInput.read(context.console, fromStandardInput: passwordStdin) : nil
            guard password != nil || passwordResetRequired != nil else {
                throw CommandError(
                    message:
                        "Nothing to update: give --new-password, --password-stdin or --[no-]password-reset-required.")
            }
            let profile = try context.store().updateLoginProfile(
                caller: context.caller, userName: userName, password: password,
                passwordResetRequired: passwordResetRequired)
            return Message(
                text: "Updated the console password of \(profile.userName)"
                    + (profile.passwordResetRequired ? "; a new password is required at the next sign-in." : "."),
                json: .object([]))
        }
    }

    struct Get: ConsoleCommand {
        static let action = CommandAction(
            "get", performs: .getLoginProfile, "Show whether a user has a console password")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The user name.") var userName: String

        func execute(in context: CommandContext) throws -> any Renderable {
            let profile = try context.store().getLoginProfile(caller: context.caller, userName: userName)
            return Message(
                text: "\(profile.userName) has a console password since \(Timestamp.readable(profile.createDate))"
                    + (profile.passwordResetRequired ? "; a new one is required at the next sign-in." : "."),
                json: JSONValue(Shapes.getLoginProfile(profile)))
        }
    }

    struct Delete: ConsoleCommand {
        static let action = CommandAction("delete", performs: .deleteLoginProfile, "Remove a user's console password")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The user name.") var userName: String

        func execute(in context: CommandContext) throws -> any Renderable {
            try context.store().deleteLoginProfile(caller: context.caller, userName: userName)
            return Message(text: "\(userName) can no longer sign in to the console.", json: .object([]))
        }
    }
}

/// `iamsim change-password`: an IAM user changes its own password.
struct ChangePasswordCommand: ConsoleCommand {
    static let action = CommandAction(
        "change-password", performs: .changePassword, "Change your own password, signed in as an IAM user",
        discussion: "With --password-stdin, the first line is the old password and the second the new one.")
    @OptionGroup var global: GlobalOptions
    @Flag(help: "Read the old and new passwords from the first two lines of standard input.") var passwordStdin = false

    func execute(in context: CommandContext) throws -> any Renderable {
        let console = context.console
        let old: String
        let new: String
        if passwordStdin {
            guard let first = console.readStandardInput(), let second = console.readStandardInput() else {
                throw CommandError(message: "--password-stdin needs two lines: the old password, then the new one.")
            }
            (old, new) = (first, second)
        } else {
            guard console.isInteractive else {
                throw CommandError(message: "No passwords: run this in a terminal, or pipe them with --password-stdin.")
            }
            guard let first = console.prompt("Old password: ", true),
                let second = console.prompt("New password: ", true)
            else {
                throw CommandError(message: "No password entered.", status: ExitStatus.interrupted)
            }
            (old, new) = (first, second)
        }
        try context.store().changePassword(caller: context.caller, oldPassword: old, newPassword: new)
        return Message(text: "Your password is changed.", json: .object([]))
    }
}
