import Foundation
import IAMSimTestSupport
import Testing

@testable import IAMSimCore
@testable import IAMSimStore

@Suite("Virtual MFA devices")
struct MFADeviceTests {
    @Test("assigning creates an unassigned device with a 64-character seed and AWS's URI")
    func assign() throws {
        let h = try StoreHarness()
        try h.signIn()
        let created = try h.store.createVirtualMFADevice(caller: h.console, deviceName: "root-mfa")
        #expect(created.device.serialNumber == "arn:aws:iam::123456789012:mfa/root-mfa")
        #expect(created.base32StringSeed.count == 64)
        #expect(try #require(Base32.decode(created.base32StringSeed)).count == 40)
        #expect(
            created.uri
                == "otpauth://totp/Amazon%20Web%20Services:root-mfa@123456789012?secret=\(created.base32StringSeed)&issuer=Amazon%20Web%20Services"
        )
        #expect(created.device.assignedTo == nil)
        #expect(try h.store.dashboard(caller: h.console).securityStatus[1].status == .fail)
        // Awaiting activation, it is nobody's device yet: only ListVirtualMFADevices shows it.
        #expect(try h.store.listMFADevices(caller: h.console).isEmpty)
        let listed = try h.store.listVirtualMFADevices(caller: h.console, assignmentStatus: .unassigned)
        #expect(listed.map(\.deviceName) == ["root-mfa"])
        #expect(listed[0].isActive == false)
    }

    @Test("device names are unique per account, case-insensitively")
    func duplicate() throws {
        let h = try StoreHarness()
        try h.signIn()
        try h.store.createVirtualMFADevice(caller: h.console, deviceName: "root-mfa")
        #expect(throws: IAMError.entityAlreadyExists("MFADevice entity at the same path and name already exists.")) {
            try h.store.createVirtualMFADevice(caller: h.console, deviceName: "ROOT-MFA")
        }
    }

    @Test("two consecutive codes activate it; the dashboard turns green once keys are gone")
    func activate() throws {
        let h = try StoreHarness()
        try h.signIn()
        try h.activateDevice("root-mfa")
        let device = try #require(try h.store.listMFADevices(caller: h.console).first)
        #expect(device.isActive)
        #expect(device.assignedTo == .root(AccountID(known: "123456789012")))
        #expect(device.enableDate == StoreHarness.start)
        try h.store.deleteAccessKey(caller: h.console, accessKeyID: StoreHarness.rootKey)
        let dashboard = try h.store.dashboard(caller: h.console)
        #expect(dashboard.securityStatus.prefix(2).map(\.status) == [.pass, .pass])
        #expect(dashboard.summary["AccountMFAEnabled"] == 1)
        #expect(dashboard.summary["MFADevicesInUse"] == 1)
    }

    @Test(
        "wrong, identical, non-adjacent or stale codes are refused with AWS's answer and the reason, and change nothing"
    )
    func refused() throws {
        let h = try StoreHarness()
        try h.signIn()
        let seed = try h.store.createVirtualMFADevice(caller: h.console, deviceName: "root-mfa").base32StringSeed
        let pairs: [(String, String, CodeRefusal)] = [
            ("123456", "654321", .wrong),
            (try h.code(seed), try h.code(seed), .identical),
            (try h.code(seed, stepOffset: -2), try h.code(seed), .notConsecutive),
            (try h.code(seed), try h.code(seed, stepOffset: -1), .notConsecutive),
            (try h.code(seed, stepOffset: -12), try h.code(seed, stepOffset: -11), .tooFarFromNow(steps: -11)),
        ]
        for (code1, code2, refusal) in pairs {
            #expect(
                throws: RefusedCodeError(
                    .invalidAuthenticationCode("Authentication code for device is not valid."), refusal)
            ) {
                try h.store.enableMFADevice(
                    caller: h.console, serialNumber: StoreHarness.serial("root-mfa"), code1: code1, code2: code2)
            }
        }
        // Malformed codes are a ValidationError (issue 9, item 11), and change nothing either.
        #expect(throws: IAMError.self) {
            try h.store.enableMFADevice(
                caller: h.console, serialNumber: StoreHarness.serial("root-mfa"), code1: "12345", code2: "abcdef")
        }
        let device = try #require(try h.store.listVirtualMFADevices(caller: h.console).first)
        #expect(device.assignedTo == nil && device.enableDate == nil)
        let failures = try h.events().filter { $0.eventName == "EnableMFADevice" }
        #expect(
            failures.map(\.errorCode) == Array(repeating: "InvalidAuthenticationCode", count: pairs.count) + [
                "ValidationError"
            ])
        #expect(failures.allSatisfy { $0.outcome == .failure })
    }

    @Test("an unknown device is NoSuchEntity; an assigned one cannot be enabled twice")
    func unknownAndTwice() throws {
        let h = try StoreHarness()
        try h.signIn()
        #expect(
            throws: IAMError.noSuchEntity(
                "MFA Device with serial number arn:aws:iam::123456789012:mfa/nope does not exist.")
        ) {
            try h.store.enableMFADevice(
                caller: h.console, serialNumber: StoreHarness.serial("nope"), code1: "123456", code2: "234567")
        }
        let seed = try h.activateDevice("root-mfa")
        try h.advance(60)
        #expect(throws: IAMError.entityAlreadyExists("MFA Device is already in use.")) {
            try h.store.enableMFADevice(
                caller: h.console, serialNumber: StoreHarness.serial("root-mfa"),
                code1: try h.code(seed, stepOffset: -1), code2: try h.code(seed))
        }
    }

    @Test("eight devices per identity; the ninth exceeds the quota")
    func eightDevices() throws {
        let h = try StoreHarness()
        try h.signIn()
        for index in 1...8 {
            try h.activateDevice("device-\(index)")
        }
        #expect(throws: IAMError.limitExceeded("Cannot exceed quota for MFADevicesPerUser: 8")) {
            try h.store.createVirtualMFADevice(caller: h.console, deviceName: "device-9")
        }
        #expect(try h.store.dashboard(caller: h.console).summary["MFADevicesInUse"] == 8)
    }

    @Test("resync records the drift, and sign-in then accepts codes around the drifted step")
    func resync() throws {
        let h = try StoreHarness()
        try h.signIn()
        let seed = try h.activateDevice("root-mfa")
        try h.advance(10 * 30)
        // The phone now runs 4 steps (two minutes) slow: its codes are too old to sign in.
        #expect(throws: RefusedCodeError(.signInFailed, .tooFarFromNow(steps: -4))) {
            try h.signIn(code: try h.code(seed, stepOffset: -4))
        }
        let device = try h.store.resyncMFADevice(
            caller: h.console, serialNumber: StoreHarness.serial("root-mfa"), code1: try h.code(seed, stepOffset: -5),
            code2: try h.code(seed, stepOffset: -4))
        #expect(device.drift == -4)
        try h.sessions.signOut(account: nil)
        try h.advance(30)
        guard case .signedIn(let session) = try h.signIn(code: try h.code(seed, stepOffset: -4)) else {
            Issue.record("the drifted code should sign in")
            return
        }
        #expect(session.mfaUsed)
    }

    @Test("ListMFADevices lists the identity's devices of every type; ListVirtualMFADevices only virtual ones")
    func listsFollowTheAPI() throws {
        let url = LessonReadModelTests.fixturesFolder.appendingPathComponent("hardware-token-lesson.json")
        let fixture = try Fixture.load(try Data(contentsOf: url), source: url.path)
        let h = try StoreHarness(fixture: fixture)
        try h.signIn()
        // A token in the drawer is no one's and not virtual: in neither list.
        #expect(try h.store.listMFADevices(caller: h.console).isEmpty)
        #expect(try h.store.listVirtualMFADevices(caller: h.console).isEmpty)
        let seed = try #require(fixture.account.hardwareTokens?.first?.base32StringSeed)
        try h.store.enableHardwareMFADevice(
            caller: h.console, deviceName: "fob", serialNumber: "GAHT12345678", code1: try h.code(seed, stepOffset: -1),
            code2: try h.code(seed))
        try h.store.createVirtualMFADevice(caller: h.console, deviceName: "root-spare")
        try h.advance(60)
        try h.activateDevice("root-phone")
        let mine = try h.store.listMFADevices(caller: h.console)
        #expect(mine.map(\.serialNumber) == ["GAHT12345678", "arn:aws:iam::123456789012:mfa/root-phone"])
        let all = try h.store.listVirtualMFADevices(caller: h.console)
        #expect(all.map(\.deviceName) == ["root-spare", "root-phone"])
        #expect(
            try h.store.listVirtualMFADevices(caller: h.console, assignmentStatus: .assigned).map(\.deviceName) == [
                "root-phone"
            ])
        #expect(
            try h.store.listVirtualMFADevices(caller: h.console, assignmentStatus: .unassigned).map(\.deviceName) == [
                "root-spare"
            ])
        // Each list logs its own action; before, ListMFADevices was logged as ListVirtualMFADevices.
        #expect(
            try h.events().suffix(4).map(\.eventName) == [
                "ListMFADevices", "ListVirtualMFADevices", "ListVirtualMFADevices", "ListVirtualMFADevices",
            ])
    }

    @Test("an unassigned hardware token cannot be deactivated: it is nobody's device")
    func tokenInTheDrawer() throws {
        let url = LessonReadModelTests.fixturesFolder.appendingPathComponent("hardware-token-lesson.json")
        let h = try StoreHarness(fixture: try Fixture.load(try Data(contentsOf: url), source: url.path))
        try h.signIn()
        #expect(throws: IAMError.noSuchEntity("MFA Device with serial number GAHT12345678 does not exist.")) {
            try h.store.deactivateMFADevice(caller: h.console, serialNumber: "GAHT12345678")
        }
    }

    @Test(
        "a front end's device name resolves to its serial number; a name without a device to the serial it would have")
    func serialOfAName() throws {
        let h = try StoreHarness()
        #expect(throws: IAMError.notSignedIn) {
            try h.store.mfaDeviceSerial(nameOrSerial: "root-mfa", caller: h.console)
        }
        try h.signIn()
        try h.activateDevice("root-mfa")
        let serial = StoreHarness.serial("root-mfa")
        #expect(try h.store.mfaDeviceSerial(nameOrSerial: "root-mfa", caller: h.console) == serial)
        #expect(try h.store.mfaDeviceSerial(nameOrSerial: "ROOT-MFA", caller: h.console) == serial)
        #expect(try h.store.mfaDeviceSerial(nameOrSerial: serial, caller: h.console) == serial)
        #expect(try h.store.mfaDeviceSerial(nameOrSerial: "nope", caller: h.console) == StoreHarness.serial("nope"))
        #expect(try h.store.mfaDeviceSerial(nameOrSerial: "not a name", caller: h.console) == "not a name")
        let before = try h.count("event")
        #expect(try h.store.findMFADevice(serialNumber: serial, caller: h.console)?.deviceName == "root-mfa")
        #expect(try h.store.findMFADevice(serialNumber: "root-mfa", caller: h.console) == nil)
        #expect(try h.count("event") == before)
    }
}
