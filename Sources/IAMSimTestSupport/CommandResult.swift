import Foundation

/// What running one iamsim command line produced, as a shell sees it.
public struct CommandResult: Equatable, Sendable {
    public var stdout: String
    public var stderr: String
    public var status: Int32

    public init(stdout: String, stderr: String, status: Int32) {
        self.stdout = stdout
        self.stderr = stderr
        self.status = status
    }
}

/// Runs iamsim command lines against one database, in a scratch folder that is also `HOME`:
/// the built binary (`BinaryHarness`) or the same commands in this process
/// (`InProcessHarness`). A test written against it runs on either.
public protocol CommandLineHarness {
    /// The scratch folder: `HOME`, and where tests put the files commands read and write.
    var folder: URL { get }
    /// The database `run` adds with `--db`.
    var database: String { get }

    /// Runs `iamsim ARGUMENTS` exactly as given (the database is whatever they and the
    /// environment choose), with `HOME` set to the folder.
    @discardableResult
    func runWithoutDatabaseOption(_ arguments: [String], stdin: String?, environment: [String: String]) throws
        -> CommandResult

    /// Runs `sql` on the database as `sqlite3 DATABASE SQL` does, and returns what it prints.
    func sql(_ query: String) throws -> String
}

extension CommandLineHarness {
    public static var password: String { TestValues.password }
    public static var email: String { TestValues.email }
    public static var cheapHash: String { TestValues.cheapHash }

    /// Runs `iamsim ARGUMENTS --db DATABASE` with `stdin` piped in (never a terminal).
    @discardableResult
    public func run(_ arguments: [String], stdin: String? = nil, environment: [String: String] = [:]) throws
        -> CommandResult
    {
        try runWithoutDatabaseOption(arguments + ["--db", database], stdin: stdin, environment: environment)
    }

    /// The environment commands see: `HOME` is the folder, `PATH` the system's, `NO_COLOR`
    /// set, with `environment` on top.
    public func environment(_ environment: [String: String] = [:]) -> [String: String] {
        ["HOME": folder.path, "PATH": "/usr/bin:/bin", "NO_COLOR": "1"].merging(environment) { $1 }
    }

    /// `runWithoutDatabaseOption(_:stdin:environment:)` with defaults, for a harness of either kind.
    @discardableResult
    public func runWithoutDatabaseOption(
        _ arguments: [String], stdin: String? = nil, environment: [String: String] = [:]
    ) throws -> CommandResult {
        try runWithoutDatabaseOption(arguments, stdin: stdin, environment: environment)
    }

    /// Writes the lesson fixture with a cheap pre-computed password hash
    /// (`TestValues.fastFixtureJSON`) into the folder, and returns its path, so that tests do
    /// not spend a second per sign-in on the deliberate default cost in a debug build.
    public func writeFastFixture() throws -> String {
        let path = folder.appendingPathComponent("fast-fixture.json").path
        try Data(TestValues.fastFixtureJSON.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }
}
