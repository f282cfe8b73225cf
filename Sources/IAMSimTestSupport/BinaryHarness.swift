import Foundation

/// Runs the built `iamsim` binary in a scratch folder, as a user would from a shell: one
/// process per command, on a database file.
///
/// For the tests whose subject is the process itself: the real terminal and signals, files and
/// their permissions, several processes at once, the first use of a database file, the demo,
/// and the output of independent checkers run on what the binary wrote. Every other test runs
/// the same commands in process (`InProcessHarness`).
public struct BinaryHarness: CommandLineHarness, Sendable {
    public typealias Result = CommandResult

    public let folder: URL
    public var database: String { folder.appendingPathComponent("iamsim.sqlite").path }

    public init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("iamsim-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    /// The built binary, beside the test bundle.
    public static var binary: URL {
        #if os(macOS)
            let products =
                Bundle.allBundles.first { $0.bundlePath.hasSuffix(".xctest") }?.bundleURL.deletingLastPathComponent()
                ?? Bundle.main.bundleURL
        #else
            let products = Bundle.main.bundleURL
        #endif
        return products.appendingPathComponent("iamsim")
    }

    /// Runs `iamsim ARGUMENTS` exactly as given, in the scratch folder with HOME set to it.
    @discardableResult
    public func runWithoutDatabaseOption(
        _ arguments: [String], stdin: String? = nil, environment: [String: String] = [:]
    ) throws -> Result {
        try Self.execute(
            Self.binary, arguments, stdin: stdin, environment: self.environment(environment), directory: folder)
    }

    /// Runs `sqlite3 DATABASE SQL`.
    public func sql(_ query: String) throws -> String {
        try Self.tool("/usr/bin/sqlite3", [database, query]).stdout
    }

    /// Runs another program (an independent checker such as `zbarimg`, `sqlite3` or `python3`, a
    /// client such as the aws CLI), in `environment` (else this process's) and `directory` (else
    /// this process's).
    @discardableResult
    public static func tool(
        _ path: String, _ arguments: [String], stdin: String? = nil, environment: [String: String]? = nil,
        directory: URL? = nil
    ) throws -> Result {
        try execute(URL(fileURLWithPath: path), arguments, stdin: stdin, environment: environment, directory: directory)
    }

    /// Runs a program with `stdin` piped in (never a terminal) and collects its output.
    private static func execute(
        _ executable: URL, _ arguments: [String], stdin: String?, environment: [String: String]?, directory: URL?
    ) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let environment { process.environment = environment }
        if let directory { process.currentDirectoryURL = directory }
        let input = Pipe()
        let output = Pipe()
        let error = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = error
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            stdout: String(decoding: out, as: UTF8.self), stderr: String(decoding: err, as: UTF8.self),
            status: process.terminationStatus)
    }
}
