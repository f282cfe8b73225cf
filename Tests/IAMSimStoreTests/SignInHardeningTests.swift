import Foundation
import IAMSimTestSupport
import Testing

@testable import IAMSimCore
@testable import IAMSimStore

@Suite("Sign-in hardening: lockout and resync before sign-in")
struct SignInHardeningTests {
    /// A root user with an active device, signed out, one step after activation.
    func harness() throws -> (StoreHarness, String) {
        let h = try StoreHarness()
        try h.signIn()
        let seed = try h.activateDevice("root-mfa")
        try h.sessions.signOut(account: nil)
        try h.advance(30)
        return (h, seed)
    }

    @Test("the third wrong code suggests a resync; the fifth locks sign-in for 15 minutes")
    func lockout() throws {
        let (h, seed) = try harness()
        #expect(throws: RefusedCodeError(.signInFailed, .wrong)) { try h.signIn(code: "000001") }
        #expect(throws: RefusedCodeError(.signInFailed, .wrong)) { try h.signIn(code: "000002") }
        #expect(throws: RefusedCodeError(.signInFailedSuggestingResync(3), .wrong)) { try h.signIn(code: "000003") }
        #expect(throws: RefusedCodeError(.signInFailedSuggestingResync(4), .wrong)) { try h.signIn(code: "000004") }
        let until = StoreHarness.start.addingTimeInterval(30 + 15 * 60)
        #expect(throws: RefusedCodeError(.mfaLocked(until: until), .wrong)) { try h.signIn(code: "000005") }
        // Locked: even the right code is refused, and the refusal names the end of the lock.
        #expect(throws: IAMError.mfaLocked(until: until)) { try h.signIn(code: try h.code(seed)) }
        #expect(IAMError.mfaLocked(until: until).message.contains("locked until 2026-01-05 09:45:35 UTC"))
        try h.advance(15 * 60 - 30)
        #expect(throws: IAMError.mfaLocked(until: until)) { try h.signIn(code: try h.code(seed)) }
        try h.advance(30)
        guard case .signedIn = try h.signIn(code: try h.code(seed)) else {
            Issue.record("the lock should have ended")
            return
        }
        #expect(try h.changes().contains { $0.eventName == "MFALockout" })
    }

    @Test("a right code resets the count of wrong ones")
    func resetCount() throws {
        let (h, seed) = try harness()
        for code in ["000001", "000002", "000003", "000004"] {
            #expect(throws: RefusedCodeError.self) { try h.signIn(code: code) }
        }
        try h.signIn(code: try h.code(seed))
        try h.sessions.signOut(account: nil)
        #expect(throws: RefusedCodeError(.signInFailed, .wrong)) { try h.signIn(code: "000001") }
    }

    @Test("wrong passwords do not count toward the MFA lockout")
    func wrongPasswords() throws {
        let (h, seed) = try harness()
        for _ in 1...6 {
            #expect(throws: IAMError.signInFailed) {
                try h.sessions.signIn(email: StoreHarness.email, password: "nope", mfaCode: "000000")
            }
        }
        guard case .signedIn = try h.signIn(code: try h.code(seed)) else {
            Issue.record("expected a session")
            return
        }
    }

    @Test("resync from the sign-in page needs the password, measures drift and lifts the lock")
    func resyncBeforeSignIn() throws {
        let (h, seed) = try harness()
        for code in ["000001", "000002", "000003", "000004", "000005"] {
            #expect(throws: RefusedCodeError.self) { try h.signIn(code: code) }
        }
        try h.advance(10 * 30)
        // The phone runs three steps slow.
        let code1 = try h.code(seed, stepOffset: -4)
        let code2 = try h.code(seed, stepOffset: -3)
        #expect(throws: IAMError.signInFailed) {
            try h.sessions.resyncMFADevice(
                email: StoreHarness.email, password: "nope", device: "root-mfa", code1: code1, code2: code2,
                account: nil)
        }
        let device = try h.sessions.resyncMFADevice(
            email: StoreHarness.email, password: StoreHarness.password, device: "root-mfa", code1: code1, code2: code2,
            account: nil)
        #expect(device.drift == -3)
        try h.advance(30)
        guard case .signedIn(let session) = try h.signIn(code: try h.code(seed, stepOffset: -3)) else {
            Issue.record("the resync should lift the lock and compensate the drift")
            return
        }
        #expect(session.mfaUsed)
        let resyncs = try h.changes().filter { $0.eventName == "ResyncMFADevice" }.map(\.outcome)
        #expect(resyncs == [.failure, .success])
    }
}

@Suite("Hardware TOTP tokens")
struct HardwareTokenTests {
    static let seed = "KRUGKIDROVUWG2ZAMJZG653OEBTG66BANJ2W24DTEBXXMZLSEB2GQZJANRQXU6JAMRXWOLRAKRUGKIDROVUWG2ZA"

    func harness() throws -> StoreHarness {
        var fixture = try Fixture.builtInDefault()
        fixture.account.hardwareTokens = [.init(serialNumber: "GAHT12345678", base32StringSeed: Self.seed)]
        let h = try StoreHarness(fixture: fixture)
        try h.signIn()
        return h
    }

    @Test("an unassigned token is not an IAM device yet")
    func unassigned() throws {
        let h = try harness()
        #expect(try h.store.listMFADevices(caller: h.console).isEmpty)
        #expect(try h.store.dashboard(caller: h.console).summary["MFADevices"] == 0)
    }

    @Test("two consecutive codes from its display assign it under the chosen name")
    func assign() throws {
        let h = try harness()
        let device = try h.store.enableHardwareMFADevice(
            caller: h.console, deviceName: "fob", serialNumber: "GAHT12345678",
            code1: try h.code(Self.seed, stepOffset: -1), code2: try h.code(Self.seed))
        #expect(device.type == .hardware)
        #expect(device.deviceName == "fob")
        #expect(device.serialNumber == "GAHT12345678")
        #expect(try h.store.dashboard(caller: h.console).securityStatus[1].status == .pass)
        // Removing puts it back in the drawer, known by its serial.
        try h.store.deactivateMFADevice(caller: h.console, serialNumber: "GAHT12345678")
        #expect(try h.store.listMFADevices(caller: h.console).isEmpty)
        #expect(try h.changes().last?.eventName == "DeactivateMFADevice")
    }

    @Test("unknown serials, wrong codes and used tokens are refused")
    func refused() throws {
        let h = try harness()
        #expect(
            throws: IAMError.noSuchEntity("No hardware MFA device with serial number GAHT00000000 is known to AWS.")
        ) {
            try h.store.enableHardwareMFADevice(
                caller: h.console, deviceName: "fob", serialNumber: "GAHT00000000", code1: "123456", code2: "234567")
        }
        #expect(throws: RefusedCodeError(.invalidMFACodes, .wrong)) {
            try h.store.enableHardwareMFADevice(
                caller: h.console, deviceName: "fob", serialNumber: "GAHT12345678", code1: "123456", code2: "234567")
        }
        try h.store.enableHardwareMFADevice(
            caller: h.console, deviceName: "fob", serialNumber: "GAHT12345678",
            code1: try h.code(Self.seed, stepOffset: -1), code2: try h.code(Self.seed))
        try h.advance(60)
        #expect(throws: IAMError.entityAlreadyExists("MFA Device is already in use.")) {
            try h.store.enableHardwareMFADevice(
                caller: h.console, deviceName: "fob2", serialNumber: "GAHT12345678",
                code1: try h.code(Self.seed, stepOffset: -1), code2: try h.code(Self.seed))
        }
    }
}

@Suite("Resetting an account to its fixture")
struct ResetTests {
    @Test("reset restores keys, removes devices and sessions, keeps the log and records the reset")
    func reset() throws {
        let h = try StoreHarness()
        try h.signIn()
        try h.activateDevice("root-mfa")
        try h.store.deleteAccessKey(caller: h.console, accessKeyID: StoreHarness.rootKey)
        let eventsBefore = try h.count("event")
        try h.accounts.resetAccounts([AccountID(known: "123456789012")], to: nil)
        #expect(throws: IAMError.notSignedIn) { try h.sessions.callerIdentity(account: nil) }
        try h.signIn()
        #expect(try h.store.listAccessKeys(caller: h.console).map(\.accessKeyID.rawValue) == [StoreHarness.rootKey])
        #expect(try h.store.listMFADevices(caller: h.console).isEmpty)
        #expect(try h.count("event") > eventsBefore)
        #expect(try h.changes().contains { $0.eventName == "ResetAccount" })
    }
}
