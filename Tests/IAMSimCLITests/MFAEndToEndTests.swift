import Foundation
import IAMSimTestSupport
import Testing

/// Issue-3 behaviour: QR codes, hardware tokens, limits, replay, lockout and resync. The QR
/// round trip (checked by independent tools on the files written) and replay across processes
/// run the built binary; the rest runs the commands in process.
@Suite("End to end: MFA like the real thing")
struct MFAEndToEndTests {
    static let start: Int64 = 1_767_605_405  // 2026-01-05T09:30:05Z

    func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    /// A signed-in root user on a fresh in-memory database with the clock stopped at `start`.
    func signedIn(fixture: String? = nil) throws -> InProcessHarness {
        try signedIn(InProcessHarness(), fixture: fixture)
    }

    /// A signed-in root user on `h`'s fresh database with the clock stopped at `start`.
    func signedIn<Harness: CommandLineHarness>(_ h: Harness, fixture: String? = nil) throws -> Harness {
        try h.run(["init", "--fixture", try fixture ?? h.writeFastFixture()])
        try h.run(["clock", "set", "2026-01-05T09:30:05Z"])
        try h.run(["signin", "--email", TestValues.email, "--password-stdin"], stdin: TestValues.password)
        return h
    }

    func tool(_ path: String, _ arguments: [String]) throws -> (String, Int32) {
        let result = try BinaryHarness.tool(path, arguments)
        return (result.stdout, result.status)
    }

    /// Assigns and activates a virtual device with codes from the independent TOTP.
    func activate(_ h: some CommandLineHarness, _ name: String, at time: Int64) throws -> String {
        let assigned = try json(try h.run(["mfa", "assign", name, "--output", "json"]).stdout)
        let device = try #require(assigned["VirtualMFADevice"] as? [String: Any])
        let seedText = try #require(device["Base32StringSeed"] as? String)
        let seedData = try #require(Data(base64Encoded: seedText))
        let seed = String(decoding: seedData, as: UTF8.self)
        let r = try h.run([
            "mfa", "activate", name, "--code1", IndependentTOTP.code(base32: seed, unixTime: time - 30),
            "--code2", IndependentTOTP.code(base32: seed, unixTime: time),
        ])
        #expect(r.status == 0, "\(r.stderr)")
        return seed
    }

    @Test(
        "QR round trip: assign → PNG (0600) → zbarimg and authenticator scan give the exact URI → codes match oathtool",
        .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/zbarimg")),
        .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/oathtool")))
    func qrRoundTrip() throws {
        // The binary, end to end: the files it writes, read by independent tools.
        let h = try signedIn(BinaryHarness())
        let png = h.folder.appendingPathComponent("qr.png").path
        let r = try h.run(["mfa", "assign", "root-mfa", "--qr-png", png, "--output", "json"])
        #expect(r.status == 0)
        let answer = try json(r.stdout)
        let uri = try #require(answer["OTPAuthURI"] as? String)
        let device = try #require(answer["VirtualMFADevice"] as? [String: Any])
        // The API's QRCodePNG is the very image written to the file.
        let pngText = try #require(device["QRCodePNG"] as? String)
        let apiPNG = try #require(Data(base64Encoded: pngText))
        #expect(try Data(contentsOf: URL(fileURLWithPath: png)) == apiPNG)
        let mode = try FileManager.default.attributesOfItem(atPath: png)[.posixPermissions] as? NSNumber
        #expect(mode?.intValue == 0o600)

        let (decoded, status) = try tool("/usr/bin/zbarimg", ["--raw", "-q", png])
        #expect(status == 0)
        #expect(decoded == uri + "\n")

        let scan = try h.run(["authenticator", "scan", png])
        #expect(
            scan.stdout
                == "Scanned \(png): added Amazon Web Services (root-mfa@123456789012) to the authenticator. See its codes with: iamsim authenticator codes\n"
        )
        let items = URLComponents(string: uri)?.queryItems ?? []
        let secret = try #require(items.first { $0.name == "secret" }?.value)
        let codesAnswer = try json(try h.run(["authenticator", "codes", "--output", "json"]).stdout)
        let codes = try #require(codesAnswer["Codes"] as? [[String: Any]])
        let (oath, _) = try tool("/usr/bin/oathtool", ["--totp", "-b", "--now", "@\(Self.start)", secret])
        #expect(codes.first?["Code"] as? String == oath.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    @Test("the terminal QR code fits 80 columns, with equal lines; --show-secret shows the key instead")
    func terminalQR() throws {
        let h = try signedIn()
        let text = try h.run(["mfa", "assign", "root-mfa"]).stdout
        let qrLines = text.split(separator: "\n").filter { $0.contains("█") }
        #expect(qrLines.count >= 20)
        #expect(Set(qrLines.map(\.count)).count == 1)
        #expect((qrLines.first?.count ?? 99) <= 80)
        let secret = try h.run(["mfa", "assign", "second", "--show-secret"]).stdout
        #expect(!secret.contains("█"))
        let key = try #require(secret.split(separator: "\n").first { $0.hasPrefix("  ") && $0.count == 66 })
        #expect(key.trimmingCharacters(in: .whitespaces).count == 64)
    }

    @Test("scanning refuses what a phone could not use")
    func scanErrors() throws {
        let h = try signedIn()
        let garbage = h.folder.appendingPathComponent("garbage.png")
        try Data("not an image".utf8).write(to: garbage)
        // An image the phone cannot use is a file iamsim cannot use: exit 253 (was 254, as
        // ValidationError or NoSuchEntity, which are AWS's answers).
        var r = try h.run(["authenticator", "scan", garbage.path])
        #expect(r.status == 253)
        #expect(r.stderr == "iamsim: error: Cannot use \(garbage.path): the file is not a PNG image\n")
        r = try h.run(["authenticator", "scan", "missing.png"])
        #expect(r.status == 253)
        #expect(r.stderr == "iamsim: error: Cannot use missing.png: no such file, or it is not readable\n")
        if FileManager.default.isExecutableFile(atPath: "/usr/bin/qrencode") {
            let web = h.folder.appendingPathComponent("web.png").path
            _ = try tool("/usr/bin/qrencode", ["-o", web, "https://aws.amazon.com/"])
            r = try h.run(["authenticator", "scan", web])
            #expect(r.status == 253)
            #expect(
                r.stderr
                    == "iamsim: error: Cannot use \(web): its QR code is not an authenticator (TOTP) code: it holds 'https://aws.amazon.com/'\n"
            )
        }
        #expect(try h.run(["authenticator", "list", "--output", "json"]).stdout.contains("\"Accounts\": []"))
    }

    @Test("a refused pair of codes says what to do next, and changes nothing")
    func refusedPair() throws {
        let h = try signedIn()
        try h.run(["mfa", "assign", "root-mfa"])
        let r = try h.run(["mfa", "activate", "root-mfa", "--code1", "123456", "--code2", "123456"])
        #expect(r.status == 254)
        #expect(
            r.stderr == """
                An error occurred (InvalidAuthenticationCode) when calling the EnableMFADevice operation: Authentication code for device is not valid.
                Hint: Nothing changed. Code 1 and code 2 are the same code: code 2 must be read after the authenticator changes it. Enter the code the authenticator shows now as code 1, wait until it changes, and enter the new one as code 2 (iamsim authenticator codes; iamsim clock advance 30s on a simulated clock).

                """)
        #expect(try h.run(["mfa", "list"]).stdout.contains("(awaiting activation)"))
    }

    @Test("eight devices per identity; the ninth is refused with AWS's quota message")
    func eightDevices() throws {
        let h = try signedIn()
        var time = Self.start
        for index in 1...8 {
            _ = try activate(h, "device-\(index)", at: time)
            time += 60
            try h.run(["clock", "advance", "60s"])
        }
        let r = try h.run(["mfa", "assign", "device-9"])
        #expect(
            r.stderr
                == "An error occurred (LimitExceeded) when calling the CreateVirtualMFADevice operation: Cannot exceed quota for MFADevicesPerUser: 8\n"
        )
        #expect(r.status == 254)
    }

    @Test("a code works once, also across processes")
    func replay() throws {
        // The binary: the code used in one process is refused in the next, so the state that
        // refuses it is in the file, not in memory.
        let h = try signedIn(BinaryHarness())
        let seed = try activate(h, "root-mfa", at: Self.start)
        try h.run(["signout"])
        try h.run(["clock", "advance", "30s"])
        let code = IndependentTOTP.code(base32: seed, unixTime: Self.start + 30)
        let signIn = ["signin", "--email", TestValues.email, "--password-stdin", "--mfa-code", code]
        #expect(try h.run(signIn, stdin: TestValues.password).status == 0)
        try h.run(["signout"])
        let again = try h.run(signIn, stdin: TestValues.password)
        #expect(again.status == 254)
        #expect(
            again.stderr == """
                An error occurred (AccessDenied) when calling the ConsoleLogin operation: Your authentication information is incorrect. Please try again.
                Hint: This MFA code was already used (to activate the device, resync it or sign in), and each code works once. Wait for the authenticator's next code.

                """)
    }

    @Test("five wrong codes lock sign-in for 15 minutes of the simulated clock; the lock then ends")
    func lockout() throws {
        let h = try signedIn()
        let seed = try activate(h, "root-mfa", at: Self.start)
        try h.run(["signout"])
        let wrong = { (code: String) in
            try h.run(
                ["signin", "--email", TestValues.email, "--password-stdin", "--mfa-code", code],
                stdin: TestValues.password)
        }
        for code in ["111111", "222222"] { #expect(try wrong(code).status == 254) }
        #expect(try wrong("333333").stderr.contains("3 wrong MFA codes in a row"))
        _ = try wrong("444444")
        let locked = try wrong("555555")
        #expect(
            locked.stderr
                == "An error occurred (AccessDenied) when calling the ConsoleLogin operation: Too many wrong MFA codes: sign-in for this user is locked until 2026-01-05 09:45:05 UTC. Wait until then, or resync the device (two consecutive codes), which also lifts the lock: iamsim mfa resync DEVICE --email EMAIL --code1 C1 --code2 C2\nHint: This is not the code the device shows now: read the device's entry in the authenticator (iamsim authenticator codes) and type its current code.\n"
        )
        try h.run(["clock", "advance", "15m"])
        let right = try wrong(IndependentTOTP.code(base32: seed, unixTime: Self.start + 900))
        #expect(right.status == 0)
        #expect(try h.run(["events"]).stdout.contains("MFALockout"))
    }

    @Test("a slow phone: sign-in fails, resync from the sign-in page records the drift, sign-in works")
    func resyncDrift() throws {
        let h = try signedIn()
        let seed = try activate(h, "root-mfa", at: Self.start)
        try h.run(["signout"])
        try h.run(["clock", "advance", "5m"])
        let now = Self.start + 300
        let slow = { (offset: Int64) in IndependentTOTP.code(base32: seed, unixTime: now - 120 + offset) }
        let failed = try h.run(
            ["signin", "--email", TestValues.email, "--password-stdin", "--mfa-code", slow(0)],
            stdin: TestValues.password)
        #expect(failed.status == 254)
        let resync = try h.run(
            [
                "mfa", "resync", "root-mfa", "--email", TestValues.email, "--password-stdin", "--code1", slow(-30),
                "--code2", slow(0),
            ], stdin: TestValues.password)
        #expect(resync.stdout == "Resynchronized root-mfa: 4 steps (120 s) behind, compensated.\n")
        try h.run(["clock", "advance", "30s"])
        let signedIn = try h.run(
            ["signin", "--email", TestValues.email, "--password-stdin", "--mfa-code", slow(30)],
            stdin: TestValues.password)
        #expect(signedIn.status == 0, "\(signedIn.stderr)")
        let list = try h.run(["mfa", "list"]).stdout
        #expect(list.contains("4 steps (120 s) behind, compensated"))
    }

    @Test("hardware TOTP tokens: read the display, assign with two codes; security keys are not simulated")
    func hardwareToken() throws {
        let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Fixtures/hardware-token-lesson.json").path
        let h = try signedIn(fixture: fixture)
        let seed = "KRUGKIDROVUWG2ZAMJZG653OEBTG66BANJ2W24DTEBXXMZLSEB2GQZJANRQXU6JAMRXWOLRAKRUGKIDROVUWG2ZA"
        let code1 = IndependentTOTP.code(base32: seed, unixTime: Self.start)
        #expect(
            try h.run(["hardware-tokens"]).stdout
                == "SERIAL NUMBER  CODE    CHANGES IN\nGAHT12345678   \(code1)  25 s\n")
        try h.run(["clock", "advance", "30s"])
        let code2 = IndependentTOTP.code(base32: seed, unixTime: Self.start + 30)
        let r = try h.run([
            "mfa", "assign", "fob", "--type", "hardware-totp", "--serial", "GAHT12345678", "--code1", code1, "--code2",
            code2,
        ])
        #expect(r.stdout == "Hardware MFA device fob (serial GAHT12345678) is assigned to the root user and active.\n")
        #expect(try h.run(["mfa", "list"]).stdout.contains("fob   hardware  GAHT12345678   root user"))
        let key = try h.run(["mfa", "assign", "yubikey", "--type", "security-key"])
        #expect(key.status == 64)
        #expect(key.stderr.hasPrefix("iamsim: error: Security keys (FIDO2/WebAuthn) are not simulated"))
    }

    /// The shipped hardware-token fixture and its token's serial and seed, read from the file.
    static func hardwareFixture() throws -> (path: String, serial: String, seed: String) {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Fixtures/hardware-token-lesson.json").path
        let json = try #require(
            try JSONSerialization.jsonObject(with: try Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
        let token = try #require(((json["Account"] as? [String: Any])?["HardwareTokens"] as? [[String: Any]])?.first)
        return (
            path, try #require(token["SerialNumber"] as? String), try #require(token["Base32StringSeed"] as? String)
        )
    }

    @Test("mfa list --output json lists a hardware token under MFADevices, never under VirtualMFADevices")
    func hardwareTokenIsNotVirtual() throws {
        let (fixture, serial, seed) = try Self.hardwareFixture()
        let h = try signedIn(fixture: fixture)
        let code1 = IndependentTOTP.code(base32: seed, unixTime: Self.start - 30)
        let code2 = IndependentTOTP.code(base32: seed, unixTime: Self.start)
        let assigned = try h.run([
            "mfa", "assign", "fob", "--type", "hardware-totp", "--serial", serial, "--code1", code1, "--code2", code2,
        ])
        #expect(assigned.status == 0, "\(assigned.stderr)")
        try h.run(["mfa", "assign", "root-spare"])
        // ListMFADevices: root's devices of every type; the one awaiting activation is nobody's yet.
        let list = try json(try h.run(["mfa", "list", "--output", "json"]).stdout)
        #expect(list["VirtualMFADevices"] == nil)
        let devices = try #require(list["MFADevices"] as? [[String: Any]])
        #expect(devices.compactMap { $0["SerialNumber"] as? String } == [serial])
        #expect(devices.first?["UserName"] as? String == "123456789012")
        // ListVirtualMFADevices: virtual devices only, as audit scripts read it.
        let virtual = try json(try h.run(["mfa", "list-virtual", "--output", "json"]).stdout)
        let entries = try #require(virtual["VirtualMFADevices"] as? [[String: Any]])
        #expect(entries.compactMap { $0["SerialNumber"] as? String } == ["arn:aws:iam::123456789012:mfa/root-spare"])
        #expect(entries.allSatisfy { $0["User"] == nil && $0["Base32StringSeed"] == nil })
        let assignedOnly = try json(
            try h.run(["mfa", "list-virtual", "--assignment-status", "assigned", "--output", "json"]).stdout)
        #expect((assignedOnly["VirtualMFADevices"] as? [Any])?.isEmpty == true)
        // The text keeps the console's view: the token, then the device awaiting activation.
        let text = try h.run(["mfa", "list"]).stdout
        #expect(text.contains("fob         hardware  \(serial)"))
        #expect(text.contains("(awaiting activation)"))
    }

    @Test("an IAM user cannot remove root's device awaiting activation: AccessDenied in AWS's words")
    func userCannotRemoveRootsPendingDevice() throws {
        let h = try signedIn()
        try h.run(["users", "create", "alice"])
        try h.run(["login-profile", "create", "alice", "--password-stdin"], stdin: "Alice-password-2026\n")
        try h.run(["mfa", "assign", "root-spare"])
        try h.run(["signout"])
        var r = try h.run(
            ["signin", "--account", "123456789012", "--user", "alice", "--password-stdin"],
            stdin: "Alice-password-2026\n")
        #expect(r.status == 0, "\(r.stderr)")
        r = try h.run(["mfa", "remove", "root-spare"])
        #expect(
            r
                == .init(
                    stdout: "",
                    stderr: """
                        An error occurred (AccessDenied) when calling the DeactivateMFADevice operation: User: arn:aws:iam::123456789012:user/alice is not authorized to perform: iam:DeleteVirtualMFADevice on resource: arn:aws:iam::123456789012:mfa/root-spare

                        """,
                    status: 254))
        // The user's own device awaiting activation, named after them, is theirs to remove.
        try h.run(["mfa", "assign", "alice"])
        #expect(try h.run(["mfa", "remove", "alice"]).status == 0)
        try h.run(["signout"])
        try h.run(["signin", "--email", TestValues.email, "--password-stdin"], stdin: TestValues.password)
        let virtual = try json(try h.run(["mfa", "list-virtual", "--output", "json"]).stdout)
        #expect(
            (virtual["VirtualMFADevices"] as? [[String: Any]])?.compactMap { $0["SerialNumber"] as? String } == [
                "arn:aws:iam::123456789012:mfa/root-spare"
            ])
    }
}
