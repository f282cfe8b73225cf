import Foundation
import IAMSimMacros

/// Mints the identifiers and secrets AWS hands out, in AWS's formats.
@MemberwiseInit
public struct SecretGenerator: Sendable {
    static let base32Alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".utf8)
    static let secretAlphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
    static let hexAlphabet = Array("0123456789abcdef".utf8)
    static let digits = Array("0123456789".utf8)

    public let random: RandomSource

    /// `AKIA` followed by 16 base32 characters: 20 characters, like AWS long-term keys.
    public func accessKeyID() -> AccessKeyID {
        AccessKeyID(known: "AKIA" + random.string(count: 16, from: Self.base32Alphabet))
    }

    /// `ASIA` followed by 16 base32 characters: a temporary key of STS `GetSessionToken`.
    public func temporaryAccessKeyID() -> String {
        "ASIA" + random.string(count: 16, from: Self.base32Alphabet)
    }

    /// An STS session token: 200 random bytes in base64 (268 characters). AWS's tokens are
    /// opaque base64 of no fixed length; only the token's digest is stored.
    public func stsSessionToken() -> String {
        Data(random.bytes(200)).base64EncodedString()
    }

    /// A 40-character secret access key.
    public func secretAccessKey() -> String {
        random.string(count: 40, from: Self.secretAlphabet)
    }

    /// `AIDA` followed by 17 base32 characters, the shape of an IAM user's unique id.
    public func userID() -> String {
        "AIDA" + random.string(count: 17, from: Self.base32Alphabet)
    }

    /// `AGPA` followed by 17 base32 characters, the shape of a group's unique id.
    public func groupID() -> String {
        "AGPA" + random.string(count: 17, from: Self.base32Alphabet)
    }

    /// A job id in the form AWS's are (`GenerateServiceLastAccessedDetails`): a version 4 UUID,
    /// 36 characters in lowercase hexadecimal.
    public func jobID() -> String {
        var bytes = random.bytes(16)
        bytes[6] = (bytes[6] & 0x0F) | 0x40
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        let hex = String(
            decoding: bytes.flatMap { [Self.hexAlphabet[Int($0 >> 4)], Self.hexAlphabet[Int($0 & 0x0F)]] },
            as: UTF8.self)
        return [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { range in
            String(hex.dropFirst(range.lowerBound).prefix(range.count))
        }.joined(separator: "-")
    }

    /// A hardware token serial in the shape of AWS's Gemalto tokens: `GAHT` and 8 digits.
    public func hardwareSerial() -> String {
        "GAHT" + random.string(count: 8, from: Self.digits)
    }

    /// The characters of a handed-out console password: letters and digits without the ones
    /// people confuse (I, O, l, 0, 1). 24 + 25 + 8 = 57 characters.
    static let consolePasswordAlphabet = Array("ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789".utf8)
    /// How many groups of `consolePasswordGroupLength` characters a console password has.
    static let consolePasswordGroups = 5
    static let consolePasswordGroupLength = 4

    /// The entropy of `consolePassword()` in bits: log2 of how many passwords it can return
    /// (57^20 strings less those without an uppercase letter, a lowercase letter or a digit,
    /// by inclusion-exclusion), about 116.6. It must stay at or above 100 bits: that is what
    /// lets iamsim store these passwords with a fast salted hash (`PasswordHasher.hashGenerated`).
    public static var consolePasswordEntropyBits: Double {
        let length = Double(consolePasswordGroups * consolePasswordGroupLength)
        let all = Double(consolePasswordAlphabet.count)
        let (upper, lower, digits) = (24.0, 25.0, 8.0)
        let valid =
            pow(all, length) - pow(all - upper, length) - pow(all - lower, length) - pow(all - digits, length)
            + pow(digits, length) + pow(upper, length) + pow(lower, length)
        return log2(valid)
    }

    /// A console password to hand out: five groups of four letters and digits joined by `-`
    /// (24 characters, with an uppercase letter, a lowercase letter, a digit and a symbol, so
    /// that it meets AWS's default policy and CIS's 14-character minimum), with about 116 bits
    /// of entropy (`consolePasswordEntropyBits`).
    public func consolePassword() -> String {
        let alphabet = Self.consolePasswordAlphabet
        while true {
            let groups = (0..<Self.consolePasswordGroups).map { _ in
                random.string(count: Self.consolePasswordGroupLength, from: alphabet)
            }
            let password = groups.joined(separator: "-")
            let hasUpper = password.contains { $0.isUppercase }
            let hasLower = password.contains { $0.isLowercase }
            let hasDigit = password.contains { $0.isNumber }
            if hasUpper && hasLower && hasDigit { return password }
        }
    }

    /// A virtual MFA seed: 40 random bytes, 64 base32 characters, as AWS issues them.
    public func mfaSeed() -> String {
        Base32.encode(random.bytes(40))
    }

    /// An opaque console session token.
    public func sessionToken() -> String {
        random.string(count: 32, from: Self.hexAlphabet)
    }

    /// A fresh 12-digit account id that does not start with 0.
    public func accountID() -> AccountID {
        let first = random.string(count: 1, from: Array("123456789".utf8))
        return AccountID(known: first + random.string(count: 11, from: Self.digits))
    }
}
