/// Mints the identifiers and secrets AWS hands out, in AWS's formats.
public struct SecretGenerator: Sendable {
    static let base32Alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".utf8)
    static let secretAlphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
    static let hexAlphabet = Array("0123456789abcdef".utf8)
    static let digits = Array("0123456789".utf8)

    public let random: RandomSource

    public init(random: RandomSource) {
        self.random = random
    }

    /// `AKIA` followed by 16 base32 characters: 20 characters, like AWS long-term keys.
    public func accessKeyID() -> AccessKeyID {
        AccessKeyID(known: "AKIA" + random.string(count: 16, from: Self.base32Alphabet))
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

    /// A hardware token serial in the shape of AWS's Gemalto tokens: `GAHT` and 8 digits.
    public func hardwareSerial() -> String {
        "GAHT" + random.string(count: 8, from: Self.digits)
    }

    /// A console password to hand out: four groups of four letters and digits joined by `-`
    /// (19 characters, with an uppercase letter, a lowercase letter, a digit and a symbol, so
    /// that it meets AWS's default policy and CIS's 14-character minimum).
    public func consolePassword() -> String {
        let alphabet = Array("ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789".utf8)
        while true {
            let groups = (0..<4).map { _ in random.string(count: 4, from: alphabet) }
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
