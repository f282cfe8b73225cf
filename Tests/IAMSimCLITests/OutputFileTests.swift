import Foundation
import IAMSimTestSupport
import Testing

/// Files iamsim writes for the user (`accounts create --credentials-file`, `mfa assign
/// --qr-png`, `export --file`) never replace a file the user has without `--force`, and are
/// never left half-written: a failure or an interruption leaves the old file or none. The built
/// binary: the subject is the files a process leaves behind, with their modes, also when a
/// signal ends it.
@Suite("End to end: files written for the user")
struct OutputFileTests {
    /// One command that writes a file, with what it needs first.
    struct Writer: CustomTestStringConvertible, Sendable {
        var name: String
        /// Commands run before (on a fresh database with the fast lesson fixture).
        var setUp: [[String]]
        /// The command, given the file's path.
        var command: @Sendable (String) -> [String]
        /// The output's first bytes when the command succeeds.
        var magic: [UInt8]
        var testDescription: String { name }
    }

    static let writers: [Writer] = [
        Writer(
            name: "accounts create --credentials-file", setUp: [],
            command: { ["accounts", "create", "--count", "2", "--credentials-file", $0] },
            magic: Array("account_id,".utf8)),
        Writer(
            name: "mfa assign --qr-png",
            setUp: [["signin", "--email", BinaryHarness.email, "--password-stdin"]],
            command: { ["mfa", "assign", "phone", "--qr-png", $0] }, magic: [0x89, 0x50, 0x4E, 0x47]),
        Writer(name: "export --file", setUp: [], command: { ["export", "--file", $0] }, magic: Array("{".utf8)),
    ]

    static let precious = Data("passwords shown only once\n".utf8)

    func prepared(_ writer: Writer) throws -> BinaryHarness {
        let h = try BinaryHarness()
        try h.run(["init", "--fixture", try h.writeFastFixture()])
        for command in writer.setUp {
            let r = try h.run(command, stdin: BinaryHarness.password)
            #expect(r.status == 0, "\(r.stderr)")
        }
        return h
    }

    /// Everything in the folder but the database and the fixture.
    func strayFiles(_ h: BinaryHarness, besides kept: [String] = []) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: h.folder.path).filter {
            !$0.hasPrefix("iamsim.sqlite") && $0 != "fast-fixture.json" && !kept.contains($0)
        }.sorted()
    }

    @Test(
        "an existing file is refused without --force, byte for byte untouched, and nothing else changes",
        arguments: writers)
    func existingFileKept(writer: Writer) throws {
        let h = try prepared(writer)
        let file = h.folder.appendingPathComponent("mine.out")
        try Self.precious.write(to: file)
        let events = try h.run(["events", "--output", "json"]).stdout.count
        let r = try h.run(writer.command(file.path))
        #expect(r.status == 253)
        #expect(
            r.stderr
                == "iamsim: error: Cannot write \(file.path): the file already exists. Choose another file, or pass --force to replace it.\n"
        )
        #expect(try Data(contentsOf: file) == Self.precious)
        #expect(try strayFiles(h) == ["mine.out"])
        #expect(
            try h.run(["accounts", "list", "--output", "json"]).stdout.components(separatedBy: "AccountId").count == 2)
        #expect(try h.run(["events", "--output", "json"]).stdout.count == events)
    }

    @Test("--force replaces an existing file, with mode 0600", arguments: writers)
    func forceReplaces(writer: Writer) throws {
        let h = try prepared(writer)
        let file = h.folder.appendingPathComponent("mine.out")
        try Self.precious.write(to: file)
        chmod(file.path, 0o644)
        let r = try h.run(writer.command(file.path) + ["--force"])
        #expect(r.status == 0, "\(r.stderr)")
        let written = try Data(contentsOf: file)
        #expect(Array(written.prefix(writer.magic.count)) == writer.magic)
        let mode = try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? NSNumber
        #expect(mode?.intValue == 0o600)
        #expect(try strayFiles(h) == ["mine.out"])
    }

    @Test("a new file is written with mode 0600 and no temporary file is left", arguments: writers)
    func newFile(writer: Writer) throws {
        let h = try prepared(writer)
        let file = h.folder.appendingPathComponent("new.out")
        let r = try h.run(writer.command(file.path))
        #expect(r.status == 0, "\(r.stderr)")
        #expect(Array(try Data(contentsOf: file).prefix(writer.magic.count)) == writer.magic)
        let mode = try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? NSNumber
        #expect(mode?.intValue == 0o600)
        #expect(try strayFiles(h) == ["new.out"])
    }

    @Test("a path that cannot be written fails before anything changes", arguments: writers)
    func badPath(writer: Writer) throws {
        let h = try prepared(writer)
        let events = try h.run(["events", "--output", "json"]).stdout.count
        let file = h.folder.appendingPathComponent("missing-folder/out").path
        let r = try h.run(writer.command(file))
        #expect(r.status == 253)
        #expect(r.stderr.hasPrefix("iamsim: error: Cannot write \(file): its folder"), "\(r.stderr)")
        #expect(try h.run(["events", "--output", "json"]).stdout.count == events)
        #expect(try strayFiles(h).isEmpty)
    }

    @Test("a create that fails in the middle leaves no credentials file, and an existing one as it was")
    func failureInTheMiddle() throws {
        let h = try BinaryHarness()
        var r = try h.run(["accounts", "create", "--count", "2", "--alias-prefix", "room-"])
        #expect(r.status == 0, "\(r.stderr)")
        // The same aliases again: the create fails after the passwords are made.
        let file = h.folder.appendingPathComponent("class.csv")
        // Aliases taken are iamsim's refusal, not AWS's: exit 64 (was 254, as EntityAlreadyExists).
        r = try h.run([
            "accounts", "create", "--count", "2", "--alias-prefix", "room-", "--credentials-file", file.path,
        ])
        #expect(r.status == 64)
        #expect(!FileManager.default.fileExists(atPath: file.path))
        #expect(try strayFiles(h).isEmpty)

        try Self.precious.write(to: file)
        r = try h.run([
            "accounts", "create", "--count", "2", "--alias-prefix", "room-", "--credentials-file", file.path, "--force",
        ])
        #expect(r.status == 64)
        #expect(try Data(contentsOf: file) == Self.precious)
        #expect(try strayFiles(h) == ["class.csv"])
    }

    @Test(
        "a create interrupted by SIGINT or SIGTERM leaves no file, no temporary file and no account",
        .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/python3")), arguments: [SIGINT, SIGTERM])
    func interrupted(signal: Int32) throws {
        let h = try BinaryHarness()
        try h.run(["accounts", "create", "--count", "1"])
        let file = h.folder.appendingPathComponent("class.csv").path
        // messy-account has three user passwords per account, hashed with the slow KDF: time
        // enough to interrupt the create once the credentials are staged.
        let fixture = ClassroomEndToEndTests.fixtures.appendingPathComponent("messy-account.json").path
        // Started through Python, which clears the signal mask a test runner's child inherits
        // and then becomes iamsim (exec), so that the signal reaches iamsim as from a shell.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = [
            "-c",
            "import os, signal, sys; signal.pthread_sigmask(signal.SIG_SETMASK, []); "
                + "[signal.signal(n, signal.SIG_DFL) for n in (signal.SIGINT, signal.SIGTERM)]; os.execv(sys.argv[1], sys.argv[1:])",
            BinaryHarness.binary.path,
            "accounts", "create", "--fixture", fixture, "--count", "300", "--credentials-file", file, "--db",
            h.database,
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(60)
        while try strayFiles(h).isEmpty, Date() < deadline, process.isRunning { usleep(10_000) }
        #expect(try strayFiles(h).count == 1)
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)
        #expect(process.terminationStatus == signal)
        #expect(try strayFiles(h).isEmpty)
        let accounts = try h.run(["accounts", "list", "--output", "json"]).stdout
        #expect(accounts.components(separatedBy: "AccountId").count == 2)
    }
}
