import Foundation
import Hummingbird
import HummingbirdTesting
import IAMSimApp
import IAMSimConsole
import IAMSimCore
import IAMSimStore
import IAMSimTestSupport
import Testing

/// The phone page (the trainee's authenticator) and the instructor's class progress.
@Suite("Console: phone page and class progress")
struct PhoneAndInstructorTests {
    /// A second account, so that the database is a classroom's.
    static func addSecondAccount(_ harness: ConsoleHarness) throws {
        let json = TestValues.fastFixtureJSON
            .replacingOccurrences(of: "123456789012", with: "210987654321")
            .replacingOccurrences(of: "trainee@example.com", with: "second@example.com")
            .replacingOccurrences(of: "AKIAIOSFODNN7EXAMPLE", with: "AKIAIOSFODNN7SECOND1")
            .replacingOccurrences(of: "root-mfa-lesson-fast", with: "second")
        try harness.simulator.accounts.loadFixture(try Fixture.load(Data(json.utf8), source: "second"))
    }

    @Test("a secret key typed on the phone page shows its code, as the authenticator computes it")
    func pasteSecret() async throws {
        let harness = try ConsoleHarness()
        let seed = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
        try await harness.run { browser in
            try await browser.signInAsRoot()
            let empty = try await browser.get("phone")
            #expect(empty.text(ofID: "no-codes")?.hasPrefix("No accounts yet") == true)
            #expect(empty.contains("simulated, standing still at 2026-01-05 09:30:05 UTC"))
            let bad = try await browser.post("phone/add", [("secret", "not base32!"), ("label", "x")])
            #expect(bad.status == 400)
            #expect(bad.contains("The secret key is not valid base32"))
            let added = try await browser.post("phone/add", [("secret", seed), ("label", "my-mfa")])
            #expect(added.location == "/console/phone")
            let page = try await browser.follow(added)
            #expect(page.contains("Added my-mfa."))
            #expect(page.text(ofID: "code-0") == (try harness.code(seed)))
            // A stopped clock: no countdown, no refresh.
            #expect(page.contains("clock stopped"))
            #expect(!page.body.contains("http-equiv=\"refresh\""))
            let removed = try await browser.post("phone/remove", [("label", "my-mfa")])
            #expect(try await browser.follow(removed).contains("Removed my-mfa from the phone."))
        }
    }

    @Test("a QR code image uploaded to the phone page adds the device, as authenticator scan does")
    func scanQRCode() async throws {
        let harness = try ConsoleHarness()
        try await harness.run { browser in
            let setup = try await MFAWizardTests.startWizard(browser)
            let seed = try #require(setup.text(ofID: "secret-key"))
            let png = try await browser.get("mfa/qr.png?device=\(Browser.encode(MFAWizardTests.serial))")
            let scanned = try await browser.postMultipart(
                "phone/scan", fields: [("label", "")], file: (name: "qr", fileName: "root-mfa-qr.png", bytes: png.bytes)
            )
            #expect(scanned.status == 303)
            let page = try await browser.follow(scanned)
            #expect(page.contains("Scanned the QR code: added Amazon Web Services (root-mfa@123456789012)."))
            #expect(page.text(ofID: "code-0") == (try harness.code(seed)))
            let garbage = try await browser.postMultipart(
                "phone/scan", fields: [], file: (name: "qr", fileName: "x.png", bytes: Array("not a png".utf8)))
            #expect(garbage.status == 400)
            #expect(garbage.contains("Cannot do that"))
        }
        let accounts = try harness.simulator.authenticator(for: TestValues.account).accounts()
        #expect(accounts.map(\.displayName) == ["Amazon Web Services (root-mfa@123456789012)"])
    }

    @Test("on real time the codes count down, and the page reloads itself when the first code changes")
    func countdown() async throws {
        let harness = try ConsoleHarness()
        try harness.simulator.authenticator(for: TestValues.account).add(
            secret: "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP", label: "app")
        _ = try harness.simulator.clock.useRealTime(.all)
        try await harness.run { browser in
            try await browser.signInAsRoot()
            let page = try await browser.get("phone")
            // TestValues.start is 5 seconds into its 30-second step.
            #expect(page.body.contains("<span data-countdown=\"25\">25</span> s left"))
            #expect(page.body.contains("<meta http-equiv=\"refresh\" content=\"25\">"))
        }
    }

    @Test("signed out, the phone page still shows the phone of the account this browser signed in to")
    func pairedWhileSignedOut() async throws {
        let harness = try ConsoleHarness()
        try Self.addSecondAccount(harness)
        try harness.simulator.authenticator(for: TestValues.account).add(
            secret: "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP", label: "lesson-app")
        try await harness.run { browser in
            let unpaired = try await browser.get("phone")
            #expect(unpaired.contains("This browser is not paired with an account's phone yet."))
            try await browser.signInAsRoot()
            try await browser.post("signout")
            #expect(browser.cookies["iamsim_account"] != nil)
            let page = try await browser.get("phone")
            #expect(page.contains("The trainee's phone for account 123456789012"))
            #expect(page.contains("lesson-app"))
            // A forged pairing is ignored.
            browser.cookies["iamsim_account"] = "210987654321.forged"
            #expect(try await browser.get("phone").contains("not paired"))
        }
    }

    @Test("the class progress page is closed without the token, and shows every trainee with it")
    func classProgress() async throws {
        let harness = try ConsoleHarness()
        try Self.addSecondAccount(harness)
        try await harness.run { browser in
            let form = try await browser.get("instructor")
            #expect(form.contains("Instructor token"))
            #expect(form.body.contains("type=\"password\""))
            let wrong = try await browser.post("instructor", [("token", "guess")])
            #expect(wrong.status == 403)
            #expect(wrong.contains("Wrong token"))
            let right = try await browser.post("instructor", [("token", ConsoleHarness.instructorToken)])
            #expect(right.location == "/console/instructor")
            let page = try await browser.follow(right)
            #expect(page.contains("2 accounts."))
            #expect(page.contains("123456789012"))
            #expect(page.contains("210987654321"))
            #expect(page.contains("Step 1 of 16: Sign in to the console as the root user"))
            #expect(page.contains("0 of 5 complete"))
            #expect(page.body.contains("<li class=\"fail\">⚠ Not complete: Delete your root access keys</li>"))
            #expect(page.body.contains("<meta http-equiv=\"refresh\" content=\"10\">"))
            browser.cookies["iamsim_instructor"] = "forged.value"
            #expect(try await browser.get("instructor").contains("Instructor token"))
        }
    }

    @Test("without an instructor token the class progress page does not open")
    func closedClassProgress() async throws {
        let harness = try ConsoleHarness()
        let router = Router(context: ConsoleRequestContext.self)
        ConsoleServer.addConsole(to: router, simulator: harness.simulator, configuration: ConsoleConfiguration())
        try await Application(router: router).test(.router) { client in
            let browser = Browser(client)
            let page = try await browser.get("instructor")
            #expect(page.status == 404)
            #expect(page.contains("started without an instructor token"))
        }
    }
}
