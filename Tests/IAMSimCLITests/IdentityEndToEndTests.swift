import Foundation
import Testing

/// The next lesson's commands through the built binary: users, groups, a password policy, and
/// an IAM user who signs in, must choose a new password, and changes it later.
@Suite("End to end: users, groups and passwords")
struct IdentityEndToEndTests {
    @Test("an administrator sets up a user; the user signs in, chooses a password and changes it")
    func userLifecycle() throws {
        let h = try BinaryHarness()
        try h.run(["init", "--fixture", try h.writeFastFixture()])
        try h.run(["signin", "--email", BinaryHarness.email, "--password-stdin"], stdin: BinaryHarness.password)
        var r = try h.run(["users", "create", "alice"])
        #expect(r.stdout.hasPrefix("Created IAM user alice (arn:aws:iam::123456789012:user/alice)."))
        r = try h.run([
            "password-policy", "update", "--minimum-password-length", "12", "--require-numbers",
            "--allow-users-to-change-password", "--password-reuse-prevention", "3",
        ])
        #expect(r.status == 0)
        r = try h.run(["login-profile", "create", "alice", "--password-stdin", "--password-reset-required"], stdin: "too-short\n")
        #expect(r.stderr.hasPrefix("An error occurred (PasswordPolicyViolation) when calling the CreateLoginProfile operation: Password does not conform to the account password policy. (Password should have a minimum length of 12; Password should have at least one number.)"))
        r = try h.run(["login-profile", "create", "alice", "--password-stdin", "--password-reset-required"], stdin: "First-password-1\n")
        #expect(r.status == 0)
        try h.run(["groups", "create", "admins"])
        try h.run(["groups", "add-user", "admins", "alice"])
        r = try h.run(["groups", "list-for-user", "alice", "--output", "json"])
        #expect(r.stdout.contains("\"GroupName\": \"admins\""))
        r = try h.run(["dashboard", "--output", "json"])
        #expect(r.stdout.components(separatedBy: "\"Status\": \"PASS\"").count - 1 == 3)  // users, groups, policy
        try h.run(["signout"])

        // The first sign-in needs a new password: without one, a script is told how to give it.
        r = try h.run(["signin", "--account", "123456789012", "--user", "alice", "--password-stdin"], stdin: "First-password-1\n")
        #expect(r.status == 254)
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
        #expect(r.stderr.hasPrefix("An error occurred (AccessDenied) when calling the DeleteUser operation: User: arn:aws:iam::123456789012:user/alice is not authorized to perform: iam:DeleteUser"))
        r = try h.run(["credential-report", "generate"])
        #expect(r.status == 254)  // alice is signed in, and auditing is for administrators
    }
}
