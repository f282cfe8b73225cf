import ArgumentParser
import IAMSimApp
import IAMSimCore
import IAMSimStore

/// `iamsim password-policy …`: the account password policy for IAM users.
struct PasswordPolicyCommands: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "password-policy", abstract: "Show, set or delete the account password policy.",
        subcommands: [Show.self, Update.self, Delete.self], defaultSubcommand: Show.self)

    struct Show: ConsoleCommand {
        static let action = CommandAction("show", performs: .getAccountPasswordPolicy, "Show the policy")
        @OptionGroup var global: GlobalOptions

        func execute(in context: CommandContext) throws -> any Renderable {
            PolicyView(policy: try context.store().getPasswordPolicy(caller: context.caller))
        }
    }

    struct Update: ConsoleCommand {
        static let action = CommandAction(
            "update", performs: .updateAccountPasswordPolicy, "Set the policy",
            discussion: """
                As in AWS this is not a partial update: every setting you leave out goes back to \
                its default (length 6, nothing required, passwords never expire, reuse allowed).
                """)
        @OptionGroup var global: GlobalOptions
        @Option(help: "Minimum length, 6 to 128.") var minimumPasswordLength: Int = 6
        @Flag(help: "Require at least one of ! @ # $ % ^ & * ( ) _ + - = [ ] { } | '.") var requireSymbols = false
        @Flag(help: "Require at least one digit.") var requireNumbers = false
        @Flag(help: "Require at least one uppercase letter (A-Z).") var requireUppercaseCharacters = false
        @Flag(help: "Require at least one lowercase letter (a-z).") var requireLowercaseCharacters = false
        @Flag(help: "Let IAM users change their own passwords.") var allowUsersToChangePassword = false
        @Option(help: "Days before a password expires, 1 to 1095.") var maxPasswordAge: Int?
        @Option(help: "How many previous passwords cannot be reused, 1 to 24.") var passwordReusePrevention: Int?
        @Flag(help: "Expired passwords can only be reset by an administrator.") var hardExpiry = false

        func execute(in context: CommandContext) throws -> any Renderable {
            let policy = PasswordPolicy(
                minimumPasswordLength: minimumPasswordLength, requireSymbols: requireSymbols,
                requireNumbers: requireNumbers, requireUppercaseCharacters: requireUppercaseCharacters,
                requireLowercaseCharacters: requireLowercaseCharacters,
                allowUsersToChangePassword: allowUsersToChangePassword, maxPasswordAge: maxPasswordAge,
                passwordReusePrevention: passwordReusePrevention, hardExpiry: hardExpiry)
            try context.store().updatePasswordPolicy(caller: context.caller, policy: policy)
            return Message(
                text: "Password policy updated.\n" + PolicyView(policy: policy).text(context.style), json: .object([]))
        }
    }

    struct Delete: ConsoleCommand {
        static let action = CommandAction("delete", performs: .deleteAccountPasswordPolicy, "Delete the policy")
        @OptionGroup var global: GlobalOptions

        func execute(in context: CommandContext) throws -> any Renderable {
            try context.store().deletePasswordPolicy(caller: context.caller)
            return Message(text: "Password policy deleted; AWS's default policy applies again.", json: .object([]))
        }
    }
}

struct PolicyView: Renderable {
    var policy: PasswordPolicy

    func text(_ style: TextStyle) -> String {
        func yes(_ flag: Bool) -> String { flag ? "yes" : "no" }
        return """
            MinimumPasswordLength:      \(policy.minimumPasswordLength)
            RequireSymbols:             \(yes(policy.requireSymbols))
            RequireNumbers:             \(yes(policy.requireNumbers))
            RequireUppercaseCharacters: \(yes(policy.requireUppercaseCharacters))
            RequireLowercaseCharacters: \(yes(policy.requireLowercaseCharacters))
            AllowUsersToChangePassword: \(yes(policy.allowUsersToChangePassword))
            MaxPasswordAge:             \(policy.maxPasswordAge.map { Plural.count($0, "day") } ?? "never expire")
            PasswordReusePrevention:    \(policy.passwordReusePrevention.map { "last \($0)" } ?? "none")
            HardExpiry:                 \(yes(policy.hardExpiry))
            """
    }

    var json: JSONValue { JSONValue(Shapes.getAccountPasswordPolicy(policy)) }
}
