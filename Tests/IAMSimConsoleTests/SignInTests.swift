import Foundation
import IAMSimCore
import IAMSimStore
import IAMSimTestSupport
import Testing

/// The sign-in pages: root by email then password, an IAM user by account, name and password,
/// the MFA code page, lockout and resync, a required new password, expiry and sign-out.
@Suite("Console: sign-in, MFA, lockout, resync, expiry, sign-out")
struct SignInTests {
    @Test("root signs in with email, then password: a session cookie and ConsoleLogin without MFA")
    func rootSignIn() async throws {
        let harness = try ConsoleHarness()
        try await harness.run { browser in
            let first = try await browser.get("signin")
            #expect(first.contains("Root user email address"))
            let password = try await browser.post("signin", [("email", TestValues.email)])
            #expect(password.status == 200)
            #expect(password.text(ofID: "signin-email") == TestValues.email)
            let signedIn = try await browser.post(
                "signin/password", [("as", "root"), ("email", TestValues.email), ("password", TestValues.password)])
            #expect(signedIn.status == 303)
            #expect(signedIn.location == "/console/dashboard")
            #expect(browser.cookies["iamsim_session"] != nil)
            let dashboard = try await browser.follow(signedIn)
            #expect(dashboard.contains("Root user · Account 123456789012 · signed in without MFA"))
        }
        let login = try #require(try harness.events().last { $0.eventName == "ConsoleLogin" })
        #expect(login.outcome == .success)
        #expect(login.mfaUsed == false)
    }

    @Test("a wrong password gets AWS's sentence, no session, and a failed ConsoleLogin")
    func wrongPassword() async throws {
        let harness = try ConsoleHarness()
        try await harness.run { browser in
            let refused = try await browser.signInAsRoot(password: "wrong-password")
            #expect(refused.status == 403)
            #expect(refused.contains("Your authentication information is incorrect. Please try again."))
            #expect(browser.cookies["iamsim_session"] == nil)
        }
        let login = try #require(try harness.events().last { $0.eventName == "ConsoleLogin" })
        #expect(login.outcome == .failure)
    }

    @Test("an IAM user signs in with the account id, user name and password")
    func iamUser() async throws {
        let harness = try ConsoleHarness()
        try harness.simulator.store.createUser(caller: harness.root, userName: "alice")
        try harness.simulator.store.createLoginProfile(
            caller: harness.root, userName: "alice", password: "Alice-Pass-2026!")
        try await harness.run { browser in
            let form = try await browser.get("signin?as=iam&account=123456789012")
            #expect(form.contains("IAM user name"))
            #expect(form.body.contains("value=\"123456789012\""))
            let signedIn = try await browser.post(
                "signin/password",
                [("as", "iam"), ("account", "123456789012"), ("user", "alice"), ("password", "Alice-Pass-2026!")])
            #expect(signedIn.status == 303)
            let page = try await browser.follow(signedIn)
            #expect(page.contains("IAM user alice · Account 123456789012"))
            let wrong = try await browser.post(
                "signin/password",
                [("as", "iam"), ("account", "123456789012"), ("user", "alice"), ("password", "nope")])
            #expect(wrong.status == 403)
            #expect(wrong.body.contains("value=\"alice\""))
        }
    }

    @Test("with MFA active the password leads to the MFA page; the code signs in with MFA")
    func mfaSignIn() async throws {
        let harness = try ConsoleHarness()
        let seed = try harness.activateRootDevice()
        try await harness.run { browser in
            let password = try await browser.signInAsRoot()
            #expect(password.status == 303)
            #expect(password.location == "/console/signin/mfa")
            #expect(browser.cookies["iamsim_session"] == nil)
            let page = try await browser.follow(password)
            #expect(page.contains("enter the code your MFA device shows now"))
            #expect(page.contains("Troubleshoot MFA"))
            let wrong = try await browser.post("signin/mfa", [("code", "000000")])
            #expect(wrong.status == 403)
            #expect(wrong.contains("Your authentication information is incorrect. Please try again."))
            #expect(wrong.contains("This is not the code the device shows now"))
            let malformed = try await browser.post("signin/mfa", [("code", "12ab")])
            #expect(malformed.status == 400)
            let signedIn = try await browser.post("signin/mfa", [("code", try harness.code(seed))])
            #expect(signedIn.status == 303)
            #expect(signedIn.location == "/console/dashboard")
            #expect(browser.cookies["iamsim_signin"] == nil)
            let dashboard = try await browser.follow(signedIn)
            #expect(dashboard.contains("signed in with MFA"))
        }
        let logins = try harness.events().filter { $0.eventName == "ConsoleLogin" }
        #expect(logins.map(\.outcome) == [.failure, .failure, .success])
        #expect(logins.last?.mfaUsed == true)
        #expect(try harness.events().contains { $0.eventName == "CredentialChallenge" })
    }

    @Test("a code already used (to activate the device) is refused, and the page says why")
    func reusedCode() async throws {
        let harness = try ConsoleHarness()
        let seed = try harness.activateRootDevice()
        let used = try harness.code(seed, steps: -1)
        try await harness.run { browser in
            try await browser.signInAsRoot()
            let refused = try await browser.post("signin/mfa", [("code", used)])
            #expect(refused.status == 403)
            #expect(refused.contains("This code was already used"))
        }
    }

    @Test("five wrong codes lock sign-in; a resync from the MFA page lifts the lock")
    func lockoutAndResync() async throws {
        let harness = try ConsoleHarness()
        let seed = try harness.activateRootDevice()
        try await harness.run { browser in
            try await browser.signInAsRoot()
            var last = try await browser.post("signin/mfa", [("code", "000000")])
            for _ in 0..<4 { last = try await browser.post("signin/mfa", [("code", "000000")]) }
            #expect(last.contains("Too many wrong MFA codes: sign-in for this user is locked until"))
            let locked = try await browser.post("signin/mfa", [("code", try harness.code(seed))])
            #expect(locked.status == 403)
            #expect(locked.contains("locked until"))
            // The sign-in under way knows the password: the resync asks for the codes only.
            let resyncPage = try await browser.get("signin/resync")
            #expect(resyncPage.contains("Root user: <strong>trainee@example.com</strong>"))
            let resynced = try await browser.post(
                "signin/resync", [("code1", try harness.code(seed)), ("code2", try harness.code(seed, steps: 1))])
            #expect(resynced.status == 303)
            #expect(resynced.location == "/console/signin/mfa")
            let mfa = try await browser.follow(resynced)
            #expect(mfa.contains("is resynchronized, and any lockout is lifted"))
            // The resync measured the device one step ahead (the clock stands still): the next
            // code is the device's code one step ahead of the next step.
            try harness.advance(30)
            let signedIn = try await browser.post("signin/mfa", [("code", try harness.code(seed, steps: 1))])
            #expect(signedIn.status == 303)
            #expect(signedIn.location == "/console/dashboard")
        }
    }

    @Test("resync from the sign-in page asks for email and password when no sign-in is under way")
    func resyncWithPassword() async throws {
        let harness = try ConsoleHarness()
        let seed = try harness.activateRootDevice()
        try await harness.run { browser in
            let page = try await browser.get("signin/resync")
            #expect(page.contains("Root user email address"))
            let wrong = try await browser.post(
                "signin/resync",
                [
                    ("email", TestValues.email), ("password", "wrong"), ("code1", try harness.code(seed)),
                    ("code2", try harness.code(seed, steps: 1)),
                ])
            #expect(wrong.status == 403)
            let identical = try await browser.post(
                "signin/resync",
                [
                    ("email", TestValues.email), ("password", TestValues.password), ("code1", try harness.code(seed)),
                    ("code2", try harness.code(seed)),
                ])
            #expect(identical.status == 403)
            #expect(identical.contains("Authentication code for device is not valid."))
            #expect(identical.contains("MFA code 1 and MFA code 2 are the same code"))
            let resynced = try await browser.post(
                "signin/resync",
                [
                    ("email", TestValues.email), ("password", TestValues.password), ("code1", try harness.code(seed)),
                    ("code2", try harness.code(seed, steps: 1)),
                ])
            #expect(resynced.status == 303)
            #expect(resynced.location == "/console/signin")
        }
    }

    @Test("an IAM user's MFA page sends resync to the administrator")
    func userResync() async throws {
        let harness = try ConsoleHarness()
        let store = harness.simulator.store
        try store.createUser(caller: harness.root, userName: "bob")
        try store.createLoginProfile(caller: harness.root, userName: "bob", password: "Bob-Pass-2026!")
        let created = try store.createVirtualMFADevice(caller: harness.root, deviceName: "bob")
        try store.enableMFADevice(
            caller: harness.root, serialNumber: created.device.serialNumber,
            code1: try harness.code(created.base32StringSeed, steps: -1),
            code2: try harness.code(created.base32StringSeed),
            userName: "bob")
        try await harness.run { browser in
            try await browser.get("signin")
            let mfa = try await browser.post(
                "signin/password",
                [("as", "iam"), ("account", "123456789012"), ("user", "bob"), ("password", "Bob-Pass-2026!")])
            #expect(mfa.location == "/console/signin/mfa")
            let resync = try await browser.get("signin/resync")
            #expect(resync.contains("Ask your account's administrator"))
        }
    }

    @Test("a required new password is asked for before the console opens")
    func newPasswordRequired() async throws {
        let harness = try ConsoleHarness()
        try harness.simulator.store.createUser(caller: harness.root, userName: "carol")
        try harness.simulator.store.createLoginProfile(
            caller: harness.root, userName: "carol", password: "Carol-Pass-2026!", passwordResetRequired: true)
        try await harness.run { browser in
            try await browser.get("signin")
            let asked = try await browser.post(
                "signin/password",
                [("as", "iam"), ("account", "123456789012"), ("user", "carol"), ("password", "Carol-Pass-2026!")])
            #expect(asked.location == "/console/signin/new-password")
            let page = try await browser.follow(asked)
            #expect(page.contains("An administrator requires a new password before you sign in."))
            let differ = try await browser.post(
                "signin/new-password", [("newPassword", "New-Carol-2026!"), ("confirmPassword", "Other-2026!")])
            #expect(differ.status == 400)
            let signedIn = try await browser.post(
                "signin/new-password", [("newPassword", "New-Carol-2026!"), ("confirmPassword", "New-Carol-2026!")])
            #expect(signedIn.location == "/console/dashboard")
        }
        let outcome = try harness.simulator.sessions.signIn(
            .user(account: "123456789012", userName: "carol"), password: "New-Carol-2026!", mfaCode: nil, account: nil)
        guard case .signedIn = outcome else {
            Issue.record("the new password does not sign in: \(outcome)")
            return
        }
    }

    @Test("an expired password asks for a new one; under HardExpiry the page says only an administrator can")
    func expiredPassword() async throws {
        let harness = try ConsoleHarness()
        let store = harness.simulator.store
        try store.createUser(caller: harness.root, userName: "kay")
        try store.createLoginProfile(caller: harness.root, userName: "kay", password: "Kay-Pass-2026!")
        try store.updatePasswordPolicy(caller: harness.root, policy: PasswordPolicy(maxPasswordAge: 1))
        try harness.advance(2 * 86_400)
        let fields = [("as", "iam"), ("account", "123456789012"), ("user", "kay"), ("password", "Kay-Pass-2026!")]
        try await harness.run { browser in
            try await browser.get("signin")
            let asked = try await browser.post("signin/password", fields)
            #expect(asked.location == "/console/signin/new-password")
            #expect(try await browser.follow(asked).contains("Your password has expired: choose a new one."))
        }
        try store.updatePasswordPolicy(
            caller: harness.root, policy: PasswordPolicy(maxPasswordAge: 1, hardExpiry: true))
        try await harness.run { browser in
            try await browser.get("signin")
            let refused = try await browser.post("signin/password", fields)
            #expect(refused.status == 403)
            #expect(refused.contains("requires an administrator to set a new one"))
        }
    }

    @Test("a console session expires after 12 hours on the account's clock")
    func expiry() async throws {
        let harness = try ConsoleHarness()
        try await harness.run { browser in
            try await browser.signInAsRoot()
            try harness.advance(12 * 3_600 - 1)
            #expect(try await browser.get("dashboard").status == 200)
            try harness.advance(1)
            let expired = try await browser.get("dashboard")
            #expect(expired.status == 303)
            #expect(expired.location == "/console/signin")
            let signIn = try await browser.follow(expired)
            #expect(signIn.contains("Your session has expired. Sign in again."))
        }
    }

    @Test("sign out ends the session everywhere and logs ConsoleSignOut")
    func signOut() async throws {
        let harness = try ConsoleHarness()
        try await harness.run { browser in
            try await browser.signInAsRoot()
            let out = try await browser.post("signout")
            #expect(out.status == 303)
            #expect(out.location == "/console/signin")
            #expect(browser.cookies["iamsim_session"] == nil)
            let page = try await browser.follow(out)
            #expect(page.contains("You are signed out."))
            #expect(try await browser.get("dashboard").status == 303)
        }
        #expect(try harness.events().last?.eventName == "ConsoleSignOut")
        #expect(try harness.simulator.sessions.signedInPrincipal(account: nil) == nil)
    }

    @Test("a sign-out in the shell ends the browser's session too")
    func signOutElsewhere() async throws {
        let harness = try ConsoleHarness()
        try await harness.run { browser in
            try await browser.signInAsRoot()
            try harness.simulator.sessions.signOut(account: nil)
            let page = try await browser.get("dashboard")
            #expect(page.status == 303)
            #expect(try await browser.follow(page).contains("You are signed out. Sign in again."))
        }
    }

    @Test("the MFA page without a sign-in under way starts over")
    func noPendingSignIn() async throws {
        try await ConsoleHarness().run { browser in
            let page = try await browser.get("signin/mfa")
            #expect(page.status == 303)
            #expect(try await browser.follow(page).contains("Your sign-in took too long or was interrupted"))
        }
    }
}
