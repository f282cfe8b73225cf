import Foundation
import IAMSimTestSupport
import Testing

/// Commands that only read (audit, events, class report, accounts list, export) work on a
/// database file the user may only read, such as an instructor's 0444 copy, and leave it as it
/// was. The built binary, on files: the subject is file permissions, and the process runs as
/// another user when the tests run as root.
@Suite(
    "End to end: read-only database files",
    .enabled(if: getuid() != 0 || FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv")))
struct ReadOnlyDatabaseTests {
    static let readers: [[String]] = [
        ["audit"], ["audit", "--output", "json"], ["events"], ["class", "report"], ["accounts", "list"], ["export"],
    ]

    /// Runs the binary as a user that is not root (root may write any file), or as this user
    /// when it is not root already.
    func runAsReader(_ arguments: [String]) throws -> BinaryHarness.Result {
        if getuid() != 0 { return try BinaryHarness.tool(BinaryHarness.binary.path, arguments) }
        return try BinaryHarness.tool(
            "/usr/bin/setpriv",
            ["--reuid=65534", "--regid=65534", "--clear-groups", BinaryHarness.binary.path] + arguments)
    }

    /// A database with some history, checkpointed, and a 0444 copy of it in `folder`.
    func instructorsCopy(_ h: BinaryHarness, folderMode: mode_t) throws -> String {
        try h.run(["init", "--fixture", try h.writeFastFixture()])
        try h.run(["clock", "set", "2026-01-05T09:30:05Z"])
        try h.run(["signin", "--email", BinaryHarness.email, "--password-stdin"], stdin: BinaryHarness.password)
        try h.run(["access-keys", "deactivate", "AKIAIOSFODNN7EXAMPLE"])
        try BinaryHarness.tool("/usr/bin/sqlite3", [h.database, "PRAGMA wal_checkpoint(TRUNCATE);"])
        let folder = h.folder.appendingPathComponent("copy")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false)
        let copy = folder.appendingPathComponent("class.sqlite").path
        try FileManager.default.copyItem(atPath: h.database, toPath: copy)
        chmod(copy, 0o444)
        chmod(folder.path, folderMode)
        return copy
    }

    @Test(
        "read-only commands read a 0444 copy (in a writable or a read-only folder) and leave it unchanged",
        arguments: [mode_t(0o777), mode_t(0o755)])
    func readOnlyCopy(folderMode: mode_t) throws {
        let h = try BinaryHarness()
        let copy = try instructorsCopy(h, folderMode: folderMode)
        let before = try Data(contentsOf: URL(fileURLWithPath: copy))
        for arguments in Self.readers {
            let expected = try h.run(arguments)
            #expect(expected.status == 0, "\(arguments): \(expected.stderr)")
            let r = try runAsReader(arguments + ["--db", copy])
            #expect(r.status == 0, "\(arguments): \(r.stderr)")
            #expect(r.stderr == "", "\(arguments)")
            #expect(r.stdout == expected.stdout, "\(arguments)")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: copy)) == before)
    }

    @Test("a command that writes says clearly that the file is read-only, and changes nothing")
    func writerRefused() throws {
        let h = try BinaryHarness()
        let copy = try instructorsCopy(h, folderMode: 0o777)
        let before = try Data(contentsOf: URL(fileURLWithPath: copy))
        let r = try runAsReader(["clock", "advance", "30s", "--db", copy])
        #expect(r.status == 253)
        #expect(
            r.stderr
                == "iamsim: error: Cannot use the database \(copy): the file cannot be opened for writing, and this command writes (audit, events, class report, accounts list and export only read)\n"
        )
        #expect(try Data(contentsOf: URL(fileURLWithPath: copy)) == before)
    }

    @Test("a read-only file with an older schema is refused clearly, not migrated")
    func olderSchemaRefused() throws {
        let h = try BinaryHarness()
        try h.run(["init", "--fixture", try h.writeFastFixture()])
        // Pretend the last migration has not run (an older iamsim's file).
        try BinaryHarness.tool(
            "/usr/bin/sqlite3",
            [
                h.database,
                "DELETE FROM grdb_migrations WHERE identifier = (SELECT max(identifier) FROM grdb_migrations); PRAGMA wal_checkpoint(TRUNCATE);",
            ])
        chmod(h.database, 0o444)
        chmod(h.folder.path, 0o755)
        let before = try Data(contentsOf: URL(fileURLWithPath: h.database))
        let r = try runAsReader(["events", "--db", h.database])
        #expect(r.status == 253)
        #expect(
            r.stderr
                == "iamsim: error: Cannot use the database \(h.database): it was written by an older iamsim and must be upgraded, which needs write access to the file; run any command with write access first\n"
        )
        #expect(try Data(contentsOf: URL(fileURLWithPath: h.database)) == before)
    }
}
