import Foundation
import Testing

@testable import IAMSimApp
@testable import IAMSimCore
@testable import IAMSimDatabase
@testable import IAMSimStore

/// The console's Remove (`Simulator.removeMFADevice`): `DeactivateMFADevice`, then for a virtual
/// device `DeleteVirtualMFADevice`, each logged, through the store's two operations.
@Suite("The application layer: removing an MFA device as the console does")
struct MFARemovalTests {
    static let start = Date(timeIntervalSince1970: 1_767_605_405)  // 2026-01-05T09:30:05Z
    static let account = AccountID(known: "123456789012")
    static let console = Caller.console(account: nil)

    let simulator: Simulator

    init(fixture: String? = nil) throws {
        simulator = Simulator(
            database: try AppDatabase.inMemory(), wallClock: .fixed(Self.start), random: .seeded(1),
            hasher: PasswordHasher(iterations: 1_000))
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Fixtures")
        let loaded =
            try fixture.map { try Fixture.load(try Data(contentsOf: folder.appendingPathComponent($0)), source: $0) }
            ?? Fixture.builtInDefault()
        try simulator.accounts.loadFixture(loaded)
        try simulator.clock.set(Self.start, .all)
        _ = try simulator.sessions.signIn(email: "trainee@example.com", password: "Activate-MFA-2026!", mfaCode: nil)
    }

    /// Two consecutive codes of `seed`, the second at the current step.
    func codes(_ seed: String) throws -> (String, String) {
        let totp = try #require(TOTP(base32Secret: seed))
        let step = TOTP.step(at: try simulator.clock.now(account: Self.account))
        return (totp.code(atStep: step - 1), totp.code(atStep: step))
    }

    /// Creates and activates the virtual device `name` for `caller`; returns its serial number.
    @discardableResult
    func activate(_ name: String, caller: Caller = console, userName: String? = nil) throws -> String {
        let created = try simulator.store.createVirtualMFADevice(caller: caller, deviceName: name)
        let (code1, code2) = try codes(created.base32StringSeed)
        try simulator.store.enableMFADevice(
            caller: caller, serialNumber: created.device.serialNumber, code1: code1, code2: code2, userName: userName)
        return created.device.serialNumber
    }

    func changes() throws -> [String] {
        try simulator.eventLog.events(account: nil, limit: 1_000).map(\.eventName)
            .filter { !$0.hasPrefix("List") && !$0.hasPrefix("Get") }
    }

    @Test("remove deactivates and deletes the device, logs both, and the dashboard fails again")
    func remove() throws {
        let serial = try activate("root-mfa")
        let removed = try simulator.removeMFADevice(caller: Self.console, serialNumber: serial)
        #expect(removed.deviceName == "root-mfa")
        #expect(try simulator.store.listMFADevices(caller: Self.console).isEmpty)
        #expect(try simulator.store.listVirtualMFADevices(caller: Self.console).isEmpty)
        #expect(try simulator.store.dashboard(caller: Self.console).securityStatus[1].status == .fail)
        #expect(try changes().suffix(2) == ["DeactivateMFADevice", "DeleteVirtualMFADevice"])
        #expect(
            try simulator.sessions.signIn(email: "trainee@example.com", password: "Activate-MFA-2026!", mfaCode: nil)
                != .mfaRequired)
    }

    @Test("a device awaiting activation is only deleted: nothing to deactivate")
    func pending() throws {
        let created = try simulator.store.createVirtualMFADevice(caller: Self.console, deviceName: "spare")
        let removed = try simulator.removeMFADevice(caller: Self.console, serialNumber: created.device.serialNumber)
        #expect(removed.assignedTo == nil)
        #expect(try simulator.store.listVirtualMFADevices(caller: Self.console).isEmpty)
        #expect(try changes().suffix(2) == ["CreateVirtualMFADevice", "DeleteVirtualMFADevice"])
    }

    @Test("an IAM user removes its own device under any name, as the console's Remove does")
    func userRemovesOwnDevice() throws {
        try simulator.store.createUser(caller: Self.console, userName: "bob")
        try simulator.store.createLoginProfile(
            caller: Self.console, userName: "bob", password: "Bobs-Strong-Pass-2026!")
        let bob = Caller.principal(.user(try simulator.store.getUser(caller: Self.console, userName: "bob")))
        let serial = try activate("bob-phone", caller: bob)
        try simulator.removeMFADevice(caller: bob, serialNumber: serial)
        #expect(try simulator.store.listMFADevices(caller: bob).isEmpty)
        #expect(try simulator.store.listVirtualMFADevices(caller: bob).isEmpty)
        #expect(try changes().suffix(2) == ["DeactivateMFADevice", "DeleteVirtualMFADevice"])
        // Without the deactivation just made, a device bob does not own by name stays his to keep.
        let other = try activate("bob-tablet", caller: bob)
        try simulator.store.deactivateMFADevice(caller: bob, serialNumber: other)
        #expect(
            throws: IAMError.accessDenied(
                "User: arn:aws:iam::123456789012:user/bob is not authorized to perform: iam:DeleteVirtualMFADevice on resource: \(other)"
            )
        ) { try simulator.store.deleteVirtualMFADevice(caller: bob, serialNumber: other) }
    }

    @Test("a hardware token goes back to the drawer, known by its serial number; only its deactivation is logged")
    func hardwareToken() throws {
        let tokens = try MFARemovalTests(fixture: "hardware-token-lesson.json")
        let seed = try #require(
            try Fixture.load(
                try Data(
                    contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                        .deletingLastPathComponent().appendingPathComponent("Fixtures/hardware-token-lesson.json")),
                source: "tokens"
            ).account.hardwareTokens?.first?.base32StringSeed)
        let (code1, code2) = try tokens.codes(seed)
        try tokens.simulator.store.enableHardwareMFADevice(
            caller: Self.console, deviceName: "fob", serialNumber: "GAHT12345678", code1: code1, code2: code2)
        let removed = try tokens.simulator.removeMFADevice(caller: Self.console, serialNumber: "GAHT12345678")
        #expect(removed.deviceName == "fob" && removed.type == .hardware)
        #expect(try tokens.simulator.store.listMFADevices(caller: Self.console).isEmpty)
        let drawer = try #require(
            try tokens.simulator.store.findMFADevice(serialNumber: "GAHT12345678", caller: Self.console))
        #expect(drawer.deviceName == "GAHT12345678" && drawer.assignedTo == nil && drawer.enableDate == nil)
        #expect(try tokens.changes().last == "DeactivateMFADevice")
        // In the drawer it is nobody's: removing it again is NoSuchEntity.
        #expect(throws: IAMError.noSuchEntity("MFA Device with serial number GAHT12345678 does not exist.")) {
            try tokens.simulator.removeMFADevice(caller: Self.console, serialNumber: "GAHT12345678")
        }
    }

    @Test("an assigned virtual device cannot be deleted before it is deactivated")
    func deleteConflict() throws {
        let serial = try activate("root-mfa")
        #expect(throws: IAMError.deleteConflict("MFA VirtualDevice in use. Must deactivate first.")) {
            try simulator.store.deleteVirtualMFADevice(caller: Self.console, serialNumber: serial)
        }
        let deactivated = try simulator.store.deactivateMFADevice(caller: Self.console, serialNumber: serial)
        #expect(deactivated.device.assignedTo == .root(Self.account))
        let unassigned = try #require(try simulator.store.findMFADevice(serialNumber: serial, caller: Self.console))
        #expect(unassigned.assignedTo == nil && unassigned.enableDate == nil)
        #expect(
            try simulator.store.listVirtualMFADevices(caller: Self.console, assignmentStatus: .unassigned).map(
                \.serialNumber) == [serial])
        try simulator.store.deleteVirtualMFADevice(caller: Self.console, serialNumber: serial)
        #expect(try simulator.store.findMFADevice(serialNumber: serial, caller: Self.console) == nil)
    }
}
