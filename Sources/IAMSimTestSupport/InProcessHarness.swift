import ArgumentParser
import Foundation
import IAMSimApp
import IAMSimCLI
import IAMSimCore
import IAMSimDatabase

/// Runs iamsim's command lines in this process, against in-memory databases, and returns what
/// the binary would print and its exit status: `BinaryHarness` without a process per command.
///
/// A command line is parsed by the real root command (`IAMSimCommand.parseAsRoot`), and run as
/// the binary runs it: a console command through `CommandRunner`, on a console that reads the
/// given standard input as a pipe and keeps what is written; anything else (`help`, a group
/// named alone, a usage error) is reported as ArgumentParser's `exit(withError:)` reports it,
/// at the 80 columns a pipe gets. As for the binary, `HOME` is the scratch folder, `NO_COLOR`
/// is set, and nothing is a terminal.
///
/// Each database path a command resolves to (`--db`, `IAMSIM_DB`, the XDG default) is its own
/// in-memory database, created empty on first use, so that a command on a new path seeds it
/// from the built-in fixture and says so, as on a new file. `database`, which `run` passes, is
/// `:memory:`. What only a file or a process has (permissions, another process, a terminal,
/// signals, a relative path against the working directory) needs `BinaryHarness`.
public final class InProcessHarness: CommandLineHarness, @unchecked Sendable {
    public typealias Result = CommandResult

    public let folder: URL
    /// The path of the harness's main database, which `run` passes with `--db`.
    public let database = ":memory:"
    public let wallClock: WallClock
    public let random: RandomSource
    public let hasher: PasswordHasher
    private let lock = NSLock()
    private var simulators: [String: Simulator] = [:]

    /// - Parameters:
    ///   - wallClock: real time by default, as the binary reads it (a simulated clock is stored
    ///     in the database, per account).
    ///   - random: shared by every database of the harness.
    ///   - hasher: the cheap cost by default: passwords are checked by the real code path, and
    ///     the cost shows only in the stored hashes (and `export`). Pass `PasswordHasher()` for
    ///     the binary's.
    public init(
        wallClock: WallClock = .system, random: RandomSource = .seeded(1),
        hasher: PasswordHasher = TestValues.cheapHasher
    ) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("iamsim-in-process-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        self.wallClock = wallClock
        self.random = random
        self.hasher = hasher
    }

    /// The simulator on the main database (`database`), to look at what commands left.
    public var simulator: Simulator {
        get throws { try simulator(at: database) }
    }

    /// The simulator on the in-memory database at `path`, created empty on first use.
    public func simulator(at path: String) throws -> Simulator {
        lock.lock()
        defer { lock.unlock() }
        if let simulator = simulators[path] { return simulator }
        let simulator = Simulator(
            database: try AppDatabase.inMemory(), wallClock: wallClock, random: random, hasher: hasher)
        simulators[path] = simulator
        return simulator
    }

    // MARK: - Running command lines

    /// Runs `iamsim ARGUMENTS` exactly as given, with `stdin` piped in.
    @discardableResult
    public func runWithoutDatabaseOption(
        _ arguments: [String], stdin: String? = nil, environment: [String: String] = [:]
    ) throws -> Result {
        let scripted = ScriptedConsole(standardInput: stdin)
        let status = run(arguments, console: scripted.console, environment: environment)
        return Result(stdout: scripted.standardOutput, stderr: scripted.standardError, status: status)
    }

    /// Runs `iamsim ARGUMENTS` exactly as given on `console` (an interactive script, say), and
    /// returns the exit status.
    @discardableResult
    public func run(_ arguments: [String], console: Console, environment: [String: String] = [:]) -> Int32 {
        let world = World.scripted(
            console, environment: self.environment(environment), wallClock: wallClock, random: random,
            passwordHasher: hasher)
        let parsed: any ParsableCommand
        switch Self.parses.parse(arguments) {
        case .success(let command): parsed = command
        case .failure(let error): return Self.report(error, on: console)
        }
        if let command = parsed as? any ConsoleCommand {
            // An unusable path (an empty IAMSIM_DB) fails in the command's context, as in the binary.
            let path = (try? command.global.databasePath(environment: world.environment)) ?? database
            do {
                return CommandRunner(world: world, simulator: try simulator(at: path)).run(command)
            } catch {
                return Self.report(error, on: console)
            }
        }
        // The demo narrates on the real terminal, on a database file of its own.
        guard type(of: parsed).configuration.commandName != "demo" else {
            console.writeError("InProcessHarness: the demo prints to the terminal itself; run it with BinaryHarness.\n")
            return ExitStatus.unexpected
        }
        // `help`, and a group named alone, print their help by throwing `CleanExit`.
        var command = parsed
        do {
            try command.run()
            return ExitStatus.success
        } catch {
            return Self.report(error, on: console)
        }
    }

    /// Each distinct command line's parse, made once per test run.
    ///
    /// Parsing is a function of the command line alone (no option's transform or `validate()`
    /// reads the clock, the environment or a file), and ArgumentParser's debug build spends
    /// some 17 ms on each (its configuration checks and reflection), more than most commands
    /// take to run in process: tests that run the same lines many times reuse the command, or
    /// the error, parsed the first time.
    private static let parses = ParseCache()

    /// Reports `error` as ArgumentParser's `exit(withError:)` does for the root command: help
    /// on standard output, anything else on standard error, each with a newline; on a pipe,
    /// text is wrapped at 80 columns.
    static func report(_ error: any Error, on console: Console) -> Int32 {
        let text = IAMSimCommand.fullMessage(for: error, columns: 80)
        let status = IAMSimCommand.exitCode(for: error)
        if !text.isEmpty {
            if status.isSuccess { console.write(text + "\n") } else { console.writeError(text + "\n") }
        }
        return status.rawValue
    }

    /// Runs `sql` on the main database as `sqlite3` would (`AppDatabase.sqliteText`).
    public func sql(_ query: String) throws -> String {
        try simulator.database.sqliteText(query)
    }
}

/// Command lines parsed by the real root command, kept by their words.
private final class ParseCache: @unchecked Sendable {
    private let lock = NSLock()
    private var parsed: [[String]: Result<any ParsableCommand, any Error>] = [:]

    func parse(_ arguments: [String]) -> Result<any ParsableCommand, any Error> {
        lock.lock()
        let known = parsed[arguments]
        lock.unlock()
        if let known { return known }
        let result = Result { try IAMSimCommand.parseAsRoot(arguments) }
        lock.lock()
        parsed[arguments] = result
        lock.unlock()
        return result
    }
}

/// Parses `arguments` as the binary does and returns the command they name, as `type`: for
/// tests of parsing (swift-argument-parser's `AssertParseCommand`).
///
/// - Throws: ArgumentParser's error for a command line it refuses; `ParsedAsAnotherCommand`
///   when the line names a command of another type.
public func parseCommand<Command: ParsableCommand>(_ type: Command.Type, _ arguments: [String]) throws -> Command {
    let parsed = try IAMSimCommand.parseAsRoot(arguments)
    guard let command = parsed as? Command else {
        throw ParsedAsAnotherCommand(arguments: arguments, parsed: String(describing: Swift.type(of: parsed)))
    }
    return command
}

/// A command line named another command than the test expected.
public struct ParsedAsAnotherCommand: Error, CustomStringConvertible {
    public var arguments: [String]
    public var parsed: String
    public var description: String { "\(arguments) parses as \(parsed)" }
}
