import Foundation
import IAMSimTestSupport
import Testing

@testable import IAMSimCore
@testable import IAMSimStore

/// AWS's rules for users, groups, console passwords and the password policy, as tables.
@Suite("Identities: users, groups, passwords")
struct IdentityTests {
    let strong = "Strong-Password-2026!"

    func rootSignedIn() throws -> StoreHarness {
        let h = try StoreHarness()
        try h.signIn()
        return h
    }

    @Test(
        "user names follow [\\w+=,.@-]{1,64}",
        arguments: [
            ("alice", nil), ("a+b=c,d.e@f_g-h", nil), (String(repeating: "u", count: 64), nil),
            (
                "has space",
                "The specified value for userName is invalid. It must contain only alphanumeric characters and/or the following: +=,.@_-"
            ),
            (
                "a/b",
                "The specified value for userName is invalid. It must contain only alphanumeric characters and/or the following: +=,.@_-"
            ),
            (
                "",
                "The specified value for userName is invalid. It must contain only alphanumeric characters and/or the following: +=,.@_-"
            ),
            (
                String(repeating: "u", count: 65),
                "1 validation error detected: Value '\(String(repeating: "u", count: 65))' at 'userName' failed to satisfy constraint: Member must have length less than or equal to 64"
            ),
        ] as [(String, String?)])
    func userNames(name: String, error: String?) throws {
        let h = try rootSignedIn()
        if let error {
            #expect(throws: IAMError.validationError(error)) {
                try h.store.createUser(caller: h.console, userName: name)
            }
        } else {
            #expect(try h.store.createUser(caller: h.console, userName: name).userName == name)
        }
    }

    @Test("names are unique case-insensitively, for users and groups")
    func uniqueness() throws {
        let h = try rootSignedIn()
        try h.store.createUser(caller: h.console, userName: "Alice")
        #expect(throws: IAMError.entityAlreadyExists("User with name alice already exists.")) {
            try h.store.createUser(caller: h.console, userName: "alice")
        }
        try h.store.createGroup(caller: h.console, groupName: "Admins")
        #expect(throws: IAMError.entityAlreadyExists("Group with name ADMINS already exists.")) {
            try h.store.createGroup(caller: h.console, groupName: "ADMINS")
        }
        #expect(throws: IAMError.self) {
            try h.store.createUser(caller: h.console, userName: "bob", path: "no-slashes")
        }
        #expect(
            try h.store.createUser(caller: h.console, userName: "bob", path: "/team/").arn
                == "arn:aws:iam::123456789012:user/team/bob")
    }

    @Test("a user is deleted only once its password, keys, MFA devices and groups are gone")
    func deleteConflicts() throws {
        let h = try rootSignedIn()
        try h.store.createUser(caller: h.console, userName: "bob")
        try h.store.createLoginProfile(caller: h.console, userName: "bob", password: strong)
        let key = try h.store.createAccessKey(caller: h.console, userName: "bob")
        let seed = try h.store.createVirtualMFADevice(caller: h.console, deviceName: "bob-phone").base32StringSeed
        try h.store.enableMFADevice(
            caller: h.console, serialNumber: StoreHarness.serial("bob-phone"), code1: try h.code(seed, stepOffset: -1),
            code2: try h.code(seed),
            userName: "bob")
        try h.store.createGroup(caller: h.console, groupName: "devs")
        try h.store.addUserToGroup(caller: h.console, groupName: "devs", userName: "bob")
        #expect(throws: IAMError.deleteConflict("Cannot delete entity, must remove users from group first.")) {
            try h.store.deleteGroup(caller: h.console, groupName: "devs")
        }
        let steps: [(String, () throws -> Void)] = [
            ("must delete login profile first", { try h.store.deleteLoginProfile(caller: h.console, userName: "bob") }),
            (
                "must delete access keys first",
                {
                    try h.store.deleteAccessKey(
                        caller: h.console, accessKeyID: key.metadata.accessKeyID.rawValue, userName: "bob")
                }
            ),
            (
                "must delete MFA device first",
                {
                    let serial = StoreHarness.serial("bob-phone")
                    let deactivated = try h.store.deactivateMFADevice(
                        caller: h.console, serialNumber: serial, userName: "bob")
                    try h.store.deleteVirtualMFADevice(
                        caller: h.console, serialNumber: serial, deactivated: deactivated)
                }
            ),
            (
                "must remove users from group first",
                {
                    try h.store.removeUserFromGroup(caller: h.console, groupName: "devs", userName: "bob")
                }
            ),
        ]
        for (reason, remove) in steps {
            #expect(throws: IAMError.deleteConflict("Cannot delete entity, \(reason).")) {
                try h.store.deleteUser(caller: h.console, userName: "bob")
            }
            try remove()
        }
        try h.store.deleteUser(caller: h.console, userName: "bob")
        try h.store.deleteGroup(caller: h.console, groupName: "devs")
        #expect(try h.store.listUsers(caller: h.console).isEmpty)
    }

    @Test("quotas: 2 keys per user, 10 groups per user")
    func quotas() throws {
        let h = try rootSignedIn()
        try h.store.createUser(caller: h.console, userName: "bob")
        for _ in 1...2 { try h.store.createAccessKey(caller: h.console, userName: "bob") }
        #expect(throws: IAMError.limitExceeded("Cannot exceed quota for AccessKeysPerUser: 2")) {
            try h.store.createAccessKey(caller: h.console, userName: "bob")
        }
        for index in 1...11 { try h.store.createGroup(caller: h.console, groupName: "g\(index)") }
        for index in 1...10 { try h.store.addUserToGroup(caller: h.console, groupName: "g\(index)", userName: "bob") }
        // Adding again is a no-op, as in IAM.
        try h.store.addUserToGroup(caller: h.console, groupName: "g1", userName: "bob")
        #expect(throws: IAMError.limitExceeded("Cannot exceed quota for GroupsPerUser: 10")) {
            try h.store.addUserToGroup(caller: h.console, groupName: "g11", userName: "bob")
        }
        #expect(try h.store.listGroupsForUser(caller: h.console, userName: "bob").count == 10)
    }

    @Test(
        "password policy bounds",
        arguments: [
            (PasswordPolicy(minimumPasswordLength: 5), "minimumPasswordLength", "greater than or equal to 6"),
            (PasswordPolicy(minimumPasswordLength: 129), "minimumPasswordLength", "less than or equal to 128"),
            (PasswordPolicy(maxPasswordAge: 0), "maxPasswordAge", "greater than or equal to 1"),
            (PasswordPolicy(maxPasswordAge: 1_096), "maxPasswordAge", "less than or equal to 1095"),
            (PasswordPolicy(passwordReusePrevention: 0), "passwordReusePrevention", "greater than or equal to 1"),
            (PasswordPolicy(passwordReusePrevention: 25), "passwordReusePrevention", "less than or equal to 24"),
        ])
    func policyBounds(policy: PasswordPolicy, field: String, constraint: String) throws {
        let h = try rootSignedIn()
        do {
            try h.store.updatePasswordPolicy(caller: h.console, policy: policy)
            Issue.record("expected a ValidationError")
        } catch let error as IAMError {
            #expect(error.code == "ValidationError")
            #expect(
                error.message.contains(
                    "at '\(field)' failed to satisfy constraint: Member must have value \(constraint)"))
        }
        #expect(throws: IAMError.noPasswordPolicy(AccountID(known: "123456789012"))) {
            try h.store.getPasswordPolicy(caller: h.console)
        }
    }

    @Test("the policy is enforced on every password set, with the reasons; without one, AWS's default applies")
    func enforcement() throws {
        let h = try rootSignedIn()
        try h.store.createUser(caller: h.console, userName: "bob")
        #expect(throws: IAMError.self) {
            try h.store.createLoginProfile(caller: h.console, userName: "bob", password: "short")
        }
        try h.store.updatePasswordPolicy(
            caller: h.console,
            policy: PasswordPolicy(minimumPasswordLength: 12, requireSymbols: true, requireNumbers: true))
        #expect(
            throws: IAMError.passwordPolicyViolation(
                "Password does not conform to the account password policy. (Password should have a minimum length of 12; Password should have at least one number; Password should have at least one symbol.)"
            )
        ) { try h.store.createLoginProfile(caller: h.console, userName: "bob", password: "lettersonly") }
        try h.store.createLoginProfile(caller: h.console, userName: "bob", password: strong)
        #expect(throws: IAMError.self) {
            try h.store.updateLoginProfile(
                caller: h.console, userName: "bob", password: "nope", passwordResetRequired: nil)
        }
        #expect(throws: IAMError.entityAlreadyExists("Login Profile for user bob already exists.")) {
            try h.store.createLoginProfile(caller: h.console, userName: "bob", password: strong)
        }
    }

    @Test("IAM users sign in by account id or alias; a reset requirement asks for a new password first")
    func userSignIn() throws {
        let h = try rootSignedIn()
        try h.store.createUser(caller: h.console, userName: "bob")
        try h.store.createLoginProfile(
            caller: h.console, userName: "bob", password: strong, passwordResetRequired: true)
        let bob = SignInIdentity.user(account: "123456789012", userName: "BOB")
        #expect(throws: IAMError.signInFailed) {
            try h.sessions.signIn(bob, password: "wrong", mfaCode: nil, account: nil)
        }
        #expect(
            try h.sessions.signIn(bob, password: strong, mfaCode: nil, account: nil)
                == .passwordChangeRequired(reason: "An administrator requires a new password before you sign in."))
        guard
            case .signedIn(let session) = try h.sessions.signIn(
                bob, password: strong, mfaCode: nil, newPassword: "Another-Strong-2026!", account: nil)
        else {
            Issue.record("expected a session")
            return
        }
        #expect(session.principal.arn == "arn:aws:iam::123456789012:user/bob")
        #expect(
            try h.store.getLoginProfile(caller: .principal(.root(AccountID(known: "123456789012"))), userName: "bob")
                .passwordResetRequired == false)
        #expect(throws: IAMError.signInFailed) {
            try h.sessions.signIn(
                .user(account: "999999999999", userName: "bob"), password: "Another-Strong-2026!", mfaCode: nil,
                account: nil)
        }
    }

    @Test("expired passwords must be changed at sign-in; with HardExpiry only an administrator can")
    func expiry() throws {
        let h = try rootSignedIn()
        try h.store.createUser(caller: h.console, userName: "bob")
        try h.store.createLoginProfile(caller: h.console, userName: "bob", password: strong)
        try h.store.updatePasswordPolicy(caller: h.console, policy: PasswordPolicy(maxPasswordAge: 30))
        try h.advance(31 * 86_400)
        let bob = SignInIdentity.user(account: "123456789012", userName: "bob")
        #expect(
            try h.sessions.signIn(bob, password: strong, mfaCode: nil, account: nil)
                == .passwordChangeRequired(reason: "Your password has expired: choose a new one."))
        try h.signIn()
        try h.store.updatePasswordPolicy(
            caller: h.console, policy: PasswordPolicy(maxPasswordAge: 30, hardExpiry: true))
        #expect(throws: IAMError.self) {
            try h.sessions.signIn(
                bob, password: strong, mfaCode: nil, newPassword: "Another-Strong-2026!", account: nil)
        }
    }

    @Test("changing one's own password: root cannot, the policy may forbid it, reuse is refused")
    func changePassword() throws {
        let h = try rootSignedIn()
        #expect(throws: IAMError.self) {
            try h.store.changePassword(caller: h.console, oldPassword: StoreHarness.password, newPassword: strong)
        }
        try h.store.createUser(caller: h.console, userName: "bob")
        try h.store.createLoginProfile(caller: h.console, userName: "bob", password: strong)
        try h.store.updatePasswordPolicy(caller: h.console, policy: PasswordPolicy(passwordReusePrevention: 2))
        let bob = Caller.principal(.user(try h.store.getUser(caller: h.console, userName: "bob")))
        #expect(
            throws: IAMError.accessDenied(
                "User: arn:aws:iam::123456789012:user/bob is not authorized to perform: iam:ChangePassword on resource: arn:aws:iam::123456789012:user/bob"
            )
        ) {
            try h.store.changePassword(caller: bob, oldPassword: strong, newPassword: "Another-Strong-2026!")
        }
        try h.store.updatePasswordPolicy(
            caller: h.console, policy: PasswordPolicy(allowUsersToChangePassword: true, passwordReusePrevention: 2))
        #expect(throws: IAMError.accessDenied("The old password is incorrect.")) {
            try h.store.changePassword(caller: bob, oldPassword: "wrong", newPassword: "Another-Strong-2026!")
        }
        try h.store.changePassword(caller: bob, oldPassword: strong, newPassword: "Another-Strong-2026!")
        #expect(
            throws: IAMError.passwordPolicyViolation(
                "Password does not conform to the account password policy. (Password should not be the same as any of the previous 2 passwords.)"
            )
        ) {
            try h.store.changePassword(caller: bob, oldPassword: "Another-Strong-2026!", newPassword: strong)
        }
    }

    @Test("IAM users manage only their own credentials")
    func permissions() throws {
        let h = try rootSignedIn()
        try h.store.createUser(caller: h.console, userName: "bob")
        try h.store.createUser(caller: h.console, userName: "carol")
        let bob = Caller.principal(.user(try h.store.getUser(caller: h.console, userName: "bob")))
        #expect(try h.store.createAccessKey(caller: bob).metadata.userName == "bob")
        #expect(try h.store.listAccessKeys(caller: bob, userName: "bob").count == 1)
        #expect(
            throws: IAMError.accessDenied(
                "User: arn:aws:iam::123456789012:user/bob is not authorized to perform: iam:CreateAccessKey on resource: arn:aws:iam::123456789012:user/carol"
            )
        ) {
            try h.store.createAccessKey(caller: bob, userName: "carol")
        }
        #expect(
            throws: IAMError.accessDenied(
                "User: arn:aws:iam::123456789012:user/bob is not authorized to perform: iam:CreateUser on resource: arn:aws:iam::123456789012:user/dave"
            )
        ) {
            try h.store.createUser(caller: bob, userName: "dave")
        }
    }

    @Test("an IAM user with MFA signs in with a code, and is locked out after five wrong ones")
    func userMFA() throws {
        let h = try rootSignedIn()
        try h.store.createUser(caller: h.console, userName: "bob")
        try h.store.createLoginProfile(caller: h.console, userName: "bob", password: strong)
        let seed = try h.store.createVirtualMFADevice(caller: h.console, deviceName: "bob-phone").base32StringSeed
        try h.store.enableMFADevice(
            caller: h.console, serialNumber: StoreHarness.serial("bob-phone"), code1: try h.code(seed, stepOffset: -1),
            code2: try h.code(seed),
            userName: "bob")
        try h.advance(30)
        let bob = SignInIdentity.user(account: "123456789012", userName: "bob")
        #expect(try h.sessions.signIn(bob, password: strong, mfaCode: nil, account: nil) == .mfaRequired)
        for code in ["000001", "000002", "000003", "000004"] {
            #expect(throws: RefusedCodeError.self) {
                try h.sessions.signIn(bob, password: strong, mfaCode: code, account: nil)
            }
        }
        #expect(throws: RefusedCodeError(.mfaLocked(until: StoreHarness.start.addingTimeInterval(30 + 900)), .wrong)) {
            try h.sessions.signIn(bob, password: strong, mfaCode: "000005", account: nil)
        }
        // Root is not locked by bob's failures.
        try h.sessions.signOut(account: nil)
        guard case .signedIn = try h.signIn() else {
            Issue.record("root should not be locked")
            return
        }
        try h.advance(900)
        guard
            case .signedIn(let session) = try h.sessions.signIn(
                bob, password: strong, mfaCode: try h.code(seed), account: nil)
        else {
            Issue.record("expected a session")
            return
        }
        #expect(session.mfaUsed)
    }
}
