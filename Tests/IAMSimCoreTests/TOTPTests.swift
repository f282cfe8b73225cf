import Foundation
import Testing

@testable import IAMSimCore

@Suite("TOTP (RFC 6238) and HOTP (RFC 4226)")
struct TOTPTests {
    static let rfcSecret = Array("12345678901234567890".utf8)

    @Test(
        "RFC 6238 appendix B vectors, SHA1, 8 digits",
        arguments: [
            (59, "94287082"), (1_111_111_109, "07081804"), (1_111_111_111, "14050471"),
            (1_234_567_890, "89005924"), (2_000_000_000, "69279037"), (20_000_000_000, "65353130"),
        ] as [(Int64, String)])
    func rfc6238SHA1(time: Int64, expected: String) {
        let totp = TOTP(secret: Self.rfcSecret, digits: 8)
        #expect(totp.code(at: Date(timeIntervalSince1970: TimeInterval(time))) == expected)
    }

    @Test(
        "RFC 6238 appendix B vectors, SHA256 and SHA512",
        arguments: [
            (59, "46119246", "90693936"), (1_111_111_109, "68084774", "25091201"),
            (1_111_111_111, "67062674", "99943326"), (1_234_567_890, "91819424", "93441116"),
            (2_000_000_000, "90698825", "38618901"), (20_000_000_000, "77737706", "47863826"),
        ] as [(Int64, String, String)])
    func rfc6238SHA2(time: Int64, sha256: String, sha512: String) {
        let date = Date(timeIntervalSince1970: TimeInterval(time))
        let seed32 = Array("12345678901234567890123456789012".utf8)
        let seed64 = Array("1234567890123456789012345678901234567890123456789012345678901234".utf8)
        #expect(TOTP(secret: seed32, digits: 8, algorithm: .sha256).code(at: date) == sha256)
        #expect(TOTP(secret: seed64, digits: 8, algorithm: .sha512).code(at: date) == sha512)
    }

    @Test("six-digit codes are the last six digits of the RFC vectors")
    func sixDigits() {
        let totp = TOTP(secret: Self.rfcSecret)
        #expect(totp.code(at: Date(timeIntervalSince1970: 59)) == "287082")
        #expect(totp.code(at: Date(timeIntervalSince1970: 1_234_567_890)) == "005924")
        // The adjacent pair around t = 1234567890 (step 41152263).
        #expect(totp.code(atStep: 41_152_263) == "005924")
        #expect(totp.code(atStep: 41_152_264) == "590587")
        #expect(totp.code(atStep: 41_152_262) == "980357")
    }

    @Test(
        "RFC 4226 appendix D HOTP vectors",
        arguments: Array(
            zip(
                0..<10,
                ["755224", "287082", "359152", "969429", "338314", "254676", "287922", "162583", "399871", "520489"])))
    func rfc4226(counter: Int, expected: String) {
        #expect(TOTP(secret: Self.rfcSecret).code(atStep: Int64(counter)) == expected)
    }

    @Test("steps are 30 seconds from T0 = 0, and the seconds left count down to 1")
    func steps() {
        #expect(TOTP.step(at: Date(timeIntervalSince1970: 0)) == 0)
        #expect(TOTP.step(at: Date(timeIntervalSince1970: 29.9)) == 0)
        #expect(TOTP.step(at: Date(timeIntervalSince1970: 30)) == 1)
        #expect(TOTP.secondsRemaining(at: Date(timeIntervalSince1970: 30)) == 30)
        #expect(TOTP.secondsRemaining(at: Date(timeIntervalSince1970: 59)) == 1)
        #expect(TOTP.secondsRemaining(at: Date(timeIntervalSince1970: 45)) == 15)
    }

    @Test(
        "codes for random seeds agree with oathtool",
        .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/oathtool")))
    func oathtoolCrossCheck() throws {
        let generator = SecretGenerator(random: .seeded(42))
        for index in 0..<8 {
            let seed = generator.mfaSeed()
            let time: Int64 = 1_700_000_000 + Int64(index) * 7_919
            let totp = try #require(TOTP(base32Secret: seed))
            let ours = totp.code(at: Date(timeIntervalSince1970: TimeInterval(time)))
            let theirs = try run("/usr/bin/oathtool", ["--totp", "-b", "--now", "@\(time)", seed])
            #expect(ours == theirs, "seed \(seed) at \(time)")
        }
    }

    func run(_ tool: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

@Suite("Base32 (RFC 4648)")
struct Base32Tests {
    @Test(
        "RFC 4648 vectors, without padding",
        arguments: [
            ("f", "MY"), ("fo", "MZXQ"), ("foo", "MZXW6"), ("foob", "MZXW6YQ"), ("fooba", "MZXW6YTB"),
            ("foobar", "MZXW6YTBOI"),
        ])
    func vectors(plain: String, encoded: String) {
        #expect(Base32.encode(Array(plain.utf8)) == encoded)
        #expect(Base32.decode(encoded) == Array(plain.utf8))
    }

    @Test("decoding forgives case, spaces, hyphens and padding, as authenticator apps do")
    func forgiving() {
        #expect(Base32.decode("mzxw 6ytb-oi======") == Array("foobar".utf8))
    }

    @Test("decoding rejects other characters and empty input", arguments: ["", "MZ1W", "MZXW6!", "MY==MY", "===="])
    func rejects(text: String) {
        #expect(Base32.decode(text) == nil)
    }

    @Test(
        "decoding refuses the lengths no encoder writes: 1, 3 or 6 characters past a multiple of 8",
        arguments: Array(1...24) + [57, 62, 63, 64, 86, 88])
    func impossibleLengths(length: Int) {
        let text = String(repeating: "A", count: length)
        let possible = ![1, 3, 6].contains(length % 8)
        #expect((Base32.decode(text) != nil) == possible, "\(length) characters")
    }

    @Test(
        "padding, when present, must end the text and complete its last group of eight",
        arguments: [
            ("MY======", true), ("MZXQ====", true), ("MZXW6===", true), ("MZXW6YQ=", true), ("MZXW6YTBOI======", true),
            ("MY=", false), ("MY====", false), ("MZXQ==", false), ("MZXW6YTB========", false), ("MY======MY", false),
            ("M=======", false),
        ])
    func padding(text: String, valid: Bool) {
        #expect((Base32.decode(text) != nil) == valid, "\(text)")
    }

    @Test("each kind of problem says what is wrong")
    func problems() {
        #expect(Base32.problem(in: "") == .empty)
        #expect(Base32.problem(in: "MZ1W") == .badCharacter("1"))
        #expect(Base32.problem(in: String(repeating: "A", count: 86)) == .impossibleLength(86))
        #expect(Base32.problem(in: "MY=") == .badPadding)
        #expect(Base32.problem(in: "mzxw 6ytb-oi======") == nil)
    }

    @Test("a seed iamsim stored before lengths were checked still decodes, to the same key as then")
    func storedSeeds() throws {
        let old = "MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43UOV3HO6DZPIYTEMZUGU3DOOBZGAYTEMZUGU3DOOBZGBQWEY3EMVTGOZ"
        #expect(Base32.decode(old) == nil)
        let key = try #require(Base32.decodeStored(old))
        #expect(key.count == 53)
        // Re-encoded, it is a valid seed with the same key, which `export` writes.
        #expect(Base32.canonical(old).count == 85)
        #expect(Base32.decode(Base32.canonical(old)) == key)
        let valid = "JBSWY3DPEHPK3PXP"
        #expect(Base32.canonical(valid) == valid)
    }

    @Test("the RFC 6238 secret encodes to its well-known base32 form")
    func rfcSecret() {
        #expect(Base32.encode(Array("12345678901234567890".utf8)) == "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ")
    }
}
