import Crypto
import Foundation
import _CryptoExtras

/// Salted, deliberately slow password hashes (PBKDF2-HMAC-SHA512).
///
/// Stored form: `pbkdf2-sha512$ITERATIONS$SALT$HASH` (salt and hash in base64), so a hash
/// made with one cost still verifies after the default changes.
public struct PasswordHasher: Sendable {
    /// OWASP's 2023 recommendation for PBKDF2-HMAC-SHA512.
    public static let defaultIterations = 210_000
    static let scheme = "pbkdf2-sha512"
    static let saltLength = 16
    static let hashLength = 64

    public let iterations: Int

    /// - Parameter iterations: the cost of new hashes. Tests may pass a small value to stay fast;
    ///   products keep the default.
    public init(iterations: Int = PasswordHasher.defaultIterations) {
        self.iterations = iterations
    }

    /// Hashes `password` with a fresh salt drawn from `random`.
    public func hash(_ password: String, random: RandomSource) -> String {
        let salt = random.bytes(Self.saltLength)
        let derived = Self.derive(password, salt: salt, iterations: iterations)
        return [
            Self.scheme, String(iterations), Data(salt).base64EncodedString(),
            Data(derived).base64EncodedString(),
        ].joined(separator: "$")
    }

    /// Whether `password` matches `storedHash`; a malformed stored hash matches nothing.
    public func verify(_ password: String, against storedHash: String) -> Bool {
        guard let parsed = Self.parse(storedHash) else { return false }
        let derived = Self.derive(password, salt: parsed.salt, iterations: parsed.iterations)
        return ConstantTime.equals(derived, parsed.hash)
    }

    /// Whether `storedHash` is in the form `hash(_:random:)` writes.
    public static func isWellFormed(_ storedHash: String) -> Bool {
        parse(storedHash) != nil
    }

    private static func parse(_ storedHash: String) -> (iterations: Int, salt: [UInt8], hash: [UInt8])? {
        let parts = storedHash.split(separator: "$", omittingEmptySubsequences: false)
        guard parts.count == 4, parts[0] == scheme,
            let rounds = Int(parts[1]), (1...10_000_000).contains(rounds),
            let salt = Data(base64Encoded: String(parts[2])), !salt.isEmpty,
            let expected = Data(base64Encoded: String(parts[3])), expected.count == hashLength
        else { return nil }
        return (rounds, Array(salt), Array(expected))
    }

    static func derive(_ password: String, salt: [UInt8], iterations: Int) -> [UInt8] {
        // The checked overload refuses fewer than 210,000 rounds; the unchecked one lets tests
        // choose a cheaper cost. Neither can fail for these sizes, so a failure is a bug.
        guard
            let key = try? KDF.Insecure.PBKDF2.deriveKey(
                from: Array(password.utf8), salt: salt, using: .sha512,
                outputByteCount: hashLength, unsafeUncheckedRounds: iterations)
        else { preconditionFailure("PBKDF2 rejected fixed parameters") }
        return key.withUnsafeBytes { Array($0) }
    }
}
