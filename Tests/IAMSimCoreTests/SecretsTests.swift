import Foundation
import Testing

@testable import IAMSimCore

@Suite("Passwords, secrets and identifiers")
struct SecretsTests {
    let cheap = PasswordHasher(iterations: 1_000)

    @Test("a hash verifies its password and nothing else")
    func hashVerifies() {
        let hash = cheap.hash("Activate-MFA-2026!", random: .seeded(1))
        #expect(cheap.verify("Activate-MFA-2026!", against: hash))
        #expect(!cheap.verify("activate-mfa-2026!", against: hash))
        #expect(!cheap.verify("", against: hash))
    }

    @Test("hashes are salted, self-describing and never contain the password")
    func hashFormat() throws {
        let first = cheap.hash("secret-password", random: .seeded(1))
        let second = cheap.hash("secret-password", random: .seeded(2))
        #expect(first != second)
        let parts = first.split(separator: "$")
        #expect(parts.count == 4)
        #expect(parts[0] == "pbkdf2-sha512")
        #expect(parts[1] == "1000")
        #expect(try #require(Data(base64Encoded: String(parts[2]))).count == 16)
        #expect(try #require(Data(base64Encoded: String(parts[3]))).count == 64)
        #expect(!first.contains("secret-password"))
    }

    @Test("verification uses the cost stored in the hash, not the hasher's")
    func storedCost() {
        let hash = cheap.hash("pw", random: .seeded(3))
        #expect(PasswordHasher().verify("pw", against: hash))
    }

    @Test("the default cost is OWASP's for PBKDF2-HMAC-SHA512")
    func defaultCost() {
        #expect(PasswordHasher().iterations == 210_000)
    }

    @Test("PBKDF2-HMAC-SHA512 matches an independent reference (Python hashlib)")
    func pbkdf2Reference() {
        // python3 -c "import hashlib;print(hashlib.pbkdf2_hmac('sha512',b'password',b'salt',1000).hex())"
        let derived = PasswordHasher.derive("password", salt: Array("salt".utf8), iterations: 1_000)
        let hex = derived.map { String(format: "%02x", $0) }.joined()
        #expect(hex.hasPrefix("afe6c5530785b6cc6b1c6453384731bd5ee432ee549fd42fb6695779ad8a1c5b"))
    }

    @Test(
        "malformed stored hashes match nothing",
        arguments: ["", "plain", "pbkdf2-sha512$x$AA==$AA==", "md5$1$AA==$AA=="])
    func malformed(stored: String) {
        #expect(!cheap.verify("plain", against: stored))
    }

    @Test("minted ids and secrets have AWS's shapes")
    func shapes() throws {
        let generator = SecretGenerator(random: .seeded(7))
        let key = generator.accessKeyID().rawValue
        #expect(key.count == 20)
        #expect(key.hasPrefix("AKIA"))
        #expect(key.dropFirst(4).allSatisfy { "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".contains($0) })
        let secret = generator.secretAccessKey()
        #expect(secret.count == 40)
        #expect(secret.allSatisfy { $0.isLetter || $0.isNumber || $0 == "+" || $0 == "/" })
        let seed = generator.mfaSeed()
        #expect(seed.count == 64)
        #expect(try #require(Base32.decode(seed)).count == 40)
        let user = generator.userID()
        #expect(user.count == 21 && user.hasPrefix("AIDA"))
        let account = generator.accountID().rawValue
        #expect(account.count == 12 && account.first != "0")
    }

    @Test("a seeded source repeats itself; different seeds differ")
    func seeded() {
        #expect(RandomSource.seeded(9).bytes(32) == RandomSource.seeded(9).bytes(32))
        #expect(RandomSource.seeded(9).bytes(32) != RandomSource.seeded(10).bytes(32))
    }

    @Test("constant-time comparison")
    func constantTime() {
        #expect(ConstantTime.equals([1, 2, 3], [1, 2, 3]))
        #expect(!ConstantTime.equals([1, 2, 3], [1, 2, 4]))
        #expect(!ConstantTime.equals([1, 2, 3], [1, 2]))
    }
}

@Suite("Names, identifiers and durations")
struct ValueTests {
    @Test("account ids are exactly 12 digits", arguments: ["123456789012", "000000000000"])
    func accountIDs(valid: String) {
        #expect(AccountID(rawValue: valid) != nil)
    }

    @Test("other account ids are refused", arguments: ["12345678901", "1234567890123", "12345678901a", ""])
    func badAccountIDs(invalid: String) {
        #expect(AccountID(rawValue: invalid) == nil)
    }

    @Test("access key ids are 16 to 128 word characters")
    func accessKeyIDs() {
        #expect(AccessKeyID(rawValue: "AKIAIOSFODNN7EXAMPLE") != nil)
        #expect(AccessKeyID(rawValue: "AKIA_123456789012") != nil)
        #expect(AccessKeyID(rawValue: "AKIASHORT") == nil)
        #expect(AccessKeyID(rawValue: "AKIAIOSFODNN7EXAMPLE!") == nil)
        #expect(AccessKeyID(rawValue: String(repeating: "A", count: 129)) == nil)
    }

    @Test("MFA device names draw from [\\w+=,.@-] and have AWS's ValidationError message")
    func deviceNames() {
        #expect(MFADeviceName(rawValue: "root-mfa") != nil)
        #expect(MFADeviceName(rawValue: "a+b=c,d.e@f_g-h") != nil)
        #expect(MFADeviceName(rawValue: "my phone") == nil)
        #expect(MFADeviceName(rawValue: "") == nil)
        #expect(
            throws: IAMError.validationError(
                "The specified value for virtualMFADeviceName is invalid. It must contain only alphanumeric characters and/or the following: +=,.@_-"
            )
        ) { try MFADeviceName(validating: "my/phone") }
        #expect(
            MFADeviceName(known: "root-mfa").serialNumber(in: AccountID(known: "123456789012"))
                == "arn:aws:iam::123456789012:mfa/root-mfa")
    }

    @Test(
        "durations people type",
        arguments: [
            ("30s", 30), ("2m", 120), ("1h", 3_600), ("1d", 86_400), ("1h30m", 5_400), ("45", 45), ("0s", 0),
            ("2M", 120),
        ]
            as [(String, Int64)])
    func durations(text: String, seconds: Int64) throws {
        #expect(try ClockDuration(parsing: text).seconds == seconds)
    }

    @Test(
        "malformed durations are refused",
        arguments: ["", "s", "5x", "-5s", "1.5m", "30s5", "99999999999999999999s", "200000d"])
    func badDurations(text: String) {
        // A duration is iamsim's, not AWS's: LocalError (was IAMError).
        #expect(throws: LocalError.self) { try ClockDuration(parsing: text) }
    }

    @Test("durations print compactly")
    func durationDescription() {
        #expect(ClockDuration(seconds: 5_430).description == "1h30m30s")
        #expect(ClockDuration(seconds: 0).description == "0s")
    }

    @Test("timestamps in AWS's and people's spellings, and parsed back")
    func timestamps() throws {
        let date = Date(timeIntervalSince1970: 1_767_605_405)
        #expect(Timestamp.iso8601(date) == "2026-01-05T09:30:05+00:00")
        #expect(Timestamp.readable(date) == "2026-01-05 09:30:05 UTC")
        #expect(Timestamp.parse("2026-01-05T09:30:05Z") == date)
        #expect(Timestamp.parse("2026-01-05T10:30:05+01:00") == date)
        #expect(Timestamp.parse("2026-01-05T09:30:05.000Z") == date)
        #expect(Timestamp.parse("2026-01-05") == Date(timeIntervalSince1970: 1_767_571_200))
        #expect(Timestamp.parse("yesterday") == nil)
    }

    @Test("the database's date text round-trips, and sorts like the dates")
    func storageDates() {
        let dates = [0, 59.5, 1_767_605_405.123, 951_782_400, 4_102_444_799.999, -86_400].map {
            Date(timeIntervalSince1970: $0)
        }
        for date in dates {
            let text = Timestamp.storage(date)
            let back = Timestamp.parseStorage(text)
            #expect(back.map { abs($0.timeIntervalSince(date)) < 0.001 } == true, "\(text)")
        }
        #expect(Timestamp.storage(Date(timeIntervalSince1970: 1_767_605_405.123)) == "2026-01-05 09:30:05.123")
        #expect(Timestamp.storage(Date(timeIntervalSince1970: 951_782_400)) == "2000-02-29 00:00:00.000")
        #expect(Timestamp.parseStorage("2026-01-05") == Date(timeIntervalSince1970: 1_767_571_200))
        #expect(Timestamp.parseStorage("2026-01-05T09:30:05") == Date(timeIntervalSince1970: 1_767_605_405))
        for bad in ["", "2026-13-01", "2026-01-05 9:30", "2026/01/05", "2026-01-05 09:30:05.", "yesterday"] {
            #expect(Timestamp.parseStorage(bad) == nil, "\(bad)")
        }
        let sorted = dates.sorted()
        #expect(sorted.map(Timestamp.storage) == sorted.map(Timestamp.storage).sorted())
    }

    @Test("account aliases follow AWS's pattern")
    func aliases() {
        #expect(AccountAlias.isValid("my-class-1"))
        for bad in ["ab", "-abc", "abc-", "a--b", "ABC", "a_b", String(repeating: "a", count: 64)] {
            #expect(!AccountAlias.isValid(bad), "\(bad)")
        }
    }
}
