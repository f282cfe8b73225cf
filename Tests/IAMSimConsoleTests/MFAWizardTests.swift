import Foundation
import IAMSimApp
import IAMSimCore
import IAMSimQR
import IAMSimStore
import IAMSimTestSupport
import Testing

/// The Assign MFA device wizard, a hardware token's setup, Resync and Remove.
@Suite("Console: Assign MFA device, resync, remove")
struct MFAWizardTests {
    static let serial = "arn:aws:iam::123456789012:mfa/root-mfa"

    /// Signs in and assigns a virtual device `name` up to its setup page; returns that page.
    @discardableResult
    static func startWizard(_ browser: Browser, name: String = "root-mfa") async throws -> Browser.Page {
        try await browser.signInAsRoot()
        let first = try await browser.get("mfa/assign")
        #expect(first.contains("Select MFA device"))
        #expect(first.body.contains("value=\"authenticator-app\" checked"))
        let next = try await browser.post("mfa/assign", [("name", name), ("type", "authenticator-app")])
        #expect(next.status == 303)
        #expect(next.location == "/console/mfa/setup?device=arn%3Aaws%3Aiam%3A%3A123456789012%3Amfa%2F\(name)")
        return try await browser.follow(next)
    }

    @Test("Next creates the device; the setup page shows its QR code (the API's PNG) and its secret key")
    func setupPage() async throws {
        let harness = try ConsoleHarness()
        try await harness.run { browser in
            let setup = try await Self.startWizard(browser)
            #expect(setup.contains("Show QR code"))
            #expect(setup.contains("Show secret key"))
            #expect(setup.contains("MFA code 1") && setup.contains("MFA code 2"))
            let secret = try #require(setup.text(ofID: "secret-key"))
            #expect(secret.count == 64)
            let png = try await browser.get("mfa/qr.png?device=\(Browser.encode(Self.serial))")
            #expect(png.status == 200)
            #expect(png.headers[.contentType] == "image/png")
            let uri = try #require(try QRScanner.decode(png: png.bytes).first)
            #expect(
                uri
                    == "otpauth://totp/Amazon%20Web%20Services:root-mfa@123456789012?secret=\(secret)&issuer=Amazon%20Web%20Services"
            )
            #expect(png.bytes == (try QRImage(uri: uri, drawingPNG: true).pngBytes))
        }
        let devices = try harness.simulator.store.listVirtualMFADevices(
            caller: harness.root, assignmentStatus: .unassigned)
        #expect(devices.items.map(\.serialNumber) == [Self.serial])
        #expect(try harness.events().contains { $0.eventName == "CreateVirtualMFADevice" && $0.outcome == .success })
    }

    @Test("wrong, identical and non-consecutive codes get AWS's answer and the reason; nothing changes")
    func refusedCodes() async throws {
        let harness = try ConsoleHarness()
        try await harness.run { browser in
            let setup = try await Self.startWizard(browser)
            let seed = try #require(setup.text(ofID: "secret-key"))
            let cases: [((String, String), String)] = [
                (("123456", "654321"), "These are not this device's codes"),
                ((try harness.code(seed), try harness.code(seed)), "MFA code 1 and MFA code 2 are the same code"),
                ((try harness.code(seed, steps: -1), try harness.code(seed, steps: 1)), "not two consecutive ones"),
            ]
            for ((code1, code2), reason) in cases {
                let refused = try await browser.post(
                    "mfa/activate", [("device", Self.serial), ("code1", code1), ("code2", code2)])
                #expect(refused.status == 403)
                #expect(refused.contains("InvalidAuthenticationCode"))
                #expect(refused.contains("Authentication code for device is not valid."))
                #expect(refused.contains(reason), "\(reason)")
                // The page shows the device again, to scan it or type the codes again.
                #expect(refused.text(ofID: "secret-key") == seed)
            }
            let malformed = try await browser.post(
                "mfa/activate", [("device", Self.serial), ("code1", "12"), ("code2", "34")])
            #expect(malformed.status == 400)
            #expect(malformed.contains("ValidationError"))
        }
        #expect(try harness.simulator.store.listMFADevices(caller: harness.root).items.isEmpty)
    }

    @Test("two consecutive codes add the device to root (EnableMFADevice)")
    func addMFA() async throws {
        let harness = try ConsoleHarness()
        try await harness.run { browser in
            let setup = try await Self.startWizard(browser)
            let seed = try #require(setup.text(ofID: "secret-key"))
            let added = try await browser.post(
                "mfa/activate",
                [
                    ("device", Self.serial), ("code1", try harness.code(seed, steps: -1)),
                    ("code2", try harness.code(seed)),
                ])
            #expect(added.status == 303)
            #expect(added.location == "/console/security-credentials#mfa")
            let page = try await browser.follow(added)
            #expect(page.contains("MFA device root-mfa is assigned. Signing in now takes a code from it."))
            #expect(page.contains(Self.serial))
            // The wizard forgets the secret once the device is active.
            let again = try await browser.get("mfa/setup?device=\(Browser.encode(Self.serial))")
            #expect(again.status == 404)
            #expect(try await browser.get("mfa/qr.png?device=\(Browser.encode(Self.serial))").status == 404)
        }
        let devices = try harness.simulator.store.listMFADevices(caller: harness.root).items
        #expect(devices.map(\.serialNumber) == [Self.serial])
        #expect(devices.first?.isActive == true)
    }

    @Test("a name in use, or malformed, keeps the first step with AWS's error")
    func badName() async throws {
        let harness = try ConsoleHarness()
        try await harness.run { browser in
            try await Self.startWizard(browser)
            let taken = try await browser.post("mfa/assign", [("name", "root-mfa"), ("type", "authenticator-app")])
            #expect(taken.status == 409)
            #expect(taken.contains("MFADevice entity at the same path and name already exists."))
            #expect(taken.body.contains("value=\"root-mfa\""))
            let malformed = try await browser.post(
                "mfa/assign", [("name", "no spaces"), ("type", "authenticator-app")])
            #expect(malformed.status == 400)
        }
    }

    @Test("Security key is answered with not simulated")
    func securityKey() async throws {
        try await ConsoleHarness().run { browser in
            try await browser.signInAsRoot()
            let page = try await browser.post("mfa/assign", [("name", "my-key"), ("type", "security-key")])
            #expect(page.status == 400)
            #expect(page.contains("Security keys are not simulated"))
            #expect(page.body.contains("value=\"security-key\" checked"))
        }
    }

    @Test("a hardware TOTP token is assigned by its serial number and two codes from its display")
    func hardwareToken() async throws {
        let seed = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
        var fixture = try Fixture.builtInDefault()
        fixture.account.hardwareTokens = [Fixture.HardwareToken(serialNumber: "GAHT12345678", base32StringSeed: seed)]
        let harness = try ConsoleHarness(fixture: fixture)
        try await harness.run { browser in
            try await browser.signInAsRoot()
            let page = try await browser.post("mfa/assign", [("name", "desk-token"), ("type", "hardware-totp")])
            #expect(page.status == 200)
            #expect(page.contains("Set up hardware TOTP token"))
            #expect(page.contains("The serial number is printed on the back of the token."))
            let unknown = try await browser.post(
                "mfa/hardware",
                [("name", "desk-token"), ("serial", "GAHT99999999"), ("code1", "123456"), ("code2", "234567")])
            #expect(unknown.status == 404)
            #expect(unknown.contains("No hardware MFA device with serial number GAHT99999999 is known to AWS."))
            let added = try await browser.post(
                "mfa/hardware",
                [
                    ("name", "desk-token"), ("serial", "GAHT12345678"), ("code1", try harness.code(seed, steps: -1)),
                    ("code2", try harness.code(seed)),
                ])
            #expect(added.status == 303)
            #expect(try await browser.follow(added).contains("Hardware MFA device desk-token (serial GAHT12345678)"))
        }
        #expect(try harness.simulator.store.listMFADevices(caller: harness.root).items.map(\.type) == [.hardware])
    }

    @Test("Resync takes two consecutive codes (ResyncMFADevice)")
    func resync() async throws {
        let harness = try ConsoleHarness()
        let seed = try harness.activateRootDevice()
        try await harness.run { browser in
            try await browser.signInAsRoot(harness, seed: seed)
            let page = try await browser.get("mfa/resync?device=\(Browser.encode(Self.serial))")
            #expect(page.contains("Resync MFA device"))
            #expect(page.contains("root-mfa"))
            try harness.advance(60)
            let refused = try await browser.post(
                "mfa/resync", [("device", Self.serial), ("code1", "111111"), ("code2", "222222")])
            #expect(refused.status == 403)
            let done = try await browser.post(
                "mfa/resync",
                [
                    ("device", Self.serial), ("code1", try harness.code(seed)),
                    ("code2", try harness.code(seed, steps: 1)),
                ])
            #expect(done.status == 303)
            #expect(try await browser.follow(done).contains("MFA device root-mfa is resynchronized."))
        }
        #expect(try harness.events().contains { $0.eventName == "ResyncMFADevice" && $0.outcome == .success })
    }

    @Test("Remove deactivates and deletes the virtual device, after a confirmation page")
    func remove() async throws {
        let harness = try ConsoleHarness()
        let seed = try harness.activateRootDevice()
        try await harness.run { browser in
            try await browser.signInAsRoot(harness, seed: seed)
            let page = try await browser.get("mfa/remove?device=\(Browser.encode(Self.serial))")
            #expect(page.contains("Remove MFA device?"))
            #expect(page.contains("The virtual device is deactivated and deleted."))
            let removed = try await browser.post("mfa/remove", [("device", Self.serial)])
            #expect(removed.status == 303)
            #expect(try await browser.follow(removed).contains("MFA device root-mfa is removed."))
        }
        #expect(try harness.simulator.store.listVirtualMFADevices(caller: harness.root).items.isEmpty)
        let names = try harness.events().map(\.eventName)
        #expect(names.contains("DeactivateMFADevice") && names.contains("DeleteVirtualMFADevice"))
    }

    @Test("Cancel on the setup page deletes the device, which was never active")
    func cancel() async throws {
        let harness = try ConsoleHarness()
        try await harness.run { browser in
            try await Self.startWizard(browser)
            let page = try await browser.get("security-credentials")
            #expect(page.contains("Devices awaiting activation"))
            #expect(page.contains("Continue setup"))
            let cancelled = try await browser.post("mfa/remove", [("device", Self.serial)])
            #expect(cancelled.status == 303)
        }
        #expect(try harness.simulator.store.listVirtualMFADevices(caller: harness.root).items.isEmpty)
    }

    @Test("root assigns an MFA device to an IAM user from the user's page")
    func assignForUser() async throws {
        let harness = try ConsoleHarness()
        try harness.simulator.store.createUser(caller: harness.root, userName: "erin")
        try await harness.run { browser in
            try await browser.signInAsRoot()
            let first = try await browser.get("mfa/assign?user=erin")
            #expect(first.contains("For IAM user <strong>erin</strong>."))
            let next = try await browser.post(
                "mfa/assign", [("name", "erin"), ("type", "authenticator-app"), ("user", "erin")])
            let setup = try await browser.follow(next)
            let seed = try #require(setup.text(ofID: "secret-key"))
            let added = try await browser.post(
                "mfa/activate",
                [
                    ("device", "arn:aws:iam::123456789012:mfa/erin"), ("user", "erin"),
                    ("code1", try harness.code(seed, steps: -1)), ("code2", try harness.code(seed)),
                ])
            #expect(added.location == "/console/user?name=erin#mfa")
            #expect(try await browser.follow(added).contains("MFA device erin is assigned to erin."))
        }
        #expect(try harness.simulator.store.listMFADevices(caller: harness.root, userName: "erin").items.count == 1)
    }
}
