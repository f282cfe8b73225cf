import Foundation
import IAMSimTestSupport
import Testing

/// The next lesson's commands, run in process: users, groups, a password policy, and
/// an IAM user who signs in, must choose a new password, and changes it later.
@Suite("End to end: users, groups and passwords")
struct IdentityEndToEndTests {
    @Test("an administrator sets up a user; the user signs in, chooses a password and changes it")
    func userLifecycle() throws {
        let h = try InProcessHarness()
        try h.run(["init", "--fixture", try h.writeFastFixture()])
        try h.run(["signin", "--email", InProcessHarness.email, "--password-stdin"], stdin: InProcessHarness.password)
        var r = try h.run(["users", "create", "alice"])
        #expect(r.stdout.hasPrefix("Created IAM user alice (arn:aws:iam::123456789012:user/alice)."))
        r = try h.run([
            "password-policy", "update", "--minimum-password-length", "12", "--require-numbers",
            "--allow-users-to-change-password", "--password-reuse-prevention", "3",
        ])
        #expect(r.status == 0)
        r = try h.run(
            ["login-profile", "create", "alice", "--password-stdin", "--password-reset-required"], stdin: "too-short\n")
        #expect(
            r.stderr.hasPrefix(
                "An error occurred (PasswordPolicyViolation) when calling the CreateLoginProfile operation: Password does not conform to the account password policy. (Password should have a minimum length of 12; Password should have at least one number.)"
            ))
        r = try h.run(
            ["login-profile", "create", "alice", "--password-stdin", "--password-reset-required"],
            stdin: "First-password-1\n")
        #expect(r.status == 0)
        try h.run(["groups", "create", "admins"])
        try h.run(["groups", "add-user", "admins", "alice"])
        r = try h.run(["groups", "list-for-user", "alice", "--output", "json"])
        #expect(r.stdout.contains("\"GroupName\": \"admins\""))
        r = try h.run(["dashboard", "--output", "json"])
        #expect(r.stdout.components(separatedBy: "\"Status\": \"PASS\"").count - 1 == 3)  // users, groups, policy
        try h.run(["signout"])

        // The first sign-in needs a new password: without one, a script is told how to give it.
        // No second line for it: a usage error (exit 64), not AWS's AccessDenied (was 254).
        r = try h.run(
            ["signin", "--account", "123456789012", "--user", "alice", "--password-stdin"], stdin: "First-password-1\n")
        #expect(r.status == 64)
        #expect(r.stderr.hasPrefix("iamsim: error: "))
        #expect(r.stderr.contains("An administrator requires a new password before you sign in."))
        r = try h.run(
            ["signin", "--account", "123456789012", "--user", "alice", "--password-stdin"],
            stdin: "First-password-1\nSecond-password-2\n")
        #expect(r.stdout.hasPrefix("Signed in to account 123456789012 as the IAM user alice, without MFA."))
        r = try h.run(["change-password", "--password-stdin"], stdin: "Second-password-2\nFirst-password-1\n")
        #expect(r.stderr.contains("Password should not be the same as any of the previous 3 passwords"))
        r = try h.run(["change-password", "--password-stdin"], stdin: "Second-password-2\nThird-password-3\n")
        #expect(r.stdout == "Your password is changed.\n")
        r = try h.run(["users", "delete", "alice"])
        #expect(
            r.stderr.hasPrefix(
                "An error occurred (AccessDenied) when calling the DeleteUser operation: User: arn:aws:iam::123456789012:user/alice is not authorized to perform: iam:DeleteUser"
            ))
        r = try h.run(["credential-report", "generate"])
        #expect(r.status == 254)  // alice is signed in, and auditing is for administrators
    }

    func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test(
        "after login-profile create, the sign-in command names the real account (its alias, else its id), and works",
        arguments: [nil, "room-b"] as [String?])
    func signInHintNamesTheAccount(alias: String?) throws {
        let h = try InProcessHarness()
        var fixture = try String(contentsOfFile: try h.writeFastFixture(), encoding: .utf8)
        if let alias {
            fixture = fixture.replacingOccurrences(
                of: #""AccountId": "123456789012","#,
                with: #""AccountId": "123456789012", "AccountAlias": "\#(alias)","#)
        }
        let path = h.folder.appendingPathComponent("fixture.json").path
        try Data(fixture.utf8).write(to: URL(fileURLWithPath: path))
        try h.run(["init", "--fixture", path])
        try h.run(["signin", "--email", InProcessHarness.email, "--password-stdin"], stdin: InProcessHarness.password)
        try h.run(["users", "create", "bob"])
        var r = try h.run(["login-profile", "create", "bob", "--password-stdin"], stdin: "First-password-1\n")
        let account = alias ?? "123456789012"
        #expect(r.stdout == "bob can now sign in to the console: iamsim signin --account \(account) --user bob\n")
        try h.run(["signout"])
        r = try h.run(
            ["signin", "--account", account, "--user", "bob", "--password-stdin"], stdin: "First-password-1\n")
        #expect(r.status == 0, "\(r.stderr)")
    }

    @Test("a refused users delete lists only what that user still has, and each listed command removes one thing")
    func deleteHintListsWhatIsLeft() throws {
        let h = try InProcessHarness()
        try h.run(["init", "--fixture", try h.writeFastFixture()])
        try h.run(["clock", "set", "2026-01-05T09:30:05Z"])
        try h.run(["signin", "--email", InProcessHarness.email, "--password-stdin"], stdin: InProcessHarness.password)
        try h.run(["users", "create", "bob"])
        // A user with nothing left is deleted at once: no hint is needed.
        try h.run(["users", "create", "carol"])
        #expect(try h.run(["users", "delete", "carol"]).stdout == "Deleted IAM user carol.\n")

        try h.run(["login-profile", "create", "bob", "--password-stdin"], stdin: "First-password-1\n")
        let created = try json(try h.run(["access-keys", "create", "--user", "bob", "--output", "json"]).stdout)
        let key = try #require((created["AccessKey"] as? [String: Any])?["AccessKeyId"] as? String)
        let assigned = try json(try h.run(["mfa", "assign", "bob-phone", "--output", "json"]).stdout)
        let seedText = try #require((assigned["VirtualMFADevice"] as? [String: Any])?["Base32StringSeed"] as? String)
        let seed = String(decoding: try #require(Data(base64Encoded: seedText)), as: UTF8.self)
        let now: Int64 = 1_767_605_405
        var r = try h.run([
            "mfa", "activate", "bob-phone", "--user", "bob", "--code1",
            IndependentTOTP.code(base32: seed, unixTime: now - 30),
            "--code2", IndependentTOTP.code(base32: seed, unixTime: now),
        ])
        #expect(r.status == 0, "\(r.stderr)")
        for group in ["admins", "ops"] {
            try h.run(["groups", "create", group])
            try h.run(["groups", "add-user", group, "bob"])
        }

        var left = [
            "iamsim login-profile delete bob", "iamsim access-keys delete \(key) --user bob",
            "iamsim mfa remove bob-phone --user bob", "iamsim groups remove-user admins bob",
            "iamsim groups remove-user ops bob",
        ]
        let reasons = [
            "must delete login profile first", "must delete access keys first", "must delete MFA device first",
            "must remove users from group first", "must remove users from group first",
        ]
        for reason in reasons {
            r = try h.run(["users", "delete", "bob"])
            #expect(r.status == 254)
            #expect(
                r.stderr == """
                    An error occurred (DeleteConflict) when calling the DeleteUser operation: Cannot delete entity, \(reason).
                    Hint: Remove what bob still has first: \(left.joined(separator: "; ")).

                    """)
            // The first listed command works as printed.
            let removal = try h.run(Array(left.removeFirst().split(separator: " ").dropFirst().map(String.init)))
            #expect(removal.status == 0, "\(removal.stderr)")
        }
        r = try h.run(["users", "delete", "bob"])
        #expect(r.stdout == "Deleted IAM user bob.\n")
    }

    @Test("a maximum password age of one day reads '1 day'")
    func oneDay() throws {
        let h = try InProcessHarness()
        try h.run(["init", "--fixture", try h.writeFastFixture()])
        try h.run(["signin", "--email", InProcessHarness.email, "--password-stdin"], stdin: InProcessHarness.password)
        try h.run(["password-policy", "update", "--max-password-age", "1"])
        #expect(try h.run(["password-policy"]).stdout.contains("MaxPasswordAge:             1 day\n"))
    }
}
