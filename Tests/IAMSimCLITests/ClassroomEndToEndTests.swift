import Foundation
import IAMSimTestSupport
import Testing

/// An instructor's day: a class from a fixture, credentials handed out, trainees working at
/// once, progress followed, one trainee and then the class reset. The day runs the built binary
/// (trainees in processes of their own); the rest runs the commands in process.
@Suite("End to end: classrooms")
struct ClassroomEndToEndTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures")

    func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    /// `(account id, alias, email, password)` rows of a credentials file.
    func credentials(_ path: String) throws -> [[String]] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").dropFirst().map {
            $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
    }

    @Test("a class of 4: credentials file, trainees in parallel, report, one reset, reset all")
    func instructorDay() throws {
        // The binary: trainees work at once in processes of their own, each opening the file,
        // and nobody may see "database is locked", which only separate processes can show.
        let h = try BinaryHarness()
        let file = h.folder.appendingPathComponent("class.csv").path
        var r = try h.run([
            "accounts", "create", "--count", "4", "--email", "student{n}@school.example", "--alias-prefix", "room-b-",
            "--credentials-file", file,
        ])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "Created 4 accounts from root-mfa-lesson; their credentials are in \(file) (mode 0600).\n")
        #expect(r.stderr == "")
        let mode = try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? NSNumber
        #expect(mode?.intValue == 0o600)
        let rows = try credentials(file)
        #expect(rows.map { $0[1] } == ["room-b-1", "room-b-2", "room-b-3", "room-b-4"])
        #expect(rows.map { $0[2] } == (1...4).map { "student\($0)@school.example" })
        #expect(Set(rows.map { $0[0] }).count == 4)
        // Root's fresh access key, one per account, each its own.
        #expect(
            rows.allSatisfy { $0.count == 6 && $0[4].wholeMatch(of: /AKIA[A-Z2-7]{16}/) != nil && $0[5].count == 40 })
        #expect(Set(rows.map { $0[4] }).count == 4 && Set(rows.map { $0[5] }).count == 4)

        // Four trainees work at once, each in their own account (IAMSIM_ACCOUNT), each in
        // several processes; nobody sees "database is locked".
        let group = DispatchGroup()
        let failures = Failures()
        for row in rows {
            group.enter()
            DispatchQueue.global().async {
                defer { group.leave() }
                do {
                    let env = ["IAMSIM_ACCOUNT": row[1]]
                    let steps: [([String], String?)] = [
                        (["signin", "--email", row[2], "--password-stdin"], row[3]),
                        (["dashboard"], nil), (["access-keys", "list"], nil),
                        (["access-keys", "create"], nil), (["mfa", "assign", "phone"], nil), (["events"], nil),
                    ]
                    for (arguments, stdin) in steps {
                        let result = try h.run(arguments, stdin: stdin, environment: env)
                        if result.status != 0 { failures.add("\(row[1]) \(arguments): \(result.stderr)") }
                    }
                } catch {
                    failures.add("\(row[1]): \(error)")
                }
            }
        }
        group.wait()
        #expect(failures.all.isEmpty)

        r = try h.run(["class", "report", "--output", "json"])
        let accounts = try #require(try json(r.stdout)["Accounts"] as? [[String: Any]])
        #expect(accounts.count == 4)
        #expect(accounts.allSatisfy { ($0["StepsDone"] as? Int) ?? 0 >= 3 })
        r = try h.run(["class", "report", "--output", "csv"])
        #expect(r.stdout.split(separator: "\n").count == 5)

        // One stuck trainee starts over; the others keep their work.
        r = try h.run(["reset", "--account", "room-b-2"])
        #expect(r.stdout == "Reset account \(rows[1][0]) to its fixture.\n")
        let keys = { (alias: String) throws -> Int in
            let listing = try h.run(["access-keys", "list", "--output", "json", "--account", alias])
            return (try self.json(listing.stdout)["AccessKeyMetadata"] as? [Any])?.count ?? -1
        }
        // The reset ended the session.
        #expect(try h.run(["access-keys", "list", "--account", "room-b-2"]).status == 254)
        try h.run(["signin", "--email", rows[1][2], "--password-stdin"], stdin: rows[1][3])
        #expect(try keys("room-b-2") == 1)
        #expect(try keys("room-b-1") == 2)

        // The next class: everyone back to the start, in one go.
        r = try h.run(["reset", "--all"])
        #expect(r.stdout == "Reset 4 accounts to their fixtures.\n")
        r = try h.run(["class", "report", "--output", "json"])
        let reset = try #require(try json(r.stdout)["Accounts"] as? [[String: Any]])
        #expect(reset.allSatisfy { $0["StepsDone"] as? Int == 0 })

        // Unknown accounts are clear errors.
        // An account that is not in the database is a value the user typed: exit 64 (was 254, as NoSuchEntity).
        r = try h.run(["reset", "--account", "room-z-9"])
        #expect(r.status == 64)
        #expect(
            r.stderr
                == "iamsim: error: No account with id or alias room-z-9 in this database. List them with: iamsim accounts list\n"
        )
        r = try h.run(["reset"])
        #expect(r.status == 64)
    }

    @Test("one account is counted as one: created, and reset to its fixture")
    func singular() throws {
        let h = try InProcessHarness()
        var r = try h.run(["accounts", "create", "--count", "1", "--alias-prefix", "solo-"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(
            r.stdout.hasPrefix(
                "Created 1 account from root-mfa-lesson. The passwords and secret access keys are shown only now:\n"))
        r = try h.run(["reset", "--account", "solo-1"])
        #expect(r.stdout.hasSuffix(" to its fixture.\n"))
        #expect(r.stdout.hasPrefix("Reset account "))
    }

    @Test("export writes a fixture that loads back to the same state")
    func exportRoundTrip() throws {
        let h = try InProcessHarness()
        try h.run(["init", "--fixture", Self.fixtures.appendingPathComponent("messy-account.json").path])
        let exported = h.folder.appendingPathComponent("export.json").path
        var r = try h.run(["export", "--file", exported])
        #expect(r.stdout == "Exported account 210987654321 to \(exported).\n")
        #expect(try h.run(["fixture", "validate", exported]).status == 0)
        let other = h.folder.appendingPathComponent("other.sqlite").path
        try h.runWithoutDatabaseOption(["init", "--fixture", exported, "--db", other])
        r = try h.runWithoutDatabaseOption(["export", "--db", other])
        let first = try json(String(contentsOfFile: exported, encoding: .utf8))
        let second = try json(r.stdout)
        #expect(
            NSDictionary(dictionary: first["Account"] as? [String: Any] ?? [:])
                == NSDictionary(dictionary: second["Account"] as? [String: Any] ?? [:]))
    }

    @Test("fixture validate reports every problem with its path; loading a bad fixture changes nothing")
    func validate() throws {
        let h = try InProcessHarness()
        let bad = h.folder.appendingPathComponent("bad.json").path
        try Data(
            """
            {"FormatVersion": 1, "Name": "bad", "Account": {"AccountId": "12345", "Root": {"Email": "x@y.z", "Password": "p",
             "AccessKeys": [{"AccessKeyId": "AKIAIOSFODNN7EXAMPLE", "SecretAccessKey": "short"}],
             "MFADevices": [{"DeviceName": "phone", "Base32StringSeed": "not base32!"}]},
             "Users": [{"UserName": "bob"}, {"UserName": "BOB", "Passwrd": "x"}],
             "Groups": [{"GroupName": "admins", "Members": ["carol"]}]}}
            """.utf8
        ).write(to: URL(fileURLWithPath: bad))
        let r = try h.run(["fixture", "validate", bad])
        #expect(r.status == 1)
        #expect(
            r.stdout == """
                \(bad): 6 problems
                  $.Account.Users[1].Passwrd: unknown field (expected one of: AccessKeys, CreateDate, LoginProfile, MFADevices, PasswordLastUsed, Path, UserId, UserName)
                  $.Account.AccountId: must be exactly 12 digits
                  $.Account.Root.AccessKeys[0].SecretAccessKey: must be exactly 40 characters
                  $.Account.Root.MFADevices[0].Base32StringSeed: must be base32 (A-Z, 2-7)
                  $.Account.Users[1].UserName: duplicate user name BOB (names are case-insensitive)
                  $.Account.Groups[0].Members[0]: no user named carol in $.Account.Users

                """)
        for good in [
            "root-mfa-lesson", "root-mfa-lesson-completed", "users-and-groups-lesson", "messy-account",
            "hardware-token-lesson", "audit-practice",
        ] {
            let verdict = try h.run(["fixture", "validate", Self.fixtures.appendingPathComponent("\(good).json").path])
            #expect(verdict.status == 0, "\(good): \(verdict.stdout)")
        }
        // Loading it into a class changes nothing.
        try h.run(["accounts", "create", "--count", "2"])
        let before = try h.run(["accounts", "list"]).stdout
        // A fixture file iamsim cannot use is a local file problem, not an AWS answer: exit 253.
        #expect(try h.run(["accounts", "create", "--fixture", bad, "--count", "2"]).status == 253)
        #expect(try h.run(["accounts", "list"]).stdout == before)
    }

    @Test(
        "the shipped fixtures satisfy Fixtures/fixture.schema.json, and a broken one does not",
        .enabled(
            if: FileManager.default.isExecutableFile(atPath: "/usr/bin/python3")
                || FileManager.default.isExecutableFile(atPath: "/usr/local/bin/python3")))
    func schema() throws {
        let script = """
            import glob, json, sys
            try:
                import jsonschema
            except ImportError:
                print("skip"); sys.exit(0)
            folder = sys.argv[1]
            schema = json.load(open(folder + "/fixture.schema.json"))
            jsonschema.Draft202012Validator.check_schema(schema)
            validator = jsonschema.Draft202012Validator(schema)
            bad = 0
            for path in sorted(glob.glob(folder + "/*.json")):
                if path.endswith("schema.json"): continue
                errors = list(validator.iter_errors(json.load(open(path))))
                if errors: print(path, errors[0].message); bad += 1
            broken = {"FormatVersion": 1, "Name": "x", "Account": {"AccountId": "1", "Root": {"Email": "a@b.c"}, "Extra": 1}}
            print("ok" if bad == 0 and len(list(validator.iter_errors(broken))) >= 3 else "failed")
            """
        let output = try BinaryHarness.tool("/usr/bin/env", ["python3", "-c", script, Self.fixtures.path]).stdout
        #expect(output == "ok\n" || output == "skip\n", "\(output)")
    }
}

/// Failures collected from several threads.
final class Failures: @unchecked Sendable {
    private var items: [String] = []
    private let lock = NSLock()

    func add(_ item: String) {
        lock.lock()
        items.append(item)
        lock.unlock()
    }

    var all: [String] {
        lock.lock()
        defer { lock.unlock() }
        return items
    }
}
