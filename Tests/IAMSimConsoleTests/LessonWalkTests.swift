import Foundation
import IAMSimApp
import IAMSimCore
import IAMSimStore
import IAMSimTestSupport
import Testing

/// The whole lesson done in the console, as a trainee without a phone does it (the phone
/// page), with the lesson panel following every step; `iamsim lesson`'s reading agrees.
@Suite("Console: the 16 steps of the lesson")
struct LessonWalkTests {
    /// The panel's "Step N of 16", or "Complete…".
    static func step(_ page: Browser.Page) -> String? {
        guard let range = page.body.range(of: "<span class=\"lesson-step\">") else { return nil }
        let rest = page.body[range.upperBound...]
        return String(rest[..<(rest.firstIndex(of: "<") ?? rest.endIndex)])
    }

    @Test("sign in, delete the root key, assign MFA with the phone page, sign out, sign in with MFA: green")
    func wholeLesson() async throws {
        let harness = try ConsoleHarness()
        let serial = "arn:aws:iam::123456789012:mfa/root-mfa"
        try await harness.run { browser in
            #expect(Self.step(try await browser.get("signin")) == "Step 1 of 16")
            // Steps 1 and 2: sign in, which leads to the dashboard.
            let dashboard = try await browser.follow(try await browser.signInAsRoot())
            #expect(Self.step(dashboard) == "Step 3 of 16")
            #expect(dashboard.contains("0 out of 5 complete."))
            // Step 3: the root access key on My security credentials.
            #expect(Self.step(try await browser.get("security-credentials")) == "Step 4 of 16")
            // Steps 4 and 5: deactivate, then delete with the id typed.
            let deactivated = try await browser.post(
                "access-keys/status", [("key", TestValues.rootKey), ("status", "Inactive"), ("next", "delete")])
            #expect(Self.step(try await browser.follow(deactivated)) == "Step 5 of 16")
            let deleted = try await browser.post(
                "access-keys/delete", [("key", TestValues.rootKey), ("confirmation", TestValues.rootKey)])
            #expect(Self.step(try await browser.follow(deleted)) == "Step 6 of 16")
            // Step 6: Assign MFA device, Authenticator app, Show QR code.
            let setup = try await browser.follow(
                try await browser.post("mfa/assign", [("name", "root-mfa"), ("type", "authenticator-app")]))
            #expect(Self.step(setup) == "Step 7 of 16")
            // Step 7: the phone page reads the QR code image.
            let png = try await browser.get("mfa/qr.png?device=\(Browser.encode(serial))")
            let scanned = try await browser.postMultipart(
                "phone/scan", fields: [], file: (name: "qr", fileName: "qr.png", bytes: png.bytes))
            // Step 8: the phone shows code 1 (this page is the phone being looked at).
            let phone1 = try await browser.follow(scanned)
            let code1 = try #require(phone1.text(ofID: "code-0"))
            #expect(Self.step(try await browser.get("mfa/setup?device=\(Browser.encode(serial))")) == "Step 9 of 16")
            // Step 9: the next code is due; step 10: the phone shows it.
            try harness.advance(30)
            let phone2 = try await browser.get("phone")
            let code2 = try #require(phone2.text(ofID: "code-0"))
            #expect(code1 != code2)
            #expect(Self.step(phone2) == "Step 11 of 16")
            // Step 11: Add MFA.
            let added = try await browser.post(
                "mfa/activate", [("device", serial), ("code1", code1), ("code2", code2)])
            #expect(added.status == 303)
            // Step 12: My security credentials lists the device.
            let listed = try await browser.follow(added)
            #expect(listed.contains(serial))
            #expect(Self.step(try await browser.get("dashboard")) == "Step 13 of 16")
            // Step 13: sign out; step 14: a fresh code.
            let signedOut = try await browser.follow(try await browser.post("signout"))
            #expect(Self.step(signedOut) == "Step 14 of 16")
            try harness.advance(30)
            let phone3 = try await browser.get("phone")
            let code3 = try #require(phone3.text(ofID: "code-0"))
            #expect(Self.step(phone3) == "Step 15 of 16")
            // Step 15: password, then the MFA code.
            let mfa = try await browser.signInAsRoot()
            #expect(mfa.location == "/console/signin/mfa")
            let signedIn = try await browser.post("signin/mfa", [("code", code3)])
            #expect(signedIn.location == "/console/dashboard")
            // Step 16: the dashboard turns green for root.
            let green = try await browser.follow(signedIn)
            #expect(green.contains("2 out of 5 complete."))
            #expect(green.contains("signed in with MFA"))
            #expect(Self.step(green) == "Complete: 16 of 16 steps")
            #expect(green.contains("Lesson complete:"))
        }
        let reading = try LessonTracker(simulator: harness.simulator).read(account: TestValues.account)
        #expect(reading.progress.isComplete)
        let login = try #require(try harness.events().last { $0.eventName == "ConsoleLogin" })
        #expect(login.mfaUsed == true)
        #expect(login.outcome == .success)
    }
}
