import Foundation
import IAMSimTestSupport
import Testing

/// Every wrong turn gets one clear line on stderr, a documented exit code, and changes nothing.
@Suite("End to end: bad input")
struct BadInputTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var arguments: [String]
        var stdin: String?
        var signedIn = true
        var stderr: String
        var status: Int32
        /// The command names a file by a path relative to the working directory: run the built
        /// binary, in the scratch folder (a process of its own has its own working directory).
        var relativePath = false
        var testDescription: String { arguments.joined(separator: " ") }
    }

    static let aws = "An error occurred"
    static let forms = "YYYY-MM-DD, or YYYY-MM-DDTHH:MM[:SS[.fff]] followed by Z, +HH:MM, -HH:MM or nothing (UTC)"
    static let duration = "a number with a unit (30s, 2m, 1h, 1d) or a mix like 1h30m, at most 100 years"
    static let timeHelp =
        "<time>  The time in ISO 8601: 2026-11-29T09:00:00Z, 2026-11-29T10:00:00+01:00, 2026-11-29T09:00 (UTC), or 2026-11-29 (midnight UTC)."
    static let eventsUsage =
        "[--since <time-or-age>] [--until <time-or-age>] [--identity <identity>] [--action <action>] [--limit <limit>]"

    /// ArgumentParser's report of a value it could not parse: the error, the argument's help,
    /// the command's usage.
    static func usage(_ error: String, help: String, _ command: String, _ arguments: String) -> String {
        """
        Error: \(error)
        Help:  \(help)
        Usage: iamsim \(command) [--db <path>] [--output <format>] [--account <account>] \(arguments)
          See 'iamsim \(command) --help' for more information.
        """
    }
    static let cases: [Case] = [
        Case(
            arguments: ["access-keys", "delete", "AKIANOTAREALKEY12345"],
            stderr:
                "\(aws) (NoSuchEntity) when calling the DeleteAccessKey operation: The Access Key with id AKIANOTAREALKEY12345 cannot be found.",
            status: 254),
        Case(
            arguments: ["access-keys", "deactivate", "bad-id!"],
            stderr:
                "\(aws) (ValidationError) when calling the UpdateAccessKey operation: The specified value for accessKeyId is invalid. It must contain only alphanumeric characters and be 16 to 128 characters long.",
            status: 254),
        Case(
            arguments: ["access-keys", "list"], signedIn: false,
            stderr:
                "\(aws) (AccessDenied) when calling the ListAccessKeys operation: You are not signed in to the console. Sign in first: iamsim signin --email EMAIL",
            status: 254),
        Case(
            arguments: ["mfa", "assign", "my phone"],
            stderr:
                "\(aws) (ValidationError) when calling the CreateVirtualMFADevice operation: The specified value for virtualMFADeviceName is invalid. It must contain only alphanumeric characters and/or the following: +=,.@_-",
            status: 254),
        Case(
            arguments: ["mfa", "activate", "nope", "--code1", "123456", "--code2", "234567"],
            stderr:
                "\(aws) (NoSuchEntity) when calling the EnableMFADevice operation: MFA Device with serial number arn:aws:iam::123456789012:mfa/nope does not exist.",
            status: 254),
        Case(
            arguments: ["mfa", "activate", "nope"],
            stderr:
                "iamsim: error: Give both codes: --code1 CODE --code2 NEXT_CODE (iamsim authenticator codes shows them).",
            status: 64),
        Case(
            arguments: ["mfa", "remove", "nope"],
            stderr:
                "\(aws) (NoSuchEntity) when calling the DeactivateMFADevice operation: MFA Device with serial number arn:aws:iam::123456789012:mfa/nope does not exist.",
            status: 254),
        Case(
            arguments: ["signin", "--email", "trainee@example.com", "--password-stdin"], stdin: "wrong\n",
            signedIn: false,
            stderr:
                "\(aws) (AccessDenied) when calling the ConsoleLogin operation: Your authentication information is incorrect. Please try again.",
            status: 254),
        Case(
            arguments: ["signin", "--email", "nobody@example.com", "--password-stdin"], stdin: "Activate-MFA-2026!\n",
            signedIn: false,
            stderr:
                "\(aws) (AccessDenied) when calling the ConsoleLogin operation: Your authentication information is incorrect. Please try again.",
            status: 254),
        Case(
            arguments: ["signin", "--email", "trainee@example.com"], signedIn: false,
            stderr:
                "iamsim: error: No password: run this in a terminal to be asked for it, or pipe it with --password-stdin.",
            status: 64),
        Case(
            arguments: ["signin", "--email", "trainee@example.com", "--password-stdin"], stdin: "", signedIn: false,
            stderr: "iamsim: error: --password-stdin was given but standard input is empty.", status: 64),
        Case(
            arguments: ["signin", "--user", "alice", "--password-stdin"], stdin: "Password-1!\n", signedIn: false,
            stderr:
                "iamsim: error: An IAM user signs in to an account: add --account ID|ALIAS (or set IAMSIM_ACCOUNT).",
            status: 64),
        Case(
            arguments: ["clock", "advance", "5x"],
            stderr: usage(
                "The value '5x' is invalid for '<duration>': not a duration; use \(duration).",
                help: "<duration>  How far: 30s, 2m, 1h, 1d or a mix like 1h30m.",
                "clock advance", "<duration> [--all]"),
            status: 64),
        Case(
            arguments: ["clock", "advance", "200000d"],
            stderr: usage(
                "The value '200000d' is invalid for '<duration>': not a duration; use \(duration).",
                help: "<duration>  How far: 30s, 2m, 1h, 1d or a mix like 1h30m.",
                "clock advance", "<duration> [--all]"),
            status: 64),
        Case(
            arguments: ["clock", "set", "yesterday"],
            stderr: usage(
                "The value 'yesterday' is invalid for '<time>': not an ISO 8601 time; use \(forms), such as 2026-11-29T09:00:00Z.",
                help: timeHelp, "clock set", "<time> [--all]"),
            status: 64),
        Case(
            arguments: ["clock", "set", "2026-01-05xyz"],
            stderr: usage(
                "The value '2026-01-05xyz' is invalid for '<time>': unexpected 'xyz' after the date.", help: timeHelp,
                "clock set", "<time> [--all]"),
            status: 64),
        Case(
            arguments: ["clock", "set", "2026-01-05T09:00:00Zjunk"],
            stderr: usage(
                "The value '2026-01-05T09:00:00Zjunk' is invalid for '<time>': unexpected 'junk' after the time.",
                help: timeHelp, "clock set", "<time> [--all]"),
            status: 64),
        Case(
            arguments: ["clock", "set", "2026-02-29T00:00:00Z"],
            stderr: usage(
                "The value '2026-02-29T00:00:00Z' is invalid for '<time>': February 2026 has 28 days, so there is no day 29.",
                help: timeHelp, "clock set", "<time> [--all]"),
            status: 64),
        Case(
            arguments: ["clock", "set", "2024-02-29T23:59:60Z"],
            stderr: usage(
                "The value '2024-02-29T23:59:60Z' is invalid for '<time>': there is no second 60; seconds run 00 to 59 (iamsim has no leap seconds).",
                help: timeHelp, "clock set", "<time> [--all]"),
            status: 64),
        Case(
            arguments: ["clock", "set", "10000-01-01T00:00:00Z"],
            stderr: usage(
                "The value '10000-01-01T00:00:00Z' is invalid for '<time>': iamsim keeps times from 1970-01-01T00:00:00Z to 9999-12-31T23:59:59Z.",
                help: timeHelp, "clock set", "<time> [--all]"),
            status: 64),
        Case(
            arguments: ["clock", "set", "1969-12-31T23:59:59Z"],
            stderr: usage(
                "The value '1969-12-31T23:59:59Z' is invalid for '<time>': iamsim keeps times from 1970-01-01T00:00:00Z to 9999-12-31T23:59:59Z.",
                help: timeHelp, "clock set", "<time> [--all]"),
            status: 64),
        Case(
            arguments: ["events", "--since", "2026-13-01"],
            stderr: usage(
                "The value '2026-13-01' is invalid for '--since <time-or-age>': there is no month 13; months run 01 to 12.",
                help:
                    "--since <time-or-age>  Only events at or after this time: ISO 8601 (2026-01-05T09:00:00Z; UTC when the zone is left out) or an age on iamsim's clock (30m, 2h, 1d).",
                "events", eventsUsage),
            status: 64),
        Case(
            arguments: ["events", "--until", "soon"],
            stderr: usage(
                "The value 'soon' is invalid for '--until <time-or-age>': use an ISO 8601 time (\(forms)) or an age (\(duration)).",
                help: "--until <time-or-age>  Only events at or before this time, in the same forms as --since.",
                "events", eventsUsage),
            status: 64),
        Case(
            arguments: ["authenticator", "add", "--secret", "0189!"],
            // The phone's refusals are not AWS's (LocalError): exit 64, was 254 as a ValidationError.
            stderr:
                "iamsim: error: The secret key is not valid base32: use the letters A-Z and digits 2-7, as shown by iamsim mfa assign --show-secret.",
            status: 64),
        Case(
            arguments: ["authenticator", "add", "--uri", "otpauth://hotp/x?secret=JBSWY3DP&counter=0"],
            stderr: "iamsim: error: Not a usable TOTP URI: 'hotp' codes are not time-based (only totp is supported).",
            status: 64),
        Case(
            arguments: ["init"],
            // A database already initialized is iamsim's refusal, not AWS's: exit 64, was 254 as EntityAlreadyExists.
            stderr:
                "iamsim: error: The database DATABASE already holds account 123456789012. Reset it with: iamsim init --force",
            status: 64),
        Case(
            arguments: ["init", "--force", "--fixture", "missing.json"],
            stderr:
                "iamsim: error: Cannot use missing.json: there is no built-in fixture or file by that name (built-in fixtures: root-mfa-lesson)",
            status: 253),
        Case(
            arguments: ["init", "--force", "--fixture", "broken.json"],
            stderr:
                "iamsim: error: Cannot use broken.json: it is not a valid fixture: $.Account.AccountId: must be exactly 12 digits; $.Account.Root.AccessKeys[0].SecretAccessKey: must be exactly 40 characters",
            status: 253, relativePath: true),
        Case(
            arguments: ["events", "--limit", "0"],
            stderr:
                "Error: --limit must be at least 1.\nUsage: iamsim events [--db <path>] [--output <format>] [--account <account>] \(eventsUsage)\n  See 'iamsim events --help' for more information.",
            status: 64),
        Case(
            arguments: ["dashboard", "--output", "yaml"],
            stderr:
                "Error: The value 'yaml' is invalid for '--output <format>'. Please provide one of 'text', 'json' or 'csv'.\nHelp:  --output <format>  Output format: text or json (csv for reports).\nUsage: iamsim dashboard [--db <path>] [--output <format>] [--account <account>]\n  See 'iamsim dashboard --help' for more information.",
            status: 64),
    ]

    @Test("each bad input gets its exact error and exit code, and leaves the data as it was", arguments: cases)
    func badInput(_ c: Case) throws {
        let h: any CommandLineHarness = c.relativePath ? try BinaryHarness() : try InProcessHarness()
        try h.run(["init", "--fixture", try h.writeFastFixture()])
        try Data(
            #"{"FormatVersion": 1, "Name": "b", "Account": {"AccountId": "1", "Root": {"Email": "a@b.c", "Password": "p", "AccessKeys": [{"AccessKeyId": "AKIAIOSFODNN7EXAMPLE", "SecretAccessKey": "short"}]}}}"#
                .utf8
        ).write(to: h.folder.appendingPathComponent("broken.json"))
        if c.signedIn {
            try h.run(["signin", "--email", TestValues.email, "--password-stdin"], stdin: TestValues.password)
        }
        let before = try snapshot(h)
        let r = try h.run(c.arguments, stdin: c.stdin)
        let expected = c.stderr.replacingOccurrences(of: "DATABASE", with: h.database)
        #expect(r.stderr == expected + "\n")
        #expect(r.stdout == "")
        #expect(r.status == c.status)
        #expect(try snapshot(h) == before)
    }

    /// The account's credentials, as the database holds them.
    func snapshot(_ h: any CommandLineHarness) throws -> String {
        let query =
            "SELECT id, status FROM accessKey; SELECT serialNumber, assignedTo, enableDate FROM mfaDevice; SELECT id, endDate FROM consoleSession; SELECT label FROM authenticatorAccount; SELECT rootPasswordHash FROM account;"
        guard h is BinaryHarness else { return try h.sql(query) }
        // sqlite3 reads a copy, and leaves the binary's file as the commands left it.
        let copy = h.folder.appendingPathComponent("snapshot.sqlite").path
        try? FileManager.default.removeItem(atPath: copy)
        try BinaryHarness.tool("/usr/bin/sqlite3", [h.database, ".backup \(copy)"])
        return try BinaryHarness.tool("/usr/bin/sqlite3", [copy, query]).stdout
    }

    @Test("a damaged database file is refused with exit 253 and left untouched")
    func corruptDatabase() throws {
        // The binary, on a file: the subject is a damaged file, refused and left untouched.
        let h = try BinaryHarness()
        let garbage = Data(repeating: 0x41, count: 4096)
        try garbage.write(to: URL(fileURLWithPath: h.database))
        let r = try h.run(["dashboard"])
        #expect(
            r
                == .init(
                    stdout: "",
                    stderr:
                        "iamsim: error: The database \(h.database) is not a valid iamsim database (the file is damaged or is not SQLite). Move it aside, or recreate it with: iamsim init --force --db \(h.database)\n",
                    status: 253))
        #expect(try Data(contentsOf: URL(fileURLWithPath: h.database)) == garbage)
        // The suggested fix works.
        let fixed = try h.run(["init", "--force", "--fixture", try h.writeFastFixture()])
        #expect(fixed.status == 0)
    }

    @Test("an unknown command is a usage error with exit 64")
    func unknownCommand() throws {
        let h = try InProcessHarness()
        let r = try h.runWithoutDatabaseOption(["frobnicate"])
        #expect(r.status == 64)
        #expect(
            r.stderr
                == "Error: Unexpected argument 'frobnicate'\nUsage: iamsim <subcommand>\n  See 'iamsim --help' for more information.\n"
        )
        #expect(!FileManager.default.fileExists(atPath: h.folder.appendingPathComponent(".local").path))
    }
}
