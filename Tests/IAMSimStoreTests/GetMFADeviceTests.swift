import Foundation
import IAMSimTestSupport
import Testing

@testable import IAMSimCore
@testable import IAMSimStore

/// `GetMFADevice`: one device assigned to an identity, by serial number.
@Suite("GetMFADevice")
struct GetMFADeviceTests {
    @Test("a virtual device assigned to root is answered; one awaiting activation is nobody's")
    func virtual() throws {
        let h = try StoreHarness()
        try h.signIn()
        try h.activateDevice("root-mfa")
        let device = try h.store.getMFADevice(caller: h.console, serialNumber: StoreHarness.serial("root-mfa"))
        #expect(device.deviceName == "root-mfa" && device.assignedTo == .root(StoreHarness.account))
        #expect(device.enableDate == StoreHarness.start)
        try h.store.createVirtualMFADevice(caller: h.console, deviceName: "spare")
        #expect(throws: IAMError.noSuchMFADevice(StoreHarness.serial("spare"))) {
            try h.store.getMFADevice(caller: h.console, serialNumber: StoreHarness.serial("spare"))
        }
        #expect(throws: IAMError.noSuchMFADevice(StoreHarness.serial("nope"))) {
            try h.store.getMFADevice(caller: h.console, serialNumber: StoreHarness.serial("nope"))
        }
        let last = try #require(try h.events().last)
        #expect(last.eventName == "GetMFADevice" && last.errorCode == "NoSuchEntity")
    }

    @Test("a hardware token is answered once assigned")
    func hardware() throws {
        let url = LessonReadModelTests.fixturesFolder.appendingPathComponent("hardware-token-lesson.json")
        let fixture = try Fixture.load(try Data(contentsOf: url), source: url.path)
        let h = try StoreHarness(fixture: fixture)
        try h.signIn()
        #expect(throws: IAMError.noSuchMFADevice("GAHT12345678")) {
            try h.store.getMFADevice(caller: h.console, serialNumber: "GAHT12345678")
        }
        let seed = try #require(fixture.account.hardwareTokens?.first?.base32StringSeed)
        try h.store.enableHardwareMFADevice(
            caller: h.console, deviceName: "fob", serialNumber: "GAHT12345678", code1: try h.code(seed, stepOffset: -1),
            code2: try h.code(seed))
        let device = try h.store.getMFADevice(caller: h.console, serialNumber: "GAHT12345678")
        #expect(device.type == .hardware && device.deviceName == "fob")
    }

    @Test("root reads a user's device by naming the user; a user may read only its own")
    func users() throws {
        let h = try StoreHarness()
        try h.signIn()
        try h.store.createUser(caller: h.console, userName: "bob")
        try h.store.createUser(caller: h.console, userName: "carol")
        let bob = Caller.principal(.user(try h.store.getUser(caller: h.console, userName: "bob")))
        let created = try h.store.createVirtualMFADevice(caller: bob, deviceName: "bob-phone")
        let seed = created.base32StringSeed
        try h.store.enableMFADevice(
            caller: bob, serialNumber: created.device.serialNumber, code1: try h.code(seed, stepOffset: -1),
            code2: try h.code(seed))
        let serial = created.device.serialNumber
        #expect(try h.store.getMFADevice(caller: bob, serialNumber: serial).deviceName == "bob-phone")
        #expect(
            try h.store.getMFADevice(caller: h.console, serialNumber: serial, userName: "bob").deviceName == "bob-phone"
        )
        // Not root's device, nor carol's.
        #expect(throws: IAMError.noSuchMFADevice(serial)) {
            try h.store.getMFADevice(caller: h.console, serialNumber: serial)
        }
        #expect(throws: IAMError.noSuchMFADevice(serial)) {
            try h.store.getMFADevice(caller: h.console, serialNumber: serial, userName: "carol")
        }
        #expect(
            throws: IAMError.accessDenied(
                "User: arn:aws:iam::123456789012:user/bob is not authorized to perform: iam:GetMFADevice on resource: arn:aws:iam::123456789012:user/carol"
            )
        ) { try h.store.getMFADevice(caller: bob, serialNumber: serial, userName: "carol") }
    }
}
