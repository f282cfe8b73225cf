import Foundation
import GRDB
import IAMSimTestSupport
import Testing

@testable import IAMSimCore
@testable import IAMSimStore

/// Issue 9, items 10 and 11: phones whose clocks run fast or slow, codes typed the way apps
/// show them, and malformed codes.
@Suite("TOTP input: drift both ways, whitespace, malformed codes")
struct CodeInputTests {
    /// A root user with an active device, signed in, one step after activation.
    func activated() throws -> (StoreHarness, String) {
        let h = try StoreHarness()
        try h.signIn()
        let seed = try h.activateDevice("root-mfa")
        try h.advance(30)
        return (h, seed)
    }

    /// The root user's count of wrong MFA codes in a row, as stored.
    func failedAttempts(_ h: StoreHarness) throws -> Int {
        try h.database.read { db in try Int.fetchOne(db, sql: "SELECT failedMFAAttempts FROM account") ?? -1 }
    }

    // MARK: - Item 10: resync searches both sides of now

    @Test(
        "resync accepts a phone that runs fast (its codes 2 and 3 steps ahead, and more), records the drift, and sign-in follows it",
        arguments: [2, 3, 5, 10, 20] as [Int64])
    func resyncFollowsAFastPhone(ahead: Int64) throws {
        let (h, seed) = try activated()
        let device = try h.store.resyncMFADevice(
            caller: h.console, serialNumber: StoreHarness.serial("root-mfa"),
            code1: try h.code(seed, stepOffset: ahead - 1),
            code2: try h.code(seed, stepOffset: ahead))
        #expect(device.drift == ahead)
        try h.sessions.signOut(account: nil)
        try h.advance(30)
        // The phone's code now: still `ahead` steps ahead of the simulator's clock.
        guard case .signedIn(let session) = try h.signIn(code: try h.code(seed, stepOffset: ahead)) else {
            Issue.record("sign-in should follow the recorded drift")
            return
        }
        #expect(session.mfaUsed)
    }

    @Test(
        "resync accepts a phone up to 20 steps (10 minutes) slow, and sign-in follows it",
        arguments: [-11, -15, -20] as [Int64])
    func resyncFollowsASlowPhone(behind: Int64) throws {
        let (h, seed) = try activated()
        // Far enough from activation that the slow phone's codes were never used.
        try h.advance(40 * 30)
        let device = try h.store.resyncMFADevice(
            caller: h.console, serialNumber: StoreHarness.serial("root-mfa"),
            code1: try h.code(seed, stepOffset: behind - 1),
            code2: try h.code(seed, stepOffset: behind))
        #expect(device.drift == behind)
        try h.sessions.signOut(account: nil)
        try h.advance(30)
        guard case .signedIn = try h.signIn(code: try h.code(seed, stepOffset: behind)) else {
            Issue.record("sign-in should follow the recorded drift")
            return
        }
    }

    @Test("resync from the sign-in page accepts a fast phone too, and lifts the lock")
    func resyncBeforeSignInFollowsAFastPhone() throws {
        let (h, seed) = try activated()
        try h.sessions.signOut(account: nil)
        for code in ["000001", "000002", "000003", "000004", "000005"] {
            #expect(throws: (any Error).self) { try h.signIn(code: code) }
        }
        let device = try h.sessions.resyncMFADevice(
            email: StoreHarness.email, password: StoreHarness.password, device: "root-mfa",
            code1: try h.code(seed, stepOffset: 2), code2: try h.code(seed, stepOffset: 3), account: nil)
        #expect(device.drift == 3)
        try h.advance(30)
        guard case .signedIn = try h.signIn(code: try h.code(seed, stepOffset: 3)) else {
            Issue.record("the resync should lift the lock and compensate the drift")
            return
        }
    }

    // MARK: - Item 11: whitespace and malformed codes

    /// The ways a code is typed or pasted from an app: `123 456`, surrounding spaces, tabs,
    /// no-break and thin spaces.
    static let spacings: [@Sendable (String) -> String] = [
        { "\($0.prefix(3)) \($0.suffix(3))" },
        { "  \($0)  " },
        { "\t\($0)\n" },
        { "\($0.prefix(3))\u{00A0}\($0.suffix(3))" },
        { " \($0.prefix(2)) \($0.dropFirst(2).prefix(2)) \($0.suffix(2))\u{2009}" },
    ]

    @Test("codes with inner and outer whitespace work at activation, resync and sign-in", arguments: 0..<5)
    func whitespaceCodesAccepted(spacing: Int) throws {
        let space = Self.spacings[spacing]
        let h = try StoreHarness()
        try h.signIn()
        let seed = try h.store.createVirtualMFADevice(caller: h.console, deviceName: "root-mfa").base32StringSeed
        let enabled = try h.store.enableMFADevice(
            caller: h.console, serialNumber: StoreHarness.serial("root-mfa"),
            code1: space(try h.code(seed, stepOffset: -1)),
            code2: space(try h.code(seed)))
        #expect(enabled.isActive)
        try h.advance(60)
        let resynced = try h.store.resyncMFADevice(
            caller: h.console, serialNumber: StoreHarness.serial("root-mfa"),
            code1: space(try h.code(seed, stepOffset: 1)),
            code2: space(try h.code(seed, stepOffset: 2)))
        #expect(resynced.drift == 2)
        try h.sessions.signOut(account: nil)
        try h.advance(30)
        guard case .signedIn = try h.signIn(code: space(try h.code(seed, stepOffset: 2))) else {
            Issue.record("a spaced code should sign in")
            return
        }
        #expect(try failedAttempts(h) == 0)
    }

    @Test(
        "a malformed code at sign-in is a ValidationError that does not count toward the lockout",
        arguments: [
            ("12345", "Member must have length greater than or equal to 6"),
            ("1234567", "Member must have length less than or equal to 6"),
            ("abcdef", #"Member must satisfy regular expression pattern: [\d]+"#),
            ("12a456", #"Member must satisfy regular expression pattern: [\d]+"#),
            ("１２３４５６", #"Member must satisfy regular expression pattern: [\d]+"#),
        ])
    func malformedSignInCodeIsNotAWrongCode(code: String, constraint: String) throws {
        let (h, seed) = try activated()
        try h.sessions.signOut(account: nil)
        for _ in 1...(SignInRules.maxFailedMFAAttempts + 1) {
            #expect(
                throws: IAMError.validationError(
                    "1 validation error detected: Value at 'mfaCode' failed to satisfy constraint: \(constraint)")
            ) { try h.signIn(code: code) }
        }
        #expect(try failedAttempts(h) == 0)
        guard case .signedIn = try h.signIn(code: try h.code(seed)) else {
            Issue.record("malformed codes must not lock sign-in")
            return
        }
    }

    @Test("a malformed code is refused the same way whether the password is right or not")
    func malformedCodeRevealsNothing() throws {
        let (h, _) = try activated()
        try h.sessions.signOut(account: nil)
        let right = #expect(throws: IAMError.self) { try h.signIn(code: "abc") }
        let wrong = #expect(throws: IAMError.self) {
            try h.sessions.signIn(email: StoreHarness.email, password: "wrong", mfaCode: "abc")
        }
        #expect(right == wrong)
        #expect(try failedAttempts(h) == 0)
    }

    @Test(
        "malformed codes at activation and resync are a ValidationError naming the parameter, in AWS's words",
        arguments: [
            (
                "abcdef", "123456",
                #"1 validation error detected: Value 'abcdef' at 'authenticationCode1' failed to satisfy constraint: Member must satisfy regular expression pattern: [\d]+"#
            ),
            (
                "123456", "12345",
                "1 validation error detected: Value '12345' at 'authenticationCode2' failed to satisfy constraint: Member must have length greater than or equal to 6"
            ),
            (
                "abc", "1234567",
                #"3 validation errors detected: Value 'abc' at 'authenticationCode1' failed to satisfy constraint: Member must have length greater than or equal to 6; Value 'abc' at 'authenticationCode1' failed to satisfy constraint: Member must satisfy regular expression pattern: [\d]+; Value '1234567' at 'authenticationCode2' failed to satisfy constraint: Member must have length less than or equal to 6"#
            ),
        ])
    func malformedPairIsAValidationError(code1: String, code2: String, message: String) throws {
        let h = try StoreHarness()
        try h.signIn()
        try h.store.createVirtualMFADevice(caller: h.console, deviceName: "root-mfa")
        #expect(throws: IAMError.validationError(message)) {
            try h.store.enableMFADevice(
                caller: h.console, serialNumber: StoreHarness.serial("root-mfa"), code1: code1, code2: code2)
        }
        #expect(try h.store.listVirtualMFADevices(caller: h.console).first?.isActive == false)
        try h.activateDevice("phone")
        #expect(throws: IAMError.validationError(message)) {
            try h.store.resyncMFADevice(
                caller: h.console, serialNumber: StoreHarness.serial("phone"), code1: code1, code2: code2)
        }
        try h.sessions.signOut(account: nil)
        // Before the password is checked: the same answer for a wrong one.
        #expect(throws: IAMError.validationError(message)) {
            try h.sessions.resyncMFADevice(
                email: StoreHarness.email, password: "wrong", device: "phone", code1: code1, code2: code2, account: nil)
        }
        let failures = try h.events().filter { $0.outcome == .failure }
        #expect(failures.map(\.eventName) == ["EnableMFADevice", "ResyncMFADevice", "ResyncMFADevice"])
        #expect(failures.allSatisfy { $0.errorCode == "ValidationError" })
    }

    // MARK: - Why a code was refused (item 10's hint)

    @Test(
        "a refused pair carries AWS's answer and why: identical, wrong, not consecutive, too far from now, already used"
    )
    func pairRefusalReasons() throws {
        let (h, seed) = try activated()
        let c = { (offset: Int64) in try h.code(seed, stepOffset: offset) }
        let cases: [(String, String, CodeRefusal)] = [
            (try c(0), try c(0), .identical),
            ("000000", "111111", .wrong),
            (try c(0), "000000", .wrong),
            (try c(-1), try c(1), .notConsecutive),
            (try c(1), try c(0), .notConsecutive),
            (try c(20), try c(21), .tooFarFromNow(steps: 21)),
            (try c(-24), try c(-23), .tooFarFromNow(steps: -23)),
            (try c(119), try c(120), .tooFarFromNow(steps: 120)),
            // The activation's own pair.
            (try c(-2), try c(-1), .alreadyUsed),
        ]
        for (code1, code2, refusal) in cases {
            #expect(throws: RefusedCodeError(.invalidMFACodes, refusal), "\(refusal)") {
                try h.store.resyncMFADevice(
                    caller: h.console, serialNumber: StoreHarness.serial("root-mfa"), code1: code1, code2: code2)
            }
        }
        // The event log records AWS's answer, as for any refusal.
        let resyncs = try h.events().filter { $0.eventName == "ResyncMFADevice" }
        #expect(resyncs.count == cases.count)
        #expect(resyncs.allSatisfy { $0.outcome == .failure && $0.errorCode == "InvalidAuthenticationCode" })
        // Activation's window is narrower: a phone 2 and 3 steps fast is too far ahead for it.
        let spare = try h.store.createVirtualMFADevice(caller: h.console, deviceName: "spare").base32StringSeed
        #expect(throws: RefusedCodeError(.invalidMFACodes, .tooFarFromNow(steps: 3))) {
            try h.store.enableMFADevice(
                caller: h.console, serialNumber: StoreHarness.serial("spare"), code1: try h.code(spare, stepOffset: 2),
                code2: try h.code(spare, stepOffset: 3))
        }
    }

    @Test("a refused sign-in code says why once the password was right, and never when it was wrong")
    func signInRefusalReasons() throws {
        let (h, seed) = try activated()
        try h.sessions.signOut(account: nil)
        #expect(throws: RefusedCodeError(.signInFailed, .alreadyUsed)) {
            try h.signIn(code: try h.code(seed, stepOffset: -1))
        }
        // Codes older than the last one accepted count as used, however old.
        #expect(throws: RefusedCodeError(.signInFailed, .alreadyUsed)) {
            try h.signIn(code: try h.code(seed, stepOffset: -5))
        }
        try h.advance(10 * 30)
        #expect(throws: RefusedCodeError(.signInFailedSuggestingResync(3), .tooFarFromNow(steps: 3))) {
            try h.signIn(code: try h.code(seed, stepOffset: 3))
        }
        #expect(throws: RefusedCodeError(.signInFailedSuggestingResync(4), .tooFarFromNow(steps: -5))) {
            try h.signIn(code: try h.code(seed, stepOffset: -5))
        }
        // A wrong password: AWS's answer alone, whatever the code.
        for code in ["000000", try h.code(seed, stepOffset: -1), try h.code(seed, stepOffset: 3), try h.code(seed)] {
            #expect(throws: IAMError.signInFailed) {
                try h.sessions.signIn(email: StoreHarness.email, password: "wrong", mfaCode: code)
            }
        }
    }

    /// A root user signed in on a simulated clock stopped 10 minutes before real time (the
    /// harness's wall clock), with a device awaiting activation; returns its generator.
    func clockStoppedBehindRealTime() throws -> (StoreHarness, TOTP) {
        let h = try StoreHarness()
        try h.store.clock.set(StoreHarness.start.addingTimeInterval(-20 * 30), .all)
        try h.signIn()
        let seed = try h.store.createVirtualMFADevice(caller: h.console, deviceName: "root-mfa").base32StringSeed
        return (h, try #require(TOTP(base32Secret: seed)))
    }

    @Test(
        "a phone on real time while the simulated clock stands still: refused as such at activation, resync and sign-in"
    )
    func simulatedClockStopped() throws {
        let (h, totp) = try clockStoppedBehindRealTime()
        let real = { (offset: Int64) in totp.code(atStep: TOTP.step(at: StoreHarness.start) + offset) }
        let simulated = { (offset: Int64) in try h.code(Base32.encode(totp.secret), stepOffset: offset) }
        #expect(throws: RefusedCodeError(.invalidMFACodes, .simulatedClockStopped)) {
            try h.store.enableMFADevice(
                caller: h.console, serialNumber: StoreHarness.serial("root-mfa"), code1: real(-1), code2: real(0))
        }
        // iamsim's authenticator follows the simulated clock: its codes work.
        try h.store.enableMFADevice(
            caller: h.console, serialNumber: StoreHarness.serial("root-mfa"), code1: try simulated(-1),
            code2: try simulated(0))
        // Resync's window would take the phone's pair, 20 steps ahead, but that would record how
        // long ago the clock stopped as the phone's drift.
        #expect(throws: RefusedCodeError(.invalidMFACodes, .simulatedClockStopped)) {
            try h.store.resyncMFADevice(
                caller: h.console, serialNumber: StoreHarness.serial("root-mfa"), code1: real(-1), code2: real(0))
        }
        try h.sessions.signOut(account: nil)
        #expect(throws: RefusedCodeError(.signInFailed, .simulatedClockStopped)) { try h.signIn(code: real(0)) }
        // Back on real time, the same phone signs in.
        try h.store.clock.useRealTime(.all)
        guard case .signedIn = try h.signIn(code: real(0)) else {
            Issue.record("on real time the phone's code should sign in")
            return
        }
    }
}
