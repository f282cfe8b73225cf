import ArgumentParser

/// `iamsim`: an offline simulator of the AWS IAM console's root-account security lesson.
public struct IAMSimCommand: ParsableCommand {
    public static let version = "0.1.0"

    public static let configuration = CommandConfiguration(
        commandName: "iamsim",
        abstract: "An offline simulator of the AWS IAM console: practise securing the root account.",
        discussion: """
            Start with 'iamsim demo' to watch the whole lesson, then walk it yourself with \
            'iamsim lesson', which says what to do next (root user trainee@example.com, \
            password Activate-MFA-2026!). \
            State lives in one SQLite file (see --db), created from the built-in lesson \
            fixture the first time any command needs it.
            """,
        version: version,
        groupedSubcommands: [
            CommandGroup(
                name: "Console", subcommands: [SignIn.self, SignOut.self, WhoAmI.self, DashboardCommand.self]),
            CommandGroup(
                name: "Security credentials",
                subcommands: [AccessKeyCommands.self, MFACommands.self, ChangePasswordCommand.self]),
            CommandGroup(
                name: "Identities",
                subcommands: [
                    UserCommands.self, LoginProfileCommands.self, GroupCommands.self, PasswordPolicyCommands.self,
                ]),
            CommandGroup(name: "Your devices", subcommands: [AuthenticatorCommands.self, HardwareTokenCommand.self]),
            CommandGroup(
                name: "Audit", subcommands: [AuditCommand.self, CredentialReportCommands.self, EventsCommand.self]),
            CommandGroup(name: "Learning", subcommands: [LessonCommands.self, DemoCommand.self]),
            CommandGroup(
                name: "Classroom",
                subcommands: [
                    AccountCommands.self, ResetCommand.self, ClassCommands.self, ExportCommand.self,
                    FixtureCommands.self,
                ]),
            CommandGroup(
                name: "Simulation",
                subcommands: [InitCommand.self, ClockCommands.self, ServeCommand.self]),
        ])

    public init() {}
}
