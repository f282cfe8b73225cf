import Foundation
import Testing

@testable import IAMSimCore

/// Generated passwords (≥ 100 bits of entropy) are stored with one salted HMAC-SHA256; passwords
/// people choose keep the slow KDF. The scheme is named in the stored hash.
@Suite("Hashes of generated passwords")
struct GeneratedPasswordHashTests {
    let hasher = PasswordHasher()

    @Test("a handed-out password has at least 100 bits of entropy")
    func entropy() {
        let bits = SecretGenerator.consolePasswordEntropyBits
        #expect(bits >= PasswordHasher.generatedMinimumEntropyBits)
        // 57 characters, 20 drawn, less those without an upper, a lower or a digit.
        #expect(abs(bits - 116.586) < 0.001)
        let password = SecretGenerator(random: .seeded(3)).consolePassword()
        #expect(password.count == 24)
        #expect(password.split(separator: "-").map(\.count) == [4, 4, 4, 4, 4])
    }

    @Test("the fast hash verifies its password and nothing else, and names its scheme")
    func verifies() throws {
        let hash = hasher.hashGenerated("Abcd-efgh-2345-JKLM-npqr", random: .seeded(1))
        #expect(hash.hasPrefix("hmac-sha256$"))
        #expect(PasswordHasher.scheme(of: hash) == "hmac-sha256")
        #expect(PasswordHasher.isWellFormed(hash))
        #expect(hasher.verify("Abcd-efgh-2345-JKLM-npqr", against: hash))
        #expect(!hasher.verify("abcd-efgh-2345-JKLM-npqr", against: hash))
        #expect(!hasher.verify("", against: hash))
        #expect(hasher.hashGenerated("Abcd-efgh-2345-JKLM-npqr", random: .seeded(2)) != hash)
        let parts = hash.split(separator: "$")
        #expect(parts.count == 3)
        #expect(try #require(Data(base64Encoded: String(parts[1]))).count == 16)
        #expect(try #require(Data(base64Encoded: String(parts[2]))).count == 32)
        #expect(!hash.contains("Abcd"))
    }

    @Test("the fast hash is HMAC-SHA256 keyed with the salt, as an independent reference computes it (Python hmac)")
    func reference() {
        // python3 -c "import hmac,hashlib,base64; print(base64.b64encode(hmac.new(b'iamsim-e2e-salt!',
        //   b'Abcd-efgh-2345-JKLM-npqr', hashlib.sha256).digest()).decode())"
        let stored = "hmac-sha256$aWFtc2ltLWUyZS1zYWx0IQ==$zbOXfnX4kR1U+NYbmS8DtXr19Kke0KJHb5g6YALAy3w="
        #expect(hasher.verify("Abcd-efgh-2345-JKLM-npqr", against: stored))
    }

    @Test(
        "malformed fast hashes match nothing and are not well formed",
        arguments: [
            "hmac-sha256$", "hmac-sha256$$", "hmac-sha256$aWFt$AA==",
            "hmac-sha256$$zbOXfnX4kR1U+NYbmS8DtXr19Kke0KJHb5g6YALAy3w=",
            "hmac-sha256$aWFtc2ltLWUyZS1zYWx0IQ==$zbOXfnX4kR1U+NYbmS8DtXr19Kke0KJHb5g6YALAy3w=$x",
            "sha256$aWFtc2ltLWUyZS1zYWx0IQ==$zbOXfnX4kR1U+NYbmS8DtXr19Kke0KJHb5g6YALAy3w=",
        ])
    func malformed(stored: String) {
        #expect(!hasher.verify("Abcd-efgh-2345-JKLM-npqr", against: stored))
        #expect(!PasswordHasher.isWellFormed(stored))
        #expect(PasswordHasher.scheme(of: stored) == nil)
    }

    @Test("chosen passwords keep PBKDF2-HMAC-SHA512")
    func chosen() {
        #expect(
            PasswordHasher.scheme(of: PasswordHasher(iterations: 1_000).hash("Chosen-2026!", random: .seeded(4)))
                == "pbkdf2-sha512")
    }
}
