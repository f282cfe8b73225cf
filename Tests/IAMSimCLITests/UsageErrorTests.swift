import ArgumentParser
import Foundation
import GRDB
import IAMSimCore
import IAMSimQR
import IAMSimStore
import IAMSimTestSupport
import Testing

@testable import IAMSimCLI
@testable import IAMSimDatabase

/// Usage errors are usage errors: every error type iamsim can throw has its exit code, and what
/// the command line says wrong (a bad duration or time, an empty path) is exit 64 before any
/// command runs.
@Suite("Usage errors and the error → exit code mapping")
struct UsageErrorTests {
    struct Mapping: CustomTestStringConvertible, Sendable {
        var name: String
        var error: any Error & Sendable
        var message: String
        var status: Int32
        var testDescription: String { name }
    }

    struct Unknown: Error {}

    static let mappings: [Mapping] = [
        Mapping(
            name: "IAMError", error: IAMError.noSuchEntity("No such thing."),
            message: "An error occurred (NoSuchEntity) when calling the GetUser operation: No such thing.", status: 254),
        Mapping(
            name: "ValidationError (ArgumentParser)", error: ValidationError("Say which one."),
            message: "iamsim: error: Say which one.", status: 64),
        Mapping(
            name: "CommandError", error: CommandError(message: "No terminal."), message: "iamsim: error: No terminal.",
            status: 64),
        Mapping(
            name: "CommandError with its own status",
            error: CommandError(message: "No code entered.", status: ExitStatus.interrupted),
            message: "iamsim: error: No code entered.", status: 130),
        Mapping(name: "ExitCode", error: ExitCode(3), message: "", status: 3),
        Mapping(
            name: "DatabaseFileError", error: DatabaseFileError.busy(path: "/x.sqlite"),
            message: "iamsim: error: The database /x.sqlite stayed locked by another iamsim process; try again.",
            status: 253),
        // GRDB's errors never reach a front end: the database translates them (`AppDatabase.failure`).
        Mapping(
            name: "DatabaseError (GRDB), as the database reports it",
            error: AppDatabase.failure(
                DatabaseError(resultCode: .SQLITE_IOERR, message: "disk I/O error"), path: "/x.sqlite"),
            message:
                "An error occurred (ServiceFailure) when calling the GetUser operation: The simulator's database failed (SQLite error 10 (disk I/O error)).",
            status: 254),
        Mapping(
            name: "RecordError (GRDB), as the database reports it",
            error: AppDatabase.failure(
                RecordError.recordNotFound(databaseTableName: "account", key: [:]), path: "/x.sqlite"),
            message:
                "An error occurred (ServiceFailure) when calling the GetUser operation: The database changed while iamsim was using it; try again.",
            status: 254),
        Mapping(
            name: "LocalError: a file", error: LocalError.file(path: "/x.json", reason: "the file cannot be read"),
            message: "iamsim: error: Cannot use /x.json: the file cannot be read", status: 253),
        Mapping(
            name: "LocalError: a value the user typed", error: LocalError.invalidValue("Not base32."),
            message: "iamsim: error: Not base32.", status: 64),
        Mapping(
            name: "LocalError: the machine", error: LocalError.failed("Cannot draw the QR code: out of memory."),
            message: "iamsim: error: Cannot draw the QR code: out of memory.", status: 253),
        Mapping(
            name: "LocalError: a secret key the phone cannot read",
            error: LocalError.invalidSecretKey(detail: "no encoder writes 62 characters"),
            message:
                "iamsim: error: The secret key is not valid base32: no encoder writes 62 characters. Compare it with iamsim mfa assign --show-secret.",
            status: 64),
        Mapping(
            name: "LocalError: a label the phone has", error: LocalError.labelTaken("phone"),
            message: "iamsim: error: The authenticator already has an account labelled phone. Choose another --label.",
            status: 64),
        Mapping(
            name: "LocalError: a label the phone has not", error: LocalError.noSuchLabel("phone"),
            message: "iamsim: error: The authenticator has no account labelled phone.", status: 64),
        Mapping(
            name: "LocalError: an account the database has not", error: LocalError.noSuchAccount("room-z-9"),
            message:
                "iamsim: error: No account with id or alias room-z-9 in this database. List them with: iamsim accounts list",
            status: 64),
        Mapping(
            name: "LocalError: a database without accounts", error: LocalError.noAccount,
            message: "iamsim: error: The database holds no account. Create one with: iamsim init", status: 253),
        Mapping(
            name: "RefusedCodeError (AWS's answer; the reason goes to the hint)",
            error: RefusedCodeError(.invalidMFACodes, .wrong),
            message:
                "An error occurred (InvalidAuthenticationCode) when calling the GetUser operation: Authentication code for device is not valid.",
            status: 254),
        Mapping(
            name: "IAMError with a remedy", error: IAMError.notSignedIn,
            message:
                "An error occurred (AccessDenied) when calling the GetUser operation: You are not signed in to the console. Sign in first: iamsim signin --email EMAIL",
            status: 254),
        Mapping(
            name: "EncodingError (files)",
            error: EncodingError.invalidValue(Double.nan, .init(codingPath: [], debugDescription: "NaN.")),
            message:
                "iamsim: error: Data could not be written as JSON: \(EncodingError.invalidValue(Double.nan, .init(codingPath: [], debugDescription: "NaN.")))",
            status: 253),
        Mapping(
            name: "QRCodeError", error: QRCodeError.pngWriteFailed("disk full"),
            message: "iamsim: error: The QR code image could not be written (disk full).", status: 253),
        Mapping(
            name: "CocoaError (files)", error: CocoaError(.fileWriteNoPermission),
            message: "iamsim: error: \(CocoaError(.fileWriteNoPermission).localizedDescription)", status: 253),
        Mapping(
            name: "POSIXError (files)", error: POSIXError(.EACCES),
            message: "iamsim: error: \(POSIXError(.EACCES).localizedDescription)", status: 253),
        Mapping(
            name: "DecodingError (files)",
            error: DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "Not JSON.")),
            message: "iamsim: error: A file could not be read: Not JSON.", status: 253),
        Mapping(
            name: "an error of a type iamsim never throws", error: Unknown(),
            message: "iamsim: unexpected error: \(Unknown().localizedDescription)", status: 255),
    ]

    @Test("each error type iamsim throws has its exit code and message shape", arguments: mappings)
    func mapping(_ m: Mapping) {
        let report = ErrorReport.describe(m.error, operation: .getUser)
        #expect(report.message == m.message)
        #expect(report.status == m.status)
    }

    @Test("a row that cannot be decoded is reported as the database's problem (253), not as unexpected")
    func rowDecodingError() throws {
        let queue = try DatabaseQueue()
        let error = try #require(
            throws: RowDecodingError.self,
            performing: {
                try queue.read { db in
                    let row = try #require(try Row.fetchOne(db, sql: "SELECT NULL AS name"))
                    _ = try row.decode(String.self, forColumn: "name")
                }
            })
        let report = ErrorReport.describe(AppDatabase.failure(error, path: "/x.sqlite"), operation: .getUser)
        #expect(report.status == 253)
        #expect(
            report.message
                == "iamsim: error: The database /x.sqlite is damaged (a row holds a value its column cannot hold). Move it aside, or recreate it with: iamsim init --force --db /x.sqlite"
        )
    }

    // MARK: - Through the commands

    @Test("an empty --db, IAMSIM_DB or demo --keep is a usage error, and no default database is touched")
    func emptyPaths() throws {
        // The binary: "no default database is touched" is about files a process would create.
        let h = try BinaryHarness()
        let defaultFolder = h.folder.appendingPathComponent(".local").path

        var r = try h.runWithoutDatabaseOption(["dashboard", "--db", ""])
        #expect(r.status == 64)
        #expect(
            r.stderr == """
                Error: The value '' is invalid for '--db <path>': an empty path names no file.
                Help:  --db <path>  The database file (default: $IAMSIM_DB, else $XDG_DATA_HOME/iamsim/iamsim.sqlite or ~/.local/share/iamsim/iamsim.sqlite).
                Usage: iamsim dashboard [--db <path>] [--output <format>] [--account <account>]
                  See 'iamsim dashboard --help' for more information.

                """)

        r = try h.runWithoutDatabaseOption(["dashboard"], environment: ["IAMSIM_DB": ""])
        #expect(
            r
                == .init(
                    stdout: "",
                    stderr:
                        "iamsim: error: IAMSIM_DB is set but empty. Set it to a database path, or unset it to use the default database.\n",
                    status: 64))

        r = try h.runWithoutDatabaseOption(["demo", "--keep", ""])
        #expect(r.status == 64)
        #expect(
            r.stderr.hasPrefix("Error: The value '' is invalid for '--keep <path>': an empty path names no file.\n"))
        #expect(r.stdout == "")

        #expect(!FileManager.default.fileExists(atPath: defaultFolder))
    }

    @Test("the clock stops at the last second the database keeps; advancing past it is refused and changes nothing")
    func clockUpperBound() throws {
        let h = try InProcessHarness()
        try h.run(["init", "--fixture", try h.writeFastFixture()])
        var r = try h.run(["clock", "set", "9999-12-31T23:59:59Z"])
        #expect(r.status == 0, "\(r.stderr)")
        r = try h.run(["clock", "advance", "1s"])
        // The simulator's clock is iamsim's, not AWS's: a usage error (exit 64, was 254 as ValidationError).
        #expect(r.status == 64)
        #expect(
            r.stderr
                == "iamsim: error: The clock cannot go to 10000-01-01T00:00:00+00:00: iamsim keeps times from 1970-01-01T00:00:00Z to 9999-12-31T23:59:59Z.\n"
        )
        r = try h.run(["clock", "show", "--output", "json"])
        #expect(r.stdout.contains("\"Time\": \"9999-12-31T23:59:59+00:00\""))
        #expect(r.stdout.contains("\"Mode\": \"simulated\""))
    }

    @Test("a time without a zone is UTC, to the second, as clock show reads it back")
    func zonelessTimeIsUTC() throws {
        let h = try InProcessHarness()
        try h.run(["init", "--fixture", try h.writeFastFixture()])
        let r = try h.run(["clock", "set", "2026-01-05T09:00:07"])
        #expect(r.stdout.hasPrefix("2026-01-05 09:00:07 UTC (simulated;"))
    }

    @Test("events --since and --until bound the log at both ends, by time or by age")
    func eventsRange() throws {
        let h = try InProcessHarness()
        try h.run(["init", "--fixture", try h.writeFastFixture()])
        try h.run(["clock", "set", "2026-01-05T09:00:00Z"])
        try h.run(["signin", "--email", InProcessHarness.email, "--password-stdin"], stdin: InProcessHarness.password)
        try h.run(["clock", "advance", "1h"])  // 10:00
        try h.run(["access-keys", "deactivate", "AKIAIOSFODNN7EXAMPLE"])
        try h.run(["clock", "advance", "1h"])  // 11:00
        try h.run(["access-keys", "delete", "AKIAIOSFODNN7EXAMPLE"])
        func names(_ arguments: [String]) throws -> [String] {
            let r = try h.run(["events", "--output", "json"] + arguments)
            #expect(r.status == 0, "\(r.stderr)")
            return try r.stdout.split(separator: "\n").map {
                let object = try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
                return object["eventName"] as? String ?? "?"
            }
        }
        #expect(
            try names(["--since", "2026-01-05T09:30:00Z", "--until", "2026-01-05T10:30:00Z"])
                == ["AdvanceClock", "UpdateAccessKey"])
        #expect(
            try names(["--since", "2026-01-05T10:30", "--until", "2026-01-05T11:00:00Z"]) == [
                "AdvanceClock", "DeleteAccessKey",
            ])
        #expect(try names(["--since", "90m", "--until", "30m"]) == ["AdvanceClock", "UpdateAccessKey"])
        #expect(try names(["--since", "2026-01-05T08:00:00Z", "--until", "2026-01-05T09:00:00+01:00"]).isEmpty)
    }

    @Test("--output csv is offered exactly where docs/cli.md says, and elsewhere is a usage error")
    func csvWhereDocumented() throws {
        let h = try InProcessHarness()
        try h.run(["init", "--fixture", try h.writeFastFixture()])
        try h.run(["signin", "--email", InProcessHarness.email, "--password-stdin"], stdin: InProcessHarness.password)
        try h.run(["credential-report", "generate"])
        let offered: [([String], String)] = [
            (["audit"], "id,title,controls,severity,status,evidence,remedy\n"),
            (["credential-report", "get"], "user,arn,user_creation_time,"),
            (["class", "report"], "account_id,account_alias,root_email,steps_done,"),
        ]
        for (arguments, header) in offered {
            let r = try h.run(arguments + ["--output", "csv"])
            #expect(r.status == 0 && r.stdout.hasPrefix(header), "\(arguments): \(r.stdout.prefix(80)) \(r.stderr)")
        }
        for arguments in [["dashboard"], ["events"], ["users", "list"], ["mfa", "list"], ["access-keys", "list"]] {
            let r = try h.run(arguments + ["--output", "csv"])
            #expect(
                r
                    == .init(
                        stdout: "",
                        stderr:
                            "iamsim: error: CSV output is not available for this command; use --output text or json.\n",
                        status: 64), "\(arguments)")
        }
        // A new class's credentials, to save as they are printed.
        let classroom = try InProcessHarness()
        let r = try classroom.run(["accounts", "create", "--count", "1", "--output", "csv"])
        #expect(
            r.stdout.hasPrefix(
                "account_id,account_alias,root_email,root_password,root_access_key_id,root_secret_access_key\n"),
            "\(r.stderr)")
    }
}
