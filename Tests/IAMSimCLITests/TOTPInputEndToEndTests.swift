import Foundation
import IAMSimTestSupport
import Testing

/// Issue 9, items 10–12, with the commands run in process: phones that run fast, codes typed as
/// apps show them, malformed codes, and the shipped fixtures' seeds.
@Suite("End to end: TOTP input")
struct TOTPInputEndToEndTests {
    static let start: Int64 = 1_767_605_405  // 2026-01-05T09:30:05Z
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// A signed-in root user on a fresh database with the clock stopped at `start`.
    func signedIn() throws -> InProcessHarness {
        let h = try InProcessHarness()
        try h.run(["init", "--fixture", try h.writeFastFixture()])
        try h.run(["clock", "set", "2026-01-05T09:30:05Z"])
        try h.run(["signin", "--email", InProcessHarness.email, "--password-stdin"], stdin: InProcessHarness.password)
        return h
    }

    /// Assigns `name` and returns its seed, read from the JSON answer as a script would.
    func assign(_ h: InProcessHarness, _ name: String) throws -> String {
        let answer = try h.run(["mfa", "assign", name, "--output", "json"]).stdout
        let object = try #require(try JSONSerialization.jsonObject(with: Data(answer.utf8)) as? [String: Any])
        let device = try #require(object["VirtualMFADevice"] as? [String: Any])
        let seedText = try #require(device["Base32StringSeed"] as? String)
        let seed = try #require(Data(base64Encoded: seedText))
        return String(decoding: seed, as: UTF8.self)
    }

    /// Assigns and activates `name` with the codes of `start - 30` and `start`; returns its seed.
    func activate(_ h: InProcessHarness, _ name: String) throws -> String {
        let seed = try assign(h, name)
        let r = try h.run([
            "mfa", "activate", name, "--code1", IndependentTOTP.code(base32: seed, unixTime: Self.start - 30),
            "--code2", IndependentTOTP.code(base32: seed, unixTime: Self.start),
        ])
        #expect(r.status == 0, "\(r.stderr)")
        return seed
    }

    func signIn(_ h: InProcessHarness, code: String) throws -> CommandResult {
        try h.run(
            ["signin", "--email", InProcessHarness.email, "--password-stdin", "--mfa-code", code],
            stdin: InProcessHarness.password)
    }

    @Test("a phone 60–90 s fast: resync from the sign-in page records the drift, and sign-in follows it")
    func resyncFollowsAFastPhone() throws {
        let h = try signedIn()
        let seed = try activate(h, "root-mfa")
        try h.run(["signout"])
        try h.run(["clock", "advance", "30s"])
        let now = Self.start + 30
        let fast = { (seconds: Int64) in IndependentTOTP.code(base32: seed, unixTime: now + seconds) }
        #expect(try signIn(h, code: fast(90)).status == 254)
        let resync = try h.run(
            [
                "mfa", "resync", "root-mfa", "--email", InProcessHarness.email, "--password-stdin", "--code1", fast(60),
                "--code2", fast(90),
            ],
            stdin: InProcessHarness.password)
        #expect(resync.stdout == "Resynchronized root-mfa: 3 steps (90 s) ahead, compensated.\n", "\(resync.stderr)")
        try h.run(["clock", "advance", "30s"])
        let signedIn = try signIn(h, code: fast(120))
        #expect(signedIn.status == 0, "\(signedIn.stderr)")
        #expect(try h.run(["mfa", "list"]).stdout.contains("3 steps (90 s) ahead, compensated"))
    }

    @Test("codes typed as apps show them (123 456, surrounding spaces) activate and sign in")
    func codesAsAppsShowThem() throws {
        let h = try signedIn()
        let seed = try assign(h, "root-mfa")
        let code = { (time: Int64) in IndependentTOTP.code(base32: seed, unixTime: time) }
        let spaced = { (code: String) in " \(code.prefix(3)) \(code.suffix(3)) " }
        let activated = try h.run([
            "mfa", "activate", "root-mfa", "--code1", spaced(code(Self.start - 30)), "--code2",
            spaced(code(Self.start)),
        ])
        #expect(activated.status == 0, "\(activated.stderr)")
        try h.run(["signout"])
        try h.run(["clock", "advance", "30s"])
        let signedIn = try signIn(h, code: spaced(code(Self.start + 30)))
        #expect(signedIn.status == 0, "\(signedIn.stderr)")
    }

    @Test("a malformed code at sign-in is a ValidationError, and six of them do not lock sign-in")
    func malformedCodeDoesNotLock() throws {
        let h = try signedIn()
        let seed = try activate(h, "root-mfa")
        try h.run(["signout"])
        try h.run(["clock", "advance", "30s"])
        for code in ["12345", "1234567", "abcdef", "12345", "abc def", "1234567"] {
            let r = try signIn(h, code: code)
            #expect(r.status == 254)
            #expect(
                r.stderr.hasPrefix(
                    "An error occurred (ValidationError) when calling the ConsoleLogin operation: 1 validation error detected: Value at 'mfaCode' failed to satisfy constraint: Member must"
                ), "\(r.stderr)")
        }
        #expect(
            try signIn(h, code: "12345").stderr
                == "An error occurred (ValidationError) when calling the ConsoleLogin operation: 1 validation error detected: Value at 'mfaCode' failed to satisfy constraint: Member must have length greater than or equal to 6\n"
        )
        let right = try signIn(h, code: IndependentTOTP.code(base32: seed, unixTime: Self.start + 30))
        #expect(right.status == 0, "\(right.stderr)")
    }

    @Test(
        "every shipped fixture passes fixture validate, oathtool -b accepts each seed, and virtual devices' seeds have 64 characters",
        .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/oathtool")))
    func shippedFixtureSeedsAreValidBase32() throws {
        let h = try InProcessHarness()
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.fixtures.path)
            .filter { $0.hasSuffix(".json") && $0 != "fixture.schema.json" }.sorted()
        #expect(files.count >= 5)
        var seeds = 0
        for file in files {
            let path = Self.fixtures.appendingPathComponent(file).path
            let verdict = try h.runWithoutDatabaseOption(["fixture", "validate", path])
            #expect(verdict.status == 0, "\(file): \(verdict.stdout)")
            let json = try JSONSerialization.jsonObject(with: try Data(contentsOf: URL(fileURLWithPath: path)))
            for (where_, seed, virtual) in Self.seeds(in: json, path: "$") {
                seeds += 1
                let oath = try BinaryHarness.tool(
                    "/usr/bin/oathtool", ["-b", "--totp", "--now", "@\(Self.start)", seed])
                #expect(oath.status == 0, "\(file) \(where_): oathtool: \(oath.stderr)")
                if virtual { #expect(seed.count == 64, "\(file) \(where_): \(seed.count) characters") }
            }
        }
        #expect(seeds >= 5)
    }

    @Test("fixture validate refuses a seed no base32 encoder writes, saying why")
    func validateRefusesImpossibleSeed() throws {
        let h = try InProcessHarness()
        let path = h.folder.appendingPathComponent("bad-seed.json").path
        let seed = String(repeating: "A", count: 86)
        try Data(
            """
            {"FormatVersion": 1, "Name": "bad-seed", "Account": {"AccountId": "123456789012",
             "Root": {"Email": "a@example.com", "Password": "pw",
              "MFADevices": [{"DeviceName": "root-mfa", "Base32StringSeed": "\(seed)"}]}}}
            """.utf8
        ).write(to: URL(fileURLWithPath: path))
        let r = try h.runWithoutDatabaseOption(["fixture", "validate", path])
        #expect(r.status == 1)
        #expect(
            r.stdout == """
                \(path): 1 problem
                  $.Account.Root.MFADevices[0].Base32StringSeed: must be base32 (A-Z, 2-7): no encoder writes 86 characters (a character is missing or extra; AWS's seeds have 64)

                """)
    }

    @Test("authenticator add refuses a typed secret or a URI secret of a length no encoder writes, saying why")
    func authenticatorRefusesImpossibleSeed() throws {
        let h = try InProcessHarness()
        try h.run(["init", "--fixture", try h.writeFastFixture()])
        let detail = "no encoder writes 62 characters (a character is missing or extra; AWS's seeds have 64)"
        let typed = try h.run(["authenticator", "add", "--secret", String(repeating: "A", count: 62)])
        // The phone's refusal is not AWS's: a usage error (exit 64, was 254 as a ValidationError).
        #expect(typed.status == 64)
        #expect(
            typed.stderr
                == "iamsim: error: The secret key is not valid base32: \(detail). Compare it with iamsim mfa assign --show-secret.\n"
        )
        let uri = try h.run([
            "authenticator", "add", "--uri", "otpauth://totp/x?secret=\(String(repeating: "A", count: 62))",
        ])
        #expect(uri.status == 64)
        #expect(uri.stderr == "iamsim: error: Not a usable TOTP URI: its secret is not base32: \(detail).\n")
        // 63 and 64 characters are lengths base32 has.
        #expect(try h.run(["authenticator", "add", "--secret", String(repeating: "A", count: 63)]).status == 0)
        #expect(try h.run(["authenticator", "add", "--secret", String(repeating: "B", count: 64)]).status == 0)
        #expect(try h.run(["authenticator", "list"]).stdout.contains("account-2"))
    }

    @Test("a refused pair's hint says why: not consecutive, too far from now, already used")
    func refusedPairHints() throws {
        let h = try signedIn()
        let seed = try assign(h, "root-mfa")
        let code = { (steps: Int64) in IndependentTOTP.code(base32: seed, unixTime: Self.start + steps * 30) }
        let aws =
            "An error occurred (InvalidAuthenticationCode) when calling the EnableMFADevice operation: Authentication code for device is not valid."
        var r = try h.run(["mfa", "activate", "root-mfa", "--code1", code(-1), "--code2", code(1)])
        #expect(r.status == 254)
        #expect(
            r.stderr
                == "\(aws)\nHint: Nothing changed. Both codes are this device's, but not consecutive: code 2 must be the very next code after code 1, with none skipped. Enter the code the authenticator shows now as code 1, wait until it changes, and enter the new one as code 2 (iamsim authenticator codes; iamsim clock advance 30s on a simulated clock).\n"
        )
        r = try h.run(["mfa", "activate", "root-mfa", "--code1", code(2), "--code2", code(3)])
        #expect(
            r.stderr
                == "\(aws)\nHint: Nothing changed. The codes are consecutive, but from 3 steps (90 s) ahead of iamsim's clock, and activation takes codes at most 5 minutes old and at most 30 s ahead. If the phone's clock is wrong, set it to automatic (network) time; if the codes were typed late, use two fresh ones.\n"
        )
        #expect(try h.run(["mfa", "activate", "root-mfa", "--code1", code(-1), "--code2", code(0)]).status == 0)
        r = try h.run(["mfa", "resync", "root-mfa", "--code1", code(-1), "--code2", code(0)])
        #expect(
            r.stderr
                == "An error occurred (InvalidAuthenticationCode) when calling the ResyncMFADevice operation: Authentication code for device is not valid.\nHint: Nothing changed. These codes were already used (to activate the device, resync it or sign in), and each code works once. Wait for the next two codes.\n"
        )
        r = try h.run(["mfa", "resync", "root-mfa", "--code1", code(24), "--code2", code(25)])
        #expect(
            r.stderr
                == "An error occurred (InvalidAuthenticationCode) when calling the ResyncMFADevice operation: Authentication code for device is not valid.\nHint: Nothing changed. The codes are consecutive, but from 25 steps (12.5 minutes) ahead of iamsim's clock, and resync takes codes at most 10 minutes either side. If the phone's clock is wrong, set it to automatic (network) time; if the codes were typed late, use two fresh ones.\n"
        )
        #expect(try h.run(["events"]).stdout.contains("InvalidAuthenticationCode"))
    }

    @Test("a refused sign-in code's hint says why, only when the password was right")
    func refusedSignInHints() throws {
        let h = try signedIn()
        let seed = try activate(h, "root-mfa")
        try h.run(["signout"])
        let aws =
            "An error occurred (AccessDenied) when calling the ConsoleLogin operation: Your authentication information is incorrect. Please try again."
        let fast = IndependentTOTP.code(base32: seed, unixTime: Self.start + 90)
        #expect(
            try signIn(h, code: fast).stderr
                == "\(aws)\nHint: This is the device's code, but from 3 steps (90 s) ahead of the time iamsim expects, and sign-in takes codes at most 30 s either side: the phone's clock is off. Resync the device with two consecutive codes: iamsim mfa resync DEVICE --email EMAIL --code1 C1 --code2 C2\n"
        )
        // A wrong password never tells anything about the code.
        let wrongPassword = try h.run(
            ["signin", "--email", InProcessHarness.email, "--password-stdin", "--mfa-code", fast], stdin: "wrong")
        #expect(
            wrongPassword.stderr
                == "\(aws)\nHint: With MFA active, use the code the authenticator shows now. Each code works once: a code already used (for example to activate the device) is refused, so wait for the next one.\n"
        )
    }

    @Test("a phone on real time against a stopped simulated clock: the hint says so, and how to return to real time")
    func simulatedClockStoppedHint() throws {
        let h = try InProcessHarness()
        try h.run(["init", "--fixture", try h.writeFastFixture()])
        // The simulated clock stands 10 minutes behind real time; the phone reads real time.
        let stopped = Int64(Date().timeIntervalSince1970) - 600
        try h.run(["clock", "set", iso8601(stopped)])
        try h.run(["signin", "--email", InProcessHarness.email, "--password-stdin"], stdin: InProcessHarness.password)
        let seed = try assign(h, "root-mfa")
        let phone = { (offset: Int64) in
            IndependentTOTP.code(base32: seed, unixTime: Int64(Date().timeIntervalSince1970) + offset)
        }
        let r = try h.run(["mfa", "activate", "root-mfa", "--code1", phone(-30), "--code2", phone(0)])
        #expect(
            r.stderr
                == "An error occurred (InvalidAuthenticationCode) when calling the EnableMFADevice operation: Authentication code for device is not valid.\nHint: Nothing changed. iamsim's clock is simulated and stands still, but these codes match real time: the authenticator reads real time. Return to real time with: iamsim clock real (or read the codes from iamsim authenticator codes, which follows the simulated clock).\n"
        )
        let simulated = { (offset: Int64) in IndependentTOTP.code(base32: seed, unixTime: stopped + offset) }
        #expect(
            try h.run(["mfa", "activate", "root-mfa", "--code1", simulated(-30), "--code2", simulated(0)]).status == 0)
        try h.run(["signout"])
        let refused = try signIn(h, code: phone(0))
        #expect(
            refused.stderr
                == "An error occurred (AccessDenied) when calling the ConsoleLogin operation: Your authentication information is incorrect. Please try again.\nHint: This MFA code matches real time, but iamsim's clock is simulated and stands still: the authenticator reads real time. Return to real time with: iamsim clock real (or read the code from iamsim authenticator codes, which follows the simulated clock).\n"
        )
        try h.run(["clock", "real"])
        let signedIn = try signIn(h, code: phone(0))
        #expect(signedIn.status == 0, "\(signedIn.stderr)")
    }

    /// `2026-01-05T09:30:05Z` for a unix time.
    func iso8601(_ unixTime: Int64) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: Date(timeIntervalSince1970: TimeInterval(unixTime)))
    }

    /// Every `Base32StringSeed` in fixture JSON: its path, the seed, and whether it is a virtual device's.
    static func seeds(in json: Any, path: String, virtual: Bool = false) -> [(String, String, Bool)] {
        if let object = json as? [String: Any] {
            let isVirtual = object["DeviceName"] != nil && (object["Type"] as? String ?? "virtual") == "virtual"
            return object.keys.sorted().flatMap { key -> [(String, String, Bool)] in
                if key == "Base32StringSeed", let seed = object[key] as? String {
                    return [("\(path).\(key)", seed, isVirtual)]
                }
                return seeds(in: object[key] as Any, path: "\(path).\(key)")
            }
        }
        if let array = json as? [Any] {
            return array.enumerated().flatMap { seeds(in: $1, path: "\(path)[\($0)]") }
        }
        return []
    }
}
