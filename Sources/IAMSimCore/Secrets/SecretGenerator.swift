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
