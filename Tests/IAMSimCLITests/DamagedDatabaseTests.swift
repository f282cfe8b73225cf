import Foundation
import IAMSimTestSupport
import Testing

/// No row decode may stop the process. A NULL where a column may hold one is handled; a NULL,
/// a value of the wrong type or a malformed date where it cannot be is a damaged database
/// (exit 253, one clear line), never a crash.
@Suite("End to end: damaged databases")
struct DamagedDatabaseTests {
    /// One way to damage (or legitimately empty) a column, as SQL run with `sqlite3`.
    struct Damage: CustomTestStringConvertible, Sendable {
        var name: String
        var sql: String
        var testDescription: String { name }
    }

    /// The event log refuses UPDATE: drop its triggers around a change to it.
    static func events(_ sql: String) -> String {
        """
        DROP TRIGGER event_is_append_only_update;
        \(sql);
        CREATE TRIGGER event_is_append_only_update BEFORE UPDATE ON event
        BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;
        """
    }

    static let damages: [Damage] = [
        // Columns that may hold NULL: handled, exit 0.
        Damage(name: "events of no account", sql: events("UPDATE event SET accountId = NULL WHERE id % 2 = 0")),
        Damage(name: "account without a fixture", sql: "UPDATE account SET fixtureName = NULL, fixtureJSON = NULL"),
        Damage(
            name: "tokens and phone of nobody",
            sql: "UPDATE hardwareToken SET accountId = NULL; UPDATE authenticatorAccount SET accountId = NULL"),
        Damage(name: "event.mfaUsed NULL", sql: events("UPDATE event SET mfaUsed = NULL, actorArn = NULL")),
        // Values a column cannot hold: exit 253 (or 0 when no command reads them).
        Damage(
            name: "event.eventTime malformed",
            sql: events("UPDATE event SET eventTime = 'garbage' WHERE id = (SELECT max(id) FROM event)")),
        Damage(name: "event.mfaUsed text", sql: events("UPDATE event SET mfaUsed = 'maybe'")),
        Damage(name: "event.outcome unknown", sql: events("UPDATE event SET outcome = 'Maybe'")),
        Damage(name: "event.eventName blob", sql: events("UPDATE event SET eventName = X'FF'")),
        Damage(name: "event.errorCode blob", sql: events("UPDATE event SET errorCode = X'FF'")),
        Damage(name: "account.failedMFAAttempts text", sql: "UPDATE account SET failedMFAAttempts = 'many'"),
        Damage(name: "account.alias blob", sql: "UPDATE account SET alias = X'FF'"),
        Damage(name: "account.createDate malformed", sql: "UPDATE account SET createDate = 'yesterday'"),
        Damage(name: "account.rootPasswordLastUsed malformed", sql: "UPDATE account SET rootPasswordLastUsed = 'soon'"),
        Damage(name: "accessKey.createDate malformed", sql: "UPDATE accessKey SET createDate = 'yesterday'"),
        Damage(name: "accessKey.status unknown", sql: "UPDATE accessKey SET status = 'Broken'"),
        Damage(name: "accessKey.lastUsedDate malformed", sql: "UPDATE accessKey SET lastUsedDate = 'later'"),
        Damage(name: "accessKey.secretAccessKey blob", sql: "UPDATE accessKey SET secretAccessKey = X'FF'"),
        Damage(name: "mfaDevice.drift text", sql: "UPDATE mfaDevice SET drift = 'x'"),
        Damage(name: "mfaDevice.lastAcceptedStep text", sql: "UPDATE mfaDevice SET lastAcceptedStep = 'x'"),
        Damage(name: "mfaDevice.createDate malformed", sql: "UPDATE mfaDevice SET createDate = 'x'"),
        Damage(name: "mfaDevice.type unknown", sql: "UPDATE mfaDevice SET type = 'phone'"),
        Damage(name: "consoleSession.mfaUsed text", sql: "UPDATE consoleSession SET mfaUsed = 'x'"),
        Damage(name: "consoleSession.expireDate malformed", sql: "UPDATE consoleSession SET expireDate = 'never'"),
        Damage(name: "iamUser.createDate malformed", sql: "UPDATE iamUser SET createDate = 'x'"),
        Damage(name: "iamUser.failedMFAAttempts text", sql: "UPDATE iamUser SET failedMFAAttempts = 'x'"),
        Damage(name: "iamGroup.createDate malformed", sql: "UPDATE iamGroup SET createDate = 'x'"),
        Damage(
            name: "loginProfile.passwordResetRequired text", sql: "UPDATE loginProfile SET passwordResetRequired = 'x'"),
        Damage(
            name: "passwordPolicy.minimumPasswordLength text",
            sql: "UPDATE passwordPolicy SET minimumPasswordLength = 'x'"),
        Damage(name: "passwordPolicy.maxPasswordAge text", sql: "UPDATE passwordPolicy SET maxPasswordAge = 'x'"),
        Damage(name: "lessonStep.witnessEventId text", sql: "UPDATE lessonStep SET witnessEventId = 'x'"),
        Damage(name: "lessonStep.completedDate malformed", sql: "UPDATE lessonStep SET completedDate = 'x'"),
        Damage(name: "lessonProgress.startEventId text", sql: "UPDATE lessonProgress SET startEventId = 'x'"),
        Damage(
            name: "credentialReport.generatedTime malformed", sql: "UPDATE credentialReport SET generatedTime = 'x'"),
        Damage(name: "authenticatorAccount.digits text", sql: "UPDATE authenticatorAccount SET digits = 'six'"),
        Damage(
            name: "authenticatorAccount.addedDate malformed", sql: "UPDATE authenticatorAccount SET addedDate = 'x'"),
        Damage(name: "authenticatorAccount.label blob", sql: "UPDATE authenticatorAccount SET label = X'FF'"),
        Damage(name: "hardwareToken.secret blob", sql: "UPDATE hardwareToken SET secret = X'FF'"),
        Damage(name: "simulatedClock.time malformed", sql: "UPDATE simulatedClock SET time = 'never'"),
    ]

    /// The commands that read what the damage may touch.
    static let readers: [[String]] = [
        ["class", "report"], ["class", "report", "--output", "json"], ["audit"], ["events"],
        ["events", "--output", "json"],
        ["lesson", "status"], ["lesson"], ["dashboard"], ["mfa", "list"], ["access-keys", "list"], ["export"],
        ["accounts", "list"], ["whoami"], ["authenticator", "codes"], ["hardware-tokens"],
        ["credential-report", "get"],
        ["users", "list"], ["groups", "list"], ["password-policy"],
    ]

    /// `h`'s database with a row in every table: a signed-in root, a pending device, a phone, a
    /// hardware token, a user with a password, a group, a policy, a credential report, lesson
    /// progress, and events of no account (the clock).
    static func populated<Harness: CommandLineHarness>(_ h: Harness) throws -> Harness {
        let fixture = ClassroomEndToEndTests.fixtures.appendingPathComponent("hardware-token-lesson.json").path
        var setUp: [([String], String?)] = [
            (["init", "--fixture", fixture], nil), (["clock", "set", "2026-01-05T09:30:05Z"], nil),
        ]
        let email = try sqliteValue(h, fixture: fixture)
        setUp += [
            (["signin", "--email", email, "--password-stdin"], "Activate-MFA-2026!"),
            (["mfa", "assign", "phone"], nil),
            (["authenticator", "add", "--secret", "JBSWY3DPEHPK3PXP", "--label", "spare"], nil),
            (["users", "create", "alice"], nil),
            (["login-profile", "create", "alice", "--password-stdin"], "Chosen-by-alice-2026!"),
            (["groups", "create", "admins"], nil),
            (["groups", "add-user", "admins", "alice"], nil),
            (["password-policy", "update", "--minimum-password-length", "14", "--max-password-age", "90"], nil),
            (["credential-report", "generate"], nil),
            (
                ["access-keys", "use", "AKIAIOSFODNN7EXAMPLE", "--secret-stdin"],
                "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
            ),
            (["lesson", "status"], nil),
            (["clock", "advance", "30s"], nil),
        ]
        for (arguments, stdin) in setUp {
            let r = try h.run(arguments, stdin: stdin)
            #expect(r.status == 0, "\(arguments): \(r.stderr)")
        }
        return h
    }

    /// The fixture's root email.
    static func sqliteValue(_ h: any CommandLineHarness, fixture: String) throws -> String {
        let data = try Data(contentsOf: URL(fileURLWithPath: fixture))
        let json = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        let account = json?["Account"] as? [String: Any]
        return (account?["Root"] as? [String: Any])?["Email"] as? String ?? ""
    }

    @Test("the issue's sequence: a class, the clock moved (an event of no account), reset, class report")
    func classReportAfterClock() throws {
        let h = try InProcessHarness()
        for arguments in [["accounts", "create", "--count", "2"], ["clock", "advance", "30s"], ["reset", "--all"]] {
            let r = try h.run(arguments)
            #expect(r.status == 0, "\(arguments): \(r.stderr)")
        }
        for format in ["text", "json", "csv"] {
            let r = try h.run(["class", "report", "--output", format])
            #expect(r.status == 0, "\(format): \(r.stderr)")
            #expect(r.stderr == "")
        }
    }

    @Test(
        "every reading command on a damaged column exits 0 or 253 with one clear line, never a crash",
        arguments: damages)
    func damaged(damage: Damage) throws {
        // In process: the database is populated afresh for each damage (an in-memory one has
        // no file to copy), and the damage applied on the commands' own connection, which
        // then checks constraints again, as a new process would.
        let h = try Self.populated(InProcessHarness())
        _ = try h.sql("PRAGMA ignore_check_constraints = ON; " + damage.sql + "; PRAGMA ignore_check_constraints = OFF")
        try Self.readAll(h, damage: damage)
    }

    /// The populated database file, made once and copied for each damage the binary reads.
    static let template: Result<String, any Error> = Result {
        let h = try populated(BinaryHarness())
        try BinaryHarness.tool("/usr/bin/sqlite3", [h.database, "PRAGMA wal_checkpoint(TRUNCATE);"])
        return h.database
    }

    /// Damages the binary reads too.
    static let binaryDamages: Set = ["accessKey.status unknown", "event.eventName blob"]

    @Test(
        "the built binary, on a damaged file: exit 0 or 253 with one clear line, never a crash",
        arguments: damages.filter { binaryDamages.contains($0.name) })
    func damagedFile(damage: Damage) throws {
        // The binary, one process per command, on a file damaged by sqlite3: a row decode
        // that trapped would end the process with a crash report on stderr, not the runner.
        let h = try BinaryHarness()
        try FileManager.default.copyItem(atPath: try Self.template.get(), toPath: h.database)
        let r = try BinaryHarness.tool(
            "/usr/bin/sqlite3", [h.database, "PRAGMA ignore_check_constraints = ON; " + damage.sql])
        #expect(r.status == 0 && r.stderr.isEmpty, "\(r.stderr)")
        try Self.readAll(h, damage: damage)
    }

    /// Runs every reader on `h`'s damaged database: each exits 0, or 253 with one clear line.
    static func readAll(_ h: any CommandLineHarness, damage: Damage) throws {
        for arguments in Self.readers {
            let result = try h.run(arguments)
            let context = "\(damage.name), \(arguments.joined(separator: " ")): \(result.status) \(result.stderr)"
            #expect(result.status == 0 || result.status == 253, "\(context)")
            #expect(!result.stderr.contains("Fatal error") && !result.stderr.contains("Backtrac"), "\(context)")
            if result.status == 253 {
                #expect(
                    result.stderr.hasPrefix("iamsim: error: The database \(h.database) is damaged (")
                        && result.stderr.hasSuffix(
                            "Move it aside, or recreate it with: iamsim init --force --db \(h.database)\n")
                        && result.stderr.split(separator: "\n").count == 1,
                    "\(context)")
            }
        }
    }
}
