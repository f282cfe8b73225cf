import Crypto
import Foundation

/// Runs the built `iamsim` binary in a scratch folder, as a user would from a shell.
struct BinaryHarness {
    struct Result: Equatable {
        var stdout: String
        var stderr: String
        var status: Int32
    }

    static let password = "Activate-MFA-2026!"
    static let email = "trainee@example.com"

    let folder: URL
    var database: String { folder.appendingPathComponent("iamsim.sqlite").path }

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("iamsim-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    static var binary: URL {
        #if os(macOS)
            let products =
                Bundle.allBundles.first { $0.bundlePath.hasSuffix(".xctest") }?.bundleURL.deletingLastPathComponent()
                ?? Bundle.main.bundleURL
        #else
            let products = Bundle.main.bundleURL
        #endif
        return products.appendingPathComponent("iamsim")
    }

    /// Runs `iamsim ARGUMENTS --db DATABASE` with `stdin` piped in (never a terminal).
    @discardableResult
    func run(_ arguments: [String], stdin: String? = nil, environment: [String: String] = [:]) throws -> Result {
        try runWithoutDatabaseOption(arguments + ["--db", database], stdin: stdin, environment: environment)
    }

    /// Runs `iamsim ARGUMENTS` exactly as given, in the scratch folder with HOME set to it.
    @discardableResult
    func runWithoutDatabaseOption(_ arguments: [String], stdin: String? = nil, environment: [String: String] = [:])
        throws -> Result
    {
        var env = ["HOME": folder.path, "PATH": "/usr/bin:/bin", "NO_COLOR": "1"]
        env.merge(environment) { $1 }
        return try Self.execute(Self.binary, arguments, stdin: stdin, environment: env, directory: folder)
    }

    /// Runs another program (an independent checker such as `zbarimg`, `sqlite3` or `python3`).
    @discardableResult
    static func tool(_ path: String, _ arguments: [String], stdin: String? = nil) throws -> Result {
        try execute(URL(fileURLWithPath: path), arguments, stdin: stdin, environment: nil, directory: nil)
    }

    /// Runs a program with `stdin` piped in (never a terminal) and collects its output.
    private static func execute(
        _ executable: URL, _ arguments: [String], stdin: String?, environment: [String: String]?, directory: URL?
    ) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let environment { process.environment = environment }
        if let directory { process.currentDirectoryURL = directory }
        let input = Pipe()
        let output = Pipe()
        let error = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = error
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            stdout: String(decoding: out, as: UTF8.self), stderr: String(decoding: err, as: UTF8.self),
            status: process.terminationStatus)
    }

    /// Writes the lesson fixture with a cheap pre-computed password hash, so end-to-end tests
    /// do not spend seconds per sign-in on the deliberate default cost (debug builds are slow).
    func writeFastFixture() throws -> String {
        let path = folder.appendingPathComponent("fast-fixture.json").path
        let fixture = """
            {"FormatVersion": 1, "Name": "root-mfa-lesson-fast", "Account": {"AccountId": "123456789012",
             "CreateDate": "2026-01-05T09:00:00Z",
             "Root": {"Email": "\(Self.email)", "PasswordHash": "\(Self.cheapHash)",
              "AccessKeys": [{"AccessKeyId": "AKIAIOSFODNN7EXAMPLE", "SecretAccessKey": "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
               "Status": "Active", "CreateDate": "2026-01-05T09:00:00Z"}]}}}
            """
        try Data(fixture.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// `Activate-MFA-2026!` hashed with PBKDF2-HMAC-SHA512, 1,000 rounds, salt "iamsim-e2e-salt!",
    /// computed by Python's hashlib (independently of iamsim).
    static let cheapHash =
        "pbkdf2-sha512$1000$aWFtc2ltLWUyZS1zYWx0IQ==$OnFezUvHnnsdTkSH13fb5pUYPLZtMdvcFn5ruCgt7rnqclDdQ+vxiZ6wJELoxxu11glSG8w+fuM7mItVXyN5dA=="
}

/// An RFC 6238 implementation independent of iamsim's, for computing the codes a phone shows.
enum IndependentTOTP {
    static func code(base32 seed: String, unixTime: Int64) -> String {
        let key = decodeBase32(seed)
        var counter = UInt64(unixTime / 30).bigEndian
        let message = Data(bytes: &counter, count: 8)
        let mac = Array(HMAC<Insecure.SHA1>.authenticationCode(for: message, using: SymmetricKey(data: key)))
        let offset = Int(mac[19] & 0x0f)
        let value = (UInt32(mac[offset]) & 0x7f) << 24 | UInt32(mac[offset + 1]) << 16 | UInt32(mac[offset + 2]) << 8
            | UInt32(mac[offset + 3])
        return String(format: "%06u", value % 1_000_000)
    }

    static func decodeBase32(_ text: String) -> [UInt8] {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
        var bits = ""
        for char in text.uppercased() {
            guard let index = alphabet.firstIndex(of: char) else { continue }
            let binary = String(index, radix: 2)
            bits += String(repeating: "0", count: 5 - binary.count) + binary
        }
        var bytes: [UInt8] = []
        var index = bits.startIndex
        while bits.distance(from: index, to: bits.endIndex) >= 8 {
            let next = bits.index(index, offsetBy: 8)
            bytes.append(UInt8(bits[index..<next], radix: 2) ?? 0)
            index = next
        }
        return bytes
    }
}
