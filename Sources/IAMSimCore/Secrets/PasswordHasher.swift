import Crypto
import Foundation
import _CryptoExtras

/// Salted password hashes, in two schemes named in the stored hash.
///
/// - Passwords people choose (sign-in password changes, login profiles, fixtures): deliberately
///   slow PBKDF2-HMAC-SHA512, stored as `pbkdf2-sha512$ITERATIONS$SALT$HASH`, so a hash made
///   with one cost still verifies after the default changes.
/// - Passwords iamsim generates and hands out (`accounts create`), with at least 100 bits of
///   entropy (`SecretGenerator.consolePasswordEntropyBits`): one salted HMAC-SHA256, stored as
///   `hmac-sha256$SALT$HASH`. Slowness protects guessable passwords; a 2^100 search space is out
///   of reach at any speed, so these are stored the way servers store API tokens.
///
/// Salts and hashes are base64. `verify` reads the scheme from the stored hash.
public struct PasswordHasher: Sendable {
    /// OWASP's 2023 recommendation for PBKDF2-HMAC-SHA512.
    public static let defaultIterations = 210_000
    static let scheme = "pbkdf2-sha512"
    static let generatedScheme = "hmac-sha256"
    static let saltLength = 16
    static let hashLength = 64
    static let generatedHashLength = 32
    /// The least entropy a password needs for `hashGenerated`.
    public static let generatedMinimumEntropyBits = 100.0

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

    /// Hashes a password iamsim generated, with at least `generatedMinimumEntropyBits` of
    /// entropy (`SecretGenerator.consolePassword()`), with one salted HMAC-SHA256: fast, so a
    /// class of 1,000 is created in seconds. Never for a password a person chose: use
    /// `hash(_:random:)`.
    public func hashGenerated(_ password: String, random: RandomSource) -> String {
        let salt = random.bytes(Self.saltLength)
        return [
            Self.generatedScheme, Data(salt).base64EncodedString(),
            Data(Self.mac(password, salt: salt)).base64EncodedString(),
        ].joined(separator: "$")
    }

    /// Whether `password` matches `storedHash`, in whichever scheme it names; a malformed
    /// stored hash matches nothing. The comparison takes constant time.
    public func verify(_ password: String, against storedHash: String) -> Bool {
        if let parsed = Self.parseGenerated(storedHash) {
            return ConstantTime.equals(Self.mac(password, salt: parsed.salt), parsed.hash)
        }
        guard let parsed = Self.parse(storedHash) else { return false }
        let derived = Self.derive(password, salt: parsed.salt, iterations: parsed.iterations)
        return ConstantTime.equals(derived, parsed.hash)
    }

    /// Whether `storedHash` is in a form `hash(_:random:)` or `hashGenerated(_:random:)` writes.
    public static func isWellFormed(_ storedHash: String) -> Bool {
        parse(storedHash) != nil || parseGenerated(storedHash) != nil
    }

    /// The scheme `storedHash` names (`pbkdf2-sha512`, `hmac-sha256`), nil when malformed.
    public static func scheme(of storedHash: String) -> String? {
        if parse(storedHash) != nil { return scheme }
        if parseGenerated(storedHash) != nil { return generatedScheme }
        return nil
    }

    private static func parseGenerated(_ storedHash: String) -> (salt: [UInt8], hash: [UInt8])? {
        let parts = storedHash.split(separator: "$", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == generatedScheme,
            let salt = Data(base64Encoded: String(parts[1])), !salt.isEmpty,
            let expected = Data(base64Encoded: String(parts[2])), expected.count == generatedHashLength
        else { return nil }
        return (Array(salt), Array(expected))
    }

    static func mac(_ password: String, salt: [UInt8]) -> [UInt8] {
        Array(HMAC<SHA256>.authenticationCode(for: Array(password.utf8), using: SymmetricKey(data: salt)))
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
