import Foundation
import IAMSimCore

/// The values tests share: the lesson account's root user and key, the moment tests stop the
/// simulated clock at, and the cheap parts of the outside world.
public enum TestValues {
    /// 2026-01-05T09:30:05Z: five seconds into a 30-second MFA step, as in the demo.
    public static let start = Date(timeIntervalSince1970: 1_767_605_405)
    /// `start` in Unix seconds, for codes computed independently (`IndependentTOTP`).
    public static let startUnixTime: Int64 = 1_767_605_405
    /// The lesson fixture's account, root user, password and root access key.
    public static let account = AccountID(known: "123456789012")
    public static let email = "trainee@example.com"
    public static let password = "Activate-MFA-2026!"
    public static let rootKey = "AKIAIOSFODNN7EXAMPLE"

    /// PBKDF2 at 1,000 rounds: a sign-in in a debug build costs microseconds, not a second.
    /// Verification runs the real code path (the stored hash names its cost).
    public static let cheapHasher = PasswordHasher(iterations: 1_000)

    /// `password` hashed with PBKDF2-HMAC-SHA512, 1,000 rounds, salt "iamsim-e2e-salt!",
    /// computed by Python's hashlib (independently of iamsim), for fixtures written by tests.
    public static let cheapHash =
        "pbkdf2-sha512$1000$aWFtc2ltLWUyZS1zYWx0IQ==$OnFezUvHnnsdTkSH13fb5pUYPLZtMdvcFn5ruCgt7rnqclDdQ+vxiZ6wJELoxxu11glSG8w+fuM7mItVXyN5dA=="

    /// The lesson fixture as JSON, with `cheapHash` as the root password: what
    /// `writeFastFixture()` writes, for tests that sign in often.
    public static let fastFixtureJSON = """
        {"FormatVersion": 1, "Name": "root-mfa-lesson-fast", "Account": {"AccountId": "123456789012",
         "CreateDate": "2026-01-05T09:00:00Z",
         "Root": {"Email": "\(email)", "PasswordHash": "\(cheapHash)",
          "AccessKeys": [{"AccessKeyId": "AKIAIOSFODNN7EXAMPLE", "SecretAccessKey": "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
           "Status": "Active", "CreateDate": "2026-01-05T09:00:00Z"}]}}}
        """
}
