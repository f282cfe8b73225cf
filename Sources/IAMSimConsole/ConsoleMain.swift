import Foundation
import Hummingbird
import IAMSimApp
import IAMSimCore
import IAMSimDatabase

/// The `iamsim-console` executable: the console alone on a database file, for the browser test
/// and for trying the console before `iamsim serve` mounts it beside the Query API.
///
/// `iamsim-console --db PATH [--host 127.0.0.1] [--port 8080] [--instructor-token TOKEN]`
/// creates a missing database from the built-in lesson, prints where it listens, and serves
/// until SIGINT or SIGTERM.
public enum ConsoleMain {
    /// Runs the server with `arguments`; exits 64 for a usage error and 253 for a database
    /// file it cannot use.
    public static func run(_ arguments: [String]) async {
        let options: [String: String]
        do {
            options = try parse(arguments)
        } catch {
            say("iamsim-console: error: \(error.message)", to: .standardError)
            exit(64)
        }
        guard let path = options["--db"] else {
            say("iamsim-console: error: --db PATH is required", to: .standardError)
            exit(64)
        }
        let host = options["--host"] ?? "127.0.0.1"
        guard let port = Int(options["--port"] ?? "8080"), (0...65_535).contains(port) else {
            say("iamsim-console: error: --port must be a number from 0 to 65535", to: .standardError)
            exit(64)
        }
        let random = RandomSource { buffer in
            var generator = SystemRandomNumberGenerator()
            for index in buffer.indices { buffer[index] = generator.next() }
        }
        let token = options["--instructor-token"] ?? ConsoleConfiguration.newInstructorToken(random)
        do {
            let (simulator, seeded) = try Simulator.open(
                path: path, access: .readWrite, seed: { try Fixture.builtInDefault() }, wallClock: WallClock { Date() },
                random: random, hasher: PasswordHasher())
            if let seeded { say("iamsim-console: created \(path) from the built-in fixture \(seeded.name)") }
            let configuration = ConsoleConfiguration(instructorToken: token)
            let app = ConsoleServer.application(
                simulator: simulator, configuration: configuration, host: host, port: port
            ) { port in
                let url = "http://\(host.contains(":") ? "[\(host)]" : host):\(port)"
                say(
                    """
                    iamsim-console: listening on \(url)/console/ (database \(path))
                      Open \(url)/ in a browser. Class progress: \(url)/console/instructor (token \(token))
                      Ctrl-C stops the server.
                    """)
            }
            try await app.runService()
        } catch let error as DatabaseFileError {
            say("iamsim-console: error: \(error.message)", to: .standardError)
            exit(253)
        } catch {
            say("iamsim-console: error: \(error)", to: .standardError)
            exit(253)
        }
    }

    struct UsageError: Error {
        var message: String
    }

    static func parse(_ arguments: [String]) throws(UsageError) -> [String: String] {
        let known = ["--db", "--host", "--port", "--instructor-token"]
        var values: [String: String] = [:]
        var index = 0
        while index < arguments.count {
            let name = arguments[index]
            guard known.contains(name) else { throw UsageError(message: "unknown option \(name)") }
            guard index + 1 < arguments.count, !arguments[index + 1].isEmpty else {
                throw UsageError(message: "\(name) needs a value")
            }
            values[name] = arguments[index + 1]
            index += 2
        }
        return values
    }

    /// Writes a line at once (a test reads standard output through a pipe).
    static func say(_ line: String, to handle: FileHandle = .standardOutput) {
        handle.write(Data((line + "\n").utf8))
    }
}
