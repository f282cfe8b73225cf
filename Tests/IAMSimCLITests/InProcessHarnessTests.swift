import Foundation
import IAMSimTestSupport
import Testing

/// The in-process harness is a stand-in for the binary only if it prints what the binary
/// prints: the same command lines, run both ways, give the same output and exit status (the
/// database's path aside: a file's for the binary, `:memory:` in process).
@Suite("Running commands in process, as the binary does")
struct InProcessHarnessTests {
    /// Command lines whose output depends on neither randomness nor the wall clock, in an order
    /// that walks a new database from its first use: help and usage errors, the built-in
    /// fixture seeded on first use, sign-in through standard input, refusals, and init --force.
    static let script: [(arguments: [String], stdin: String?)] = [
        (["--help"], nil), (["help", "mfa"], nil), (["access-keys"], nil), (["access-keys", "list", "--help"], nil),
        (["--version"], nil), (["frobnicate"], nil), (["events", "--limit", "0"], nil),
        (["dashboard", "--output", "yaml"], nil), (["clock", "advance", "5x"], nil),
        (["mfa", "activate", "nope"], nil),
        (["whoami"], nil), (["clock", "set", "2026-01-05T09:30:05Z"], nil), (["access-keys", "list"], nil),
        (["signin", "--email", TestValues.email], nil),
        (["signin", "--email", TestValues.email, "--password-stdin"], ""),
        (["signin", "--email", TestValues.email, "--password-stdin"], "wrong\n"),
        (["signin", "--user", "alice", "--password-stdin"], "Password-1!\n"),
        (["init", "--force", "--fixture", "FAST"], nil), (["init"], nil),
        (["clock", "set", "2026-01-05T09:30:05Z"], nil),
        (["signin", "--email", TestValues.email, "--password-stdin"], TestValues.password + "\n"),
        (["access-keys", "list"], nil), (["access-keys", "deactivate", TestValues.rootKey], nil),
        (["access-keys", "list", "--output", "json"], nil), (["dashboard"], nil),
        (["whoami", "--output", "json"], nil),
        (["lesson"], nil), (["lesson", "status"], nil), (["mfa", "remove", "nope"], nil), (["users", "list"], nil),
        (["users", "list", "--output", "csv"], nil), (["audit", "--output", "csv"], nil), (["signout"], nil),
        (["dashboard"], nil), (["fixture", "validate", "FAST"], nil), (["class", "report"], nil),
    ]

    @Test("every command line of a script prints the same text, with the same status, in process as in the binary")
    func sameAsTheBinary() throws {
        let binary = try BinaryHarness()
        let inProcess = try InProcessHarness()
        let fixtures = (try binary.writeFastFixture(), try inProcess.writeFastFixture())
        for (arguments, stdin) in Self.script {
            let expected = try binary.run(arguments.map { $0 == "FAST" ? fixtures.0 : $0 }, stdin: stdin)
            let actual = try inProcess.run(arguments.map { $0 == "FAST" ? fixtures.1 : $0 }, stdin: stdin)
            let normalize = { (result: CommandResult, harness: any CommandLineHarness) in
                CommandResult(
                    stdout: result.stdout.replacingOccurrences(of: harness.database, with: "DATABASE")
                        .replacingOccurrences(of: harness.folder.path, with: "FOLDER"),
                    stderr: result.stderr.replacingOccurrences(of: harness.database, with: "DATABASE")
                        .replacingOccurrences(of: harness.folder.path, with: "FOLDER"),
                    status: result.status)
            }
            #expect(
                normalize(actual, inProcess) == normalize(expected, binary),
                "iamsim \(arguments.joined(separator: " "))")
        }
    }

    @Test("an empty IAMSIM_DB is refused in process as in the binary")
    func emptyDatabaseVariable() throws {
        let arguments = ["dashboard"]
        let expected = try BinaryHarness().runWithoutDatabaseOption(arguments, environment: ["IAMSIM_DB": ""])
        #expect(try InProcessHarness().runWithoutDatabaseOption(arguments, environment: ["IAMSIM_DB": ""]) == expected)
    }

    @Test("each database path is a database of its own, seeded on first use as a new file is")
    func pathsAreDatabases() throws {
        let h = try InProcessHarness()
        let other = h.folder.appendingPathComponent("other.sqlite").path
        #expect(try h.run(["init", "--fixture", try h.writeFastFixture()]).status == 0)
        let first = try h.runWithoutDatabaseOption(["accounts", "list", "--db", other])
        #expect(
            first.stderr
                == "iamsim: created \(other) from the built-in fixture root-mfa-lesson (account 123456789012, root user trainee@example.com)\n"
        )
        #expect(try h.runWithoutDatabaseOption(["accounts", "list", "--db", other]).stderr == "")
        #expect(try h.sql("SELECT fixtureName FROM account") == "root-mfa-lesson-fast\n")
        #expect(
            try h.simulator(at: other).database.sqliteText("SELECT fixtureName FROM account") == "root-mfa-lesson\n")
    }
}
