import ArgumentParser
import IAMSimApp
import IAMSimCore

/// `iamsim lesson …`: the guided lesson.
struct LessonCommands: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lesson",
        abstract: "The guided lesson: what to do next, your progress, and starting over.",
        discussion: """
            iamsim reads your progress from the account's real state (and the event log), so \
            you can run the commands yourself in any shell and come back: 'iamsim lesson' \
            picks up where you are. On a terminal it offers to run each step's command for you.
            """,
        subcommands: [Next.self, Status.self, Reset.self],
        defaultSubcommand: Next.self)

    struct Next: ConsoleCommand {
        static let action = CommandAction(
            "next", performs: .lessonNext, "Show what was just done and the next step (on a terminal, offer to run it)")
        @OptionGroup var global: GlobalOptions

        func execute(in context: CommandContext) throws -> any Renderable {
            let guide = LessonGuide(context: context, lesson: .rootMFA)
            guard context.console.isInteractive, global.output == .text else {
                return LessonView(reading: try guide.read(), mode: .next)
            }
            _ = try guide.play()
            return Message(text: "", json: .object([]))
        }
    }

    struct Status: ConsoleCommand {
        static let action = CommandAction(
            "status", performs: .lessonStatus, "Show every step of the lesson and whether it is done")
        @OptionGroup var global: GlobalOptions

        func execute(in context: CommandContext) throws -> any Renderable {
            LessonView(reading: try LessonGuide(context: context, lesson: .rootMFA).read(), mode: .status)
        }
    }

    struct Reset: ConsoleCommand {
        static let action = CommandAction(
            "reset", performs: .lessonReset,
            "Start over: the account back to its fixture, the authenticator wiped, progress cleared")
        @OptionGroup var global: GlobalOptions

        func execute(in context: CommandContext) throws -> any Renderable {
            let account = try LessonGuide(context: context, lesson: .rootMFA).reset()
            return Message(
                text: """
                    Account \(account) is back to its starting state, the authenticator is empty, and any console \
                    session has ended. The lesson starts again at step 1: iamsim lesson
                    """,
                json: .object(["AccountId": .string(account.rawValue), "Reset": .bool(true)]))
        }
    }
}
