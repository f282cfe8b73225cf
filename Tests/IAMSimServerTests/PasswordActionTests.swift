import Foundation
import IAMSimCore
import IAMSimTestSupport
import Testing

/// Console passwords through the Query API: login profiles, ChangePassword and the account's
/// password policy, each answer golden, with their errors.
@Suite("Query API: login profiles, ChangePassword, the password policy")
struct PasswordActionTests {
    static let password = "Strong-Password-2026!"

    @Test("CreateLoginProfile, GetLoginProfile, UpdateLoginProfile, DeleteLoginProfile")
    func loginProfiles() throws {
        let client = try QueryClient()
        let key = try client.createUserWithKey("bob")
        expectResult(
            client.call(
                "CreateLoginProfile",
                [("UserName", "bob"), ("Password", Self.password), ("PasswordResetRequired", "true")]),
            "CreateLoginProfile",
            """
            <LoginProfile>
              <UserName>bob</UserName>
              <CreateDate>2026-01-05T09:30:05Z</CreateDate>
              <PasswordResetRequired>true</PasswordResetRequired>
            </LoginProfile>
            """)
        expectError(
            client.call("CreateLoginProfile", [("UserName", "bob"), ("Password", Self.password)]), 409,
            "EntityAlreadyExists", "Login Profile for user bob already exists.")
        expectResult(
            client.call("UpdateLoginProfile", [("UserName", "bob"), ("PasswordResetRequired", "false")]),
            "UpdateLoginProfile", nil)
        let mine = """
            <LoginProfile>
              <UserName>bob</UserName>
              <CreateDate>2026-01-05T09:30:05Z</CreateDate>
              <PasswordResetRequired>false</PasswordResetRequired>
            </LoginProfile>
            """
        expectResult(client.call("GetLoginProfile", [("UserName", "bob")]), "GetLoginProfile", mine)
        // Without a name, an IAM user's own.
        expectResult(client.signing(with: key).call("GetLoginProfile"), "GetLoginProfile", mine)
        expectError(
            client.call("GetLoginProfile"), 400, "ValidationError",
            "Must specify userName when calling with non-User credentials")
        expectResult(client.call("DeleteLoginProfile", [("UserName", "bob")]), "DeleteLoginProfile", nil)
        expectError(
            client.call("GetLoginProfile", [("UserName", "bob")]), 404, "NoSuchEntity",
            "Login Profile for User bob cannot be found.")
    }

    @Test("CreateLoginProfile refuses a missing password and one the policy refuses, creating nothing")
    func refusedPasswords() throws {
        let client = try QueryClient()
        try client.store.createUser(caller: client.root, userName: "bob")
        expectError(
            client.call("CreateLoginProfile", [("UserName", "bob")]), 400, "ValidationError",
            "1 validation error detected: Value null at 'password' failed to satisfy constraint: Member must not be null"
        )
        try client.store.updatePasswordPolicy(
            caller: client.root, policy: PasswordPolicy(minimumPasswordLength: 30))
        let refused = client.call("CreateLoginProfile", [("UserName", "bob"), ("Password", Self.password)])
        #expect(refused.status == 400)
        #expect(refused.errorCode == "PasswordPolicyViolation")
        #expect(throws: IAMError.self) { try client.store.getLoginProfile(caller: client.root, userName: "bob") }
    }

    @Test("ChangePassword: an IAM user changes its own with the old one; root may not (InvalidUserType)")
    func changePassword() throws {
        let client = try QueryClient()
        let key = try client.createUserWithKey("bob")
        try client.store.createLoginProfile(caller: client.root, userName: "bob", password: Self.password)
        let bob = client.signing(with: key)
        expectError(
            bob.call("ChangePassword", [("OldPassword", "wrong"), ("NewPassword", "Another-Password-2026!")]), 403,
            "AccessDenied", "The old password is incorrect.")
        expectResult(
            bob.call("ChangePassword", [("OldPassword", Self.password), ("NewPassword", "Another-Password-2026!")]),
            "ChangePassword", nil)
        let outcome = try client.simulator.sessions.signIn(
            .user(account: QueryClient.account, userName: "bob"), password: "Another-Password-2026!", mfaCode: nil,
            account: nil)
        guard case .signedIn = outcome else {
            Issue.record("bob cannot sign in with his new password: \(outcome)")
            return
        }
        expectError(
            client.call("ChangePassword", [("OldPassword", "x"), ("NewPassword", "y")]), 400, "InvalidUserType",
            "The root user's password is changed from the account settings, not with ChangePassword.")
    }

    @Test("the password policy: none, then set (omitted settings reset to defaults), read, deleted")
    func policy() throws {
        let client = try QueryClient()
        expectError(
            client.call("GetAccountPasswordPolicy"), 404, "NoSuchEntity",
            "The Password Policy with domain name 123456789012 cannot be found.")
        expectResult(
            client.call(
                "UpdateAccountPasswordPolicy",
                [
                    ("MinimumPasswordLength", "14"), ("RequireSymbols", "true"), ("MaxPasswordAge", "90"),
                    ("PasswordReusePrevention", "24"), ("AllowUsersToChangePassword", "true"),
                ]), "UpdateAccountPasswordPolicy", nil)
        expectResult(
            client.call("GetAccountPasswordPolicy"), "GetAccountPasswordPolicy",
            """
            <PasswordPolicy>
              <MinimumPasswordLength>14</MinimumPasswordLength>
              <RequireSymbols>true</RequireSymbols>
              <RequireNumbers>false</RequireNumbers>
              <RequireUppercaseCharacters>false</RequireUppercaseCharacters>
              <RequireLowercaseCharacters>false</RequireLowercaseCharacters>
              <AllowUsersToChangePassword>true</AllowUsersToChangePassword>
              <ExpirePasswords>true</ExpirePasswords>
              <MaxPasswordAge>90</MaxPasswordAge>
              <PasswordReusePrevention>24</PasswordReusePrevention>
              <HardExpiry>false</HardExpiry>
            </PasswordPolicy>
            """)
        // Not a partial update: what is left out returns to its default.
        expectResult(
            client.call("UpdateAccountPasswordPolicy", [("RequireNumbers", "true")]), "UpdateAccountPasswordPolicy",
            nil)
        #expect(try client.store.getPasswordPolicy(caller: client.root) == PasswordPolicy(requireNumbers: true))
        expectError(
            client.call("UpdateAccountPasswordPolicy", [("MinimumPasswordLength", "5")]), 400, "ValidationError",
            "1 validation error detected: Value '5' at 'minimumPasswordLength' failed to satisfy constraint: Member must have value greater than or equal to 6"
        )
        expectResult(client.call("DeleteAccountPasswordPolicy"), "DeleteAccountPasswordPolicy", nil)
        expectError(
            client.call("DeleteAccountPasswordPolicy"), 404, "NoSuchEntity",
            "The Password Policy with domain name 123456789012 cannot be found.")
    }
}
