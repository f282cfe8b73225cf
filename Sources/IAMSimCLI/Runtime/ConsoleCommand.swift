import ArgumentParser
import Foundation
import IAMSimApp
import IAMSimCore

/// A command that runs against the simulator: `run()` is plumbing, `execute(in:)` the
/// behaviour, which returns a value and never prints, so the demo and tests can call it.
public protocol ConsoleCommand: ParsableCommand {
    /// The command's name and help, and the AWS (or iamsim) operation named in its error
    /// messages: `DeleteAccessKey`.
    static var action: CommandAction { get }
    var global: GlobalOptions { get }
    func execute(in context: CommandContext) throws -> any Renderable
    /// What to do about `error`, printed on a second line after the aws-style one; nil for none.
    func hint(for error: IAMError) -> String?
    /// The same, for hints that read the state the failed command left (it changed nothing):
    /// the default is `hint(for:)`.
    func hint(for error: IAMError, in context: CommandContext) -> String?
    /// What to do about `error`, knowing why the store refused an MFA code (`RefusedCodeError`);
    /// by default `hint(for: error)`.
    func hint(for error: IAMError, refusal: CodeRefusal?) -> String?
    /// Whether the command only reads the database (no change, no event logged), so that it
    /// opens it read-only and works on a file the user may only read. False by default.
    static var readsOnly: Bool { get }
}

extension ConsoleCommand {
    /// The name and help `action` gives.
    public static var configuration: CommandConfiguration { action.configuration }

    public func hint(for error: IAMError) -> String? { nil }
    public func hint(for error: IAMError, in context: CommandContext) -> String? { hint(for: error) }

    public func hint(for error: IAMError, refusal: CodeRefusal?) -> String? { hint(for: error) }

    public static var readsOnly: Bool { false }

    public mutating func run() throws {
        let status = CommandRunner(world: .live).run(self)
        if status != ExitStatus.success { throw ExitCode(status) }
    }
}

/// Runs console commands: builds the context, executes, renders, and reports errors.
public struct CommandRunner {
    public let world: World
    /// The simulator commands run on when it is already open (the demo's, a test's in-memory
    /// one); nil opens the database file each command's options name.
    public let simulator: Simulator?

    /// - Parameter simulator: see `CommandContext.init(world:options:simulator:)`.
    public init(world: World, simulator: Simulator? = nil) {
        self.world = world
        self.simulator = simulator
    }

    /// What running a command produced: its output, or the error line and exit status.
    public enum Outcome {
        case output(any Renderable)
        case failure(message: String, status: Int32)
    }

    /// Runs `command` and returns its exit status; output goes to the world's console.
    @discardableResult
    public func run(_ command: any ConsoleCommand) -> Int32 {
        switch execute(command) {
        case .output(let output):
            guard command.global.output != .csv || output.csv != nil else {
                world.console.printError(
                    "iamsim: error: CSV output is not available for this command; use --output text or json.")
                return ExitStatus.usage
            }
            write(output, format: command.global.output)
            return output.exitStatus
        case .failure(let message, let status):
            if !message.isEmpty { world.console.printError(message) }
            return status
        }
    }

    /// Runs `command` without writing its result, mapping any error to its report.
    public func execute(_ command: any ConsoleCommand) -> Outcome {
        var context: CommandContext?
        do {
            let created =
                try simulator.map { try CommandContext(world: world, options: command.global, simulator: $0) }
                ?? CommandContext(world: world, options: command.global, readsOnly: type(of: command).readsOnly)
            context = created
            return .output(try command.execute(in: created))
        } catch {
            let family = ErrorFamily(error)
            let report = ErrorReport.describe(family, operation: type(of: command).action.operation)
            let hint: String? =
                switch family {
                case .refusedCode(let refused):
                    command.hint(for: refused.error, refusal: refused.refusal)
                case .service(let error):
                    context.flatMap { command.hint(for: error, in: $0) } ?? command.hint(for: error, refusal: nil)
                default:
                    nil
                }
            return .failure(message: report.message + (hint.map { "\nHint: " + $0 } ?? ""), status: report.status)
        }
    }

    /// Writes `output` in `format`.
    func write(_ output: any Renderable, format: OutputFormat) {
        switch format {
        case .json:
            if let lines = output.jsonLines {
                for line in lines { world.console.print(line.compact) }
            } else {
                world.console.print(output.json.rendered())
            }
        case .text:
            let text = output.text(TextStyle(colors: world.console.colors))
            if !text.isEmpty { world.console.print(text) }
        case .csv:
            world.console.write(output.csv ?? "")
        }
    }
}
