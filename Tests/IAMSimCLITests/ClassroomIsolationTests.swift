import Foundation
import IAMSimTestSupport
import Testing

/// Two trainees share one database, both signed in. Every command a trainee can run, run with
/// `--account` naming the first, must leave the second account exactly as it was: its rows,
/// its sessions, its clock and its events.
@Suite("End to end: classroom isolation")
struct ClassroomIsolationTests {
    static let start: Int64 = 1_767_605_405  // 2026-01-05T09:30:05Z

    /// One command of the table: its arguments (`--account class-1` is added), what it reads
    /// on standard input, and the exit status it must end with.
    struct Step: CustomStringConvertible {
        var arguments: [String]
        var stdin: String?
        var status: Int32 = 0
        var description: String { arguments.joined(separator: " ") }
    }

    func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    /// Everything the database holds about `account`, as text: every row of every table that
    /// belongs to it (directly or through its users), and its events.
    func snapshot(_ h: InProcessHarness, account: String) throws -> String {
        let byAccount = [
            "iamUser", "accessKey", "mfaDevice", "consoleSession", "lessonProgress", "lessonStep", "passwordPolicy",
            "credentialReport", "iamGroup", "authenticatorAccount", "hardwareToken", "simulatedClock", "event",
        ]
        let byUser = ["loginProfile", "passwordHistory", "groupMembership"]
        var sql = ["SELECT 'account', * FROM account WHERE id = '\(account)';"]
        sql += byAccount.map { "SELECT '\($0)', * FROM \($0) WHERE accountId = '\(account)' ORDER BY rowid;" }
        sql += byUser.map {
            "SELECT '\($0)', * FROM \($0) WHERE userId IN (SELECT id FROM iamUser WHERE accountId = '\(account)') ORDER BY rowid;"
        }
        // Events that name no account show in every account's timeline: none may appear.
        sql.append("SELECT 'unattributed events', count(*) FROM event WHERE accountId IS NULL;")
        return try h.sql(sql.joined(separator: "\n"))
    }

    @Test("every command run for one trainee leaves the other trainee's account exactly as it was")
    func everyCommandTouchesOnlyTheSelectedAccount() throws {
        let h = try InProcessHarness()
        let file = h.folder.appendingPathComponent("class.csv").path
        let created = try h.run([
            "accounts", "create", "--fixture", try h.writeFastFixture(), "--count", "2", "--alias-prefix", "class-",
            "--credentials-file", file,
        ])
        try #require(created.status == 0, "\(created.stderr)")
        let rows = try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n").dropFirst().map {
            $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
        let (first, other) = (rows[0], rows[1])
        for row in rows {
            let r = try h.run(["signin", "--email", row[2], "--password-stdin", "--account", row[1]], stdin: row[3])
            try #require(r.status == 0, "\(r.stderr)")
        }
        let before = try snapshot(h, account: other[0])
        #expect(before.contains("consoleSession|"))

        /// The commands run, to check none was left out.
        var ran: Set<String> = []
        /// Runs `step` for the first trainee and checks the other's account did not move.
        func run(_ step: Step) throws -> CommandResult {
            ran.insert(SecretLeakTests.commandPath(step.arguments))
            let result = try h.run(step.arguments + ["--account", "class-1"], stdin: step.stdin)
            #expect(result.status == step.status, "\(step): \(result.stderr)")
            #expect(try snapshot(h, account: other[0]) == before, "\(step) changed the other trainee's account")
            return result
        }

        let keys = try json(try run(Step(arguments: ["access-keys", "list", "--output", "json"])).stdout)
        let key = try #require((keys["AccessKeyMetadata"] as? [[String: Any]])?.first?["AccessKeyId"] as? String)
        for arguments in [
            ["whoami"], ["dashboard"], ["clock", "set", "2026-01-05T09:30:05Z"], ["clock", "show"],
            ["access-keys", "deactivate", key], ["access-keys", "activate", key],
        ] {
            _ = try run(Step(arguments: arguments))
        }
        let createdKey = try json(try run(Step(arguments: ["access-keys", "create", "--output", "json"])).stdout)
        let newKey = try #require(createdKey["AccessKey"] as? [String: Any])
        let newKeyID = try #require(newKey["AccessKeyId"] as? String)
        let newSecret = try #require(newKey["SecretAccessKey"] as? String)
        _ = try run(Step(arguments: ["access-keys", "use", newKeyID, "--secret-stdin"], stdin: newSecret))
        _ = try run(Step(arguments: ["access-keys", "delete", key]))

        let assigned = try json(try run(Step(arguments: ["mfa", "assign", "spare", "--output", "json"])).stdout)
        let device = try #require(assigned["VirtualMFADevice"] as? [String: Any])
        let seedText = try #require(device["Base32StringSeed"] as? String)
        let seed = String(decoding: try #require(Data(base64Encoded: seedText)), as: UTF8.self)
        let uri = try #require(assigned["OTPAuthURI"] as? String)
        func code(_ offset: Int64) -> String { IndependentTOTP.code(base32: seed, unixTime: Self.start + offset) }
        let steps: [Step] = [
            Step(arguments: ["authenticator", "add", "--uri", uri, "--label", "spare"]),
            Step(arguments: ["authenticator", "list"]), Step(arguments: ["authenticator", "codes"]),
            Step(arguments: ["mfa", "assign", "scanned", "--qr-png", h.folder.appendingPathComponent("qr.png").path]),
            Step(arguments: [
                "authenticator", "scan", h.folder.appendingPathComponent("qr.png").path, "--label", "scanned",
            ]),
            Step(arguments: ["mfa", "activate", "spare", "--code1", code(-30), "--code2", code(0)]),
            Step(arguments: ["mfa", "list"]), Step(arguments: ["mfa", "list-virtual"]),
            Step(arguments: ["mfa", "get", "spare"]),
            Step(arguments: ["clock", "advance", "60s"]),
            Step(arguments: ["mfa", "resync", "spare", "--code1", code(30), "--code2", code(60)]),
            Step(arguments: ["signout"]), Step(arguments: ["whoami"], status: 254),
            Step(arguments: ["clock", "advance", "30s"]),
            // The other trainee's email fails in this trainee's shell like a wrong password.
            Step(arguments: ["signin", "--email", other[2], "--password-stdin"], stdin: other[3], status: 254),
            Step(
                arguments: [
                    "mfa", "resync", "spare", "--email", other[2], "--password-stdin", "--code1", "000000", "--code2",
                    "111111",
                ], stdin: other[3], status: 254),
            Step(
                arguments: ["signin", "--email", first[2], "--password-stdin", "--mfa-code", code(90)], stdin: first[3]),
            Step(arguments: ["users", "create", "alice"]), Step(arguments: ["users", "list"]),
            Step(arguments: ["users", "get", "alice"]),
            Step(arguments: ["users", "update", "alice", "--new-path", "/staff/"]),
            Step(
                arguments: ["login-profile", "create", "alice", "--password-stdin"], stdin: "Alice-Strong-Pass-2026!"),
            Step(arguments: ["login-profile", "get", "alice"]),
            Step(arguments: ["groups", "create", "devs"]), Step(arguments: ["groups", "add-user", "devs", "alice"]),
            Step(arguments: ["groups", "list"]), Step(arguments: ["groups", "list-for-user", "alice"]),
            Step(arguments: ["users", "delete", "alice"], status: 254),
            Step(arguments: ["password-policy", "update", "--minimum-password-length", "14"]),
            Step(arguments: ["password-policy", "show"]),
            Step(arguments: ["login-profile", "update", "alice", "--password-reset-required"]),
            Step(arguments: ["groups", "remove-user", "devs", "alice"]), Step(arguments: ["groups", "delete", "devs"]),
            Step(arguments: ["login-profile", "delete", "alice"]), Step(arguments: ["password-policy", "delete"]),
            Step(arguments: ["change-password", "--password-stdin"], stdin: "a\nb", status: 254),
            Step(arguments: ["credential-report", "generate"]), Step(arguments: ["credential-report", "get"]),
            Step(arguments: ["audit"]), Step(arguments: ["events"]), Step(arguments: ["lesson", "status"]),
            Step(arguments: ["lesson"]), Step(arguments: ["export"]), Step(arguments: ["hardware-tokens"]),
            Step(arguments: ["accounts", "list"]), Step(arguments: ["class", "report"]),
            Step(arguments: ["authenticator", "remove", "spare"]), Step(arguments: ["mfa", "remove", "spare"]),
            Step(arguments: ["clock", "real"]), Step(arguments: ["lesson", "reset"]), Step(arguments: ["reset"]),
            Step(arguments: ["signout"]),
        ]
        for step in steps {
            _ = try run(step)
        }
        // Every command is in the table but those that act on no selected account: the demo
        // (its own scratch database), init (a new database), creating and deleting accounts (an
        // instructor's, by name) and fixture validate (a file).
        // `serve` starts the Query API server, whose requests the access key confines to its
        // account (IAMSimServerTests).
        let exempt: Set = ["demo", "init", "accounts create", "accounts delete", "fixture validate", "serve"]
        #expect(SecretLeakTests.leafCommands().subtracting(ran).subtracting(exempt).sorted() == [])
    }

    @Test("signout and whoami act on the selected account's session, not the newest in the database")
    func signOutActsOnTheSelectedAccount() throws {
        let h = try InProcessHarness()
        let file = h.folder.appendingPathComponent("class.csv").path
        try #require(
            try h.run([
                "accounts", "create", "--fixture", try h.writeFastFixture(), "--count", "2", "--alias-prefix", "class-",
                "--credentials-file", file,
            ]).status == 0)
        let rows = try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n").dropFirst().map {
            $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
        for row in rows {
            try h.run(["signin", "--email", row[2], "--password-stdin", "--account", row[1]], stdin: row[3])
        }
        // class-2 signed in last: before the fix, class-1's signout ended class-2's session.
        let whoami = try h.run(["whoami", "--account", "class-1"])
        #expect(whoami.stdout.contains("arn:aws:iam::\(rows[0][0]):root"), "\(whoami.stdout)")
        let signout = try h.run(["signout", "--account", "class-1"])
        #expect(signout.stdout == "Signed out of account \(rows[0][0]) (root user).\n")
        #expect(try h.run(["whoami", "--account", "class-2"]).status == 0)
        #expect(try h.run(["whoami", "--account", "class-1"]).status == 254)
    }

    @Test("one trainee's clock advance leaves the other trainee's clock on real time")
    func clockIsPerAccount() throws {
        let h = try InProcessHarness()
        try #require(
            try h.run([
                "accounts", "create", "--fixture", try h.writeFastFixture(), "--count", "2", "--alias-prefix", "class-",
            ])
            .status == 0)
        #expect(try h.run(["clock", "set", "2026-01-05T09:30:05Z", "--account", "class-1"]).status == 0)
        #expect(
            try h.run(["clock", "advance", "30s", "--account", "class-1"]).stdout.hasPrefix(
                "2026-01-05 09:30:35 UTC (simulated"))
        #expect(try h.run(["clock", "show", "--account", "class-2"]).stdout.hasSuffix("(real time)\n"))
        let all = try json(try h.run(["clock", "show", "--all", "--output", "json"]).stdout)
        let modes = try #require(all["Clocks"] as? [[String: Any]]).map { $0["Mode"] as? String }
        #expect(modes == ["simulated", "real"])
        #expect(try h.run(["clock", "set", "2026-03-01T00:00:00Z", "--all"]).status == 0)
        let moved = try json(try h.run(["clock", "show", "--all", "--output", "json"]).stdout)
        let times = try #require(moved["Clocks"] as? [[String: Any]]).map { $0["Time"] as? String }
        #expect(times == ["2026-03-01T00:00:00+00:00", "2026-03-01T00:00:00+00:00"])
    }
}
