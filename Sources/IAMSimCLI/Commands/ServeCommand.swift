import ArgumentParser
import Foundation
import IAMSimCore

/// `iamsim serve`: the IAM and STS Query API for the aws CLI, boto3 and audit tools, over the
/// same database as the CLI.
///
/// The server is its own executable, `iamsim-server`, installed beside `iamsim`: linking
/// Hummingbird and SwiftNIO into `iamsim` would slow every CLI command's start-up
/// (docs/performance.md, "The server"). `swift build` builds both. This command checks its
/// options and becomes that program (`execv`).
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the IAM and STS Query API (aws CLI, boto3) over this database.",
        discussion: """
            Listens on 127.0.0.1:4566 by default and prints how to point the aws CLI \
            (--endpoint-url) and boto3 (endpoint_url, AWS_ENDPOINT_URL) at it. Requests are \
            signed with SigV4 by an access key of the database; the key decides the account, so \
            one server serves a whole classroom (with --account, only that account's keys are \
            accepted). The CLI and the server can use the database at the same time. Ctrl-C stops it once requests in flight are answered. See docs/api.md.

            --compat moto is for boto3 test suites written for moto's server mode, never for a \
            class: POST /moto-api/reset resets the database to its fixtures, a request signed \
            with an access key the database does not hold acts as the root user, and any \
            six-digit MFA code is accepted. Off by default; the start-up lines and every log \
            line say when it is on.
            """)
    @OptionGroup var global: GlobalOptions
    @Option(help: "The address to listen on (other than loopback, other machines can reach it).") var host = "127.0.0.1"
    @Option(help: "The port to listen on (0: any free port, printed at start).") var port = 4566
    @Option(
        help: ArgumentHelp(
            "Follow a test tool's conventions beyond AWS's rules (moto: see above and docs/api.md).", valueName: "mode")
    )
    var compat: Compatibility?

    /// `--compat`'s values, as `iamsim-server` takes them.
    enum Compatibility: String, ExpressibleByArgument, CaseIterable {
        case moto
    }

    func validate() throws {
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be from 0 to 65535.") }
        guard !host.isEmpty else { throw ValidationError("--host needs an address, such as 127.0.0.1.") }
    }

    mutating func run() throws {
        let world = World.live
        let path: String
        do {
            path = try global.databasePath(environment: world.environment)
        } catch {
            let report = ErrorReport.describe(error, operation: .serve)
            world.console.printError(report.message)
            throw ExitCode(report.status)
        }
        let server = Self.serverExecutable()
        var arguments = ["iamsim-server", "--db", path, "--host", host, "--port", String(port)]
        // An account to serve alone (otherwise every account, each key in its own).
        if let account = global.account ?? world.environment["IAMSIM_ACCOUNT"], !account.isEmpty {
            arguments += ["--account", account]
        }
        if let compat { arguments += ["--compat", compat.rawValue] }
        guard FileManager.default.isExecutableFile(atPath: server) else {
            world.console.printError(
                "iamsim: error: The server program \(server) is missing. swift build (or swift build -c release) builds it beside iamsim; swift run iamsim builds iamsim alone."
            )
            throw ExitCode(ExitStatus.environment)
        }
        var pointers = arguments.map { strdup($0) } + [nil]
        execv(server, &pointers)
        world.console.printError("iamsim: error: Cannot start \(server): \(String(cString: strerror(errno))).")
        throw ExitCode(ExitStatus.environment)
    }

    /// `iamsim-server` in the folder of the running `iamsim`.
    static func serverExecutable() -> String {
        let own =
            (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        return URL(fileURLWithPath: own).deletingLastPathComponent().appendingPathComponent("iamsim-server").path
    }
}
