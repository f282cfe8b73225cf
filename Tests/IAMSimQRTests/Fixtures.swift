import Foundation

@testable import IAMSimQR

// MARK: - Shared test data

enum Fixtures {
    /// 64 base32 characters, like a 40-byte IAM virtual-MFA seed.
    static let secret = String(repeating: "JBSWY3DPEHPK3PXP", count: 4)

    /// The URI the IAM console shows when assigning a virtual MFA device.
    static let otpauthURI =
        "otpauth://totp/Amazon%20Web%20Services:root-mfa@123456789012?secret=\(secret)&issuer=Amazon%20Web%20Services"

    /// Payloads covering short, numeric-looking, long and non-ASCII input.
    static let payloads: [String] = [
        otpauthURI,
        "otpauth://totp/Amazon%20Web%20Services:alice@123456789012?secret=\(secret.prefix(32))&issuer=Amazon%20Web%20Services",
        "https://signin.aws.amazon.com/console",
        "123456",
        "Zürich – 東京 – 🔐 MFA",
        String(repeating: "arn:aws:iam::123456789012:user/bob;", count: 20),
    ]
}

// MARK: - External tools

enum Tool {
    static let zbarimg = "/usr/bin/zbarimg"
    static let qrencode = "/usr/bin/qrencode"

    static var hasZbarimg: Bool { FileManager.default.isExecutableFile(atPath: zbarimg) }
    static var hasQrencode: Bool { FileManager.default.isExecutableFile(atPath: qrencode) }

    /// Runs a tool and returns its exit status and stdout. stderr is discarded
    /// (zbarimg prints harmless D-Bus noise there).
    static func run(_ path: String, _ arguments: [String]) throws -> (status: Int32, stdout: Data) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Read before waiting so a full pipe can never deadlock the child.
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, data)
    }

    /// A fresh path in a private temporary directory.
    static func temporaryFile(_ name: String) throws -> URL {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("iamsimqr-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory.appendingPathComponent(name)
    }
}

// MARK: - Image helpers

extension GrayImage {
    /// A uniformly coloured image.
    static func filled(width: Int, height: Int, value: UInt8) -> GrayImage {
        GrayImage(
            width: width, height: height,
            pixels: [UInt8](repeating: value, count: width * height))
    }
}

/// Big-endian UInt32 at `offset`.
func readUInt32(_ bytes: [UInt8], at offset: Int) -> UInt32 {
    bytes[offset..<offset + 4].reduce(0) { $0 << 8 | UInt32($1) }
}
