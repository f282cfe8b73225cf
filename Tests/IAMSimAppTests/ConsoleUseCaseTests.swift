import Foundation
import IAMSimTestSupport
import Testing

@testable import IAMSimApp
@testable import IAMSimCore
@testable import IAMSimDevices
@testable import IAMSimStore

/// The use cases the web console added to the application layer, for every front end: a QR
/// image read into the phone, and the console's Delete user.
@Suite("The application layer: scanning a QR image, deleting a user with what it has")
struct ConsoleUseCaseTests {
    let h: StoreHarness
    var root: Caller { .principal(.root(StoreHarness.account)) }

    init() throws {
        h = try StoreHarness()
    }

    @Test("a device's QR image adds it to the phone, with the URI it holds")
    func scan() throws {
        let enrolled = try h.simulator.enrollVirtualMFADevice(caller: root, deviceName: "root-mfa", drawingPNG: true)
        let scanned = try h.authenticator.scan(png: enrolled.qr.pngBytes, label: nil)
        #expect(scanned.uri == enrolled.created.uri)
        #expect(scanned.account.displayName == "Amazon Web Services (root-mfa@123456789012)")
        #expect(try h.authenticator.accounts().count == 1)
    }

    @Test("an image that is not a QR code, or a QR code that is not an authenticator's, adds nothing")
    func scanRefusals() throws {
        #expect(throws: LocalError.self) { try h.authenticator.scan(png: Array("not a png".utf8), label: nil) }
        let other = try QRImage(uri: "https://example.com/", drawingPNG: true)
        #expect(
            throws: LocalError.invalidValue(
                "The image's QR code is not an authenticator (TOTP) code: it holds 'https://example.com/'.")
        ) {
            try h.authenticator.scan(png: other.pngBytes, label: nil)
        }
        #expect(try h.authenticator.accounts().isEmpty)
    }

    @Test("why an image gives no code is one value, worded as a sentence for the console and a clause for the CLI")
    func unscannableWording() throws {
        let other = try QRImage(uri: "https://example.com/", drawingPNG: true)
        #expect(throws: UnscannableImage.notAuthenticatorCode("https://example.com/")) {
            try Authenticator.authenticatorURI(inPNG: other.pngBytes)
        }
        let unreadable = UnscannableImage.unreadable("No QR code was found in the image.")
        #expect(unreadable.sentence == "No QR code was found in the image.")
        #expect(unreadable.clause == "no QR code was found in the image")
        #expect(
            UnscannableImage.notAuthenticatorCode("https://example.com/").clause
                == "its QR code is not an authenticator (TOTP) code: it holds 'https://example.com/'")
        let enrolled = try h.simulator.enrollVirtualMFADevice(caller: root, deviceName: "root-mfa", drawingPNG: true)
        #expect(try Authenticator.authenticatorURI(inPNG: enrolled.qr.pngBytes) == enrolled.created.uri)
    }

    @Test("Delete user removes its password, keys, devices and groups, each logged, then the user")
    func deleteUser() throws {
        let store = h.store
        try store.createGroup(caller: root, groupName: "Ops")
        try store.createUser(caller: root, userName: "kim")
        try store.createLoginProfile(caller: root, userName: "kim", password: "Kim-Pass-2026!")
        try store.createAccessKey(caller: root, userName: "kim")
        try store.addUserToGroup(caller: root, groupName: "Ops", userName: "kim")
        let device = try store.createVirtualMFADevice(caller: root, deviceName: "kim")
        try store.enableMFADevice(
            caller: root, serialNumber: device.device.serialNumber,
            code1: try h.code(device.base32StringSeed, stepOffset: -1), code2: try h.code(device.base32StringSeed),
            userName: "kim")
        let removed = try h.simulator.deleteUserAndAttachments(caller: root, userName: "kim")
        let names = try h.events().suffix(6).map(\.eventName)
        #expect(removed.hasLoginProfile && removed.accessKeyIDs.count == 1 && removed.groupNames == ["Ops"])
        #expect(removed.mfaDeviceNames == ["kim"])
        #expect(try store.listUsers(caller: root).items.isEmpty)
        #expect(try store.listVirtualMFADevices(caller: root).items.isEmpty)
        #expect(
            names == [
                "DeleteLoginProfile", "DeleteAccessKey", "DeactivateMFADevice", "DeleteVirtualMFADevice",
                "RemoveUserFromGroup", "DeleteUser",
            ])
    }
}
