import Foundation
import Hummingbird
import IAMSimApp
import IAMSimConsole
import IAMSimCore
import IAMSimDatabase
import Logging

/// The `iamsim-server` executable (started by `iamsim serve`): reads its options, opens the
/// database for concurrent use, prints where it listens, and serves until SIGINT or SIGTERM,
/// letting requests in flight finish.
public enum ServerMain {
    /// Runs the server with `arguments` (`--db PATH --host H --port N [--account A] [--compat moto]`);
    /// exits 64 for a usage error and 253 for a database file it cannot use.
    ///
    /// In a compatibility mode, every log line carries it as metadata (`compat=moto`).
    public static func run(_ arguments: [String]) async {
        let configuration: ServerConfiguration
        do {
            configuration = try parse(arguments)
        } catch {
            say("iamsim serve: error: \(error.message)", to: .standardError)
            exit(64)
        }
        var logger = Logger(label: "iamsim.serve")
        logger.logLevel = .info
        if let compatibility = configuration.compatibility {
            logger[metadataKey: "compat"] = .string(compatibility.rawValue)
        }
        do {
            let (simulator, seeded) = try Simulator.open(
                path: configuration.databasePath, access: .readWrite, seed: { try Fixture.builtInDefault() },
                wallClock: .system, random: .system, hasher: PasswordHasher(), connections: .pool,
                codePolicy: configuration.compatibility == .moto ? .anySixDigits : .strict)
            if let fixture = seeded {
                say("iamsim serve: created \(configuration.databasePath) from the built-in fixture \(fixture.name)")
            }
            if !configuration.isLoopback {
                say(
                    "iamsim serve: warning: listening on \(configuration.host), not loopback: other machines can reach this simulator and its secrets."
                )
            }
            let account: AccountID?
            do {
                account = try configuration.account.map { try simulator.accounts.resolveAccount($0) }
            } catch let error as LocalError {
                say("iamsim serve: error: \(error.message)", to: .standardError)
                exit(64)
            }
            let service = try QueryService(
                simulator: simulator, account: account, compatibility: configuration.compatibility)
            let console = ConsoleConfiguration(instructorToken: ConsoleConfiguration.newInstructorToken(.system))
            let rootAccount = try account ?? simulator.accounts.firstAccount()
            let app = QueryServer.application(service, configuration: configuration, logger: logger, console: console) {
                port in
                say(banner(configuration, port: port, console: console, rootAccount: rootAccount))
            }
            if configuration.compatibility == .moto {
                logger.info("compatibility mode moto: not AWS's rules (docs/api.md, \"Compatibility with moto\")")
            }
            try await app.runService()
        } catch let error as DatabaseFileError {
            say("iamsim serve: error: \(error.message)", to: .standardError)
            exit(253)
        } catch {
            say("iamsim serve: error: \(error)", to: .standardError)
            exit(253)
        }
    }

    /// Writes a line at once (standard output is a pipe when a test or a supervisor reads it,
    /// and `print` would hold the line in its buffer until the server stops).
    static func say(_ line: String, to handle: FileHandle = .standardOutput) {
        handle.write(Data((line + "\n").utf8))
    }

    /// What the server prints once it listens: where, and how to point each client at it; in
    /// moto's compatibility mode, what that mode changes, with `rootAccount`, the account
    /// whose root unknown keys act as (nil: the database has none yet).
    static func banner(
        _ configuration: ServerConfiguration, port: Int, console: ConsoleConfiguration, rootAccount: AccountID? = nil
    ) -> String {
        let url = "http://\(configuration.host.contains(":") ? "[\(configuration.host)]" : configuration.host):\(port)"
        var lines = [
            "iamsim serve: listening on \(url) (IAM 2010-05-08 and STS 2011-06-15 Query API), database \(configuration.databasePath)",
            "  aws CLI:  aws iam get-account-summary --endpoint-url \(url)",
            "  boto3:    boto3.client(\"iam\", endpoint_url=\"\(url)\"), or export AWS_ENDPOINT_URL=\(url)",
        ]
        if configuration.compatibility == .moto {
            let root = rootAccount.map { "the root user of account \($0)" } ?? "the root user of the first account"
            let accounts = configuration.account == nil ? "every account" : "the account"
            lines += [
                "  Compatibility mode moto (--compat moto), not AWS's rules: for test suites written for moto's server mode, not for a class.",
                "    POST \(url)\(MotoAPI.resetPath) resets \(accounts) to its fixture.",
                "    A request signed with an access key the database does not hold (such as \"testing\") acts as \(root), unverified.",
                "    Any six-digit MFA code is accepted (EnableMFADevice, ResyncMFADevice, GetSessionToken, console sign-in).",
            ]
        } else {
            lines.append(
                "  Sign requests with an access key of the database (iamsim access-keys create shows one's secret once)."
            )
        }
        lines += [
            "  Console:  open \(url)/ in a browser (the lesson's pages, under \(console.basePath)/).",
            "  Class progress for the instructor: \(url)\(console.basePath)/instructor (token \(console.instructorToken ?? "-"))",
            "  Ctrl-C stops the server once requests in flight are answered.",
        ]
        return lines.joined(separator: "\n")
    }

    struct UsageError: Error {
        var message: String
    }

    /// `--db PATH` (required), `--host HOST`, `--port N`, `--account ID|ALIAS`, `--compat moto`.
    static func parse(_ arguments: [String]) throws(UsageError) -> ServerConfiguration {
        var values: [String: String] = [:]
        var index = 0
        while index < arguments.count {
            let name = arguments[index]
            guard ["--db", "--host", "--port", "--account", "--compat"].contains(name) else {
                throw UsageError(message: "unknown option \(name)")
            }
            guard index + 1 < arguments.count, !arguments[index + 1].isEmpty else {
                throw UsageError(message: "\(name) needs a value")
            }
            values[name] = arguments[index + 1]
            index += 2
        }
        guard let path = values["--db"] else { throw UsageError(message: "--db PATH is required") }
        var configuration = ServerConfiguration(databasePath: path)
        if let host = values["--host"] { configuration.host = host }
        configuration.account = values["--account"]
        if let compat = values["--compat"] {
            guard let mode = ServerConfiguration.Compatibility(rawValue: compat) else {
                let modes = ServerConfiguration.Compatibility.allCases.map(\.rawValue).joined(separator: ", ")
                throw UsageError(message: "--compat must be one of: \(modes); not \(compat)")
            }
            configuration.compatibility = mode
        }
        if let port = values["--port"] {
            guard let number = Int(port), (0...65_535).contains(number) else {
                throw UsageError(message: "--port must be a number from 0 to 65535, not \(port)")
            }
            configuration.port = number
        }
        return configuration
    }
}
