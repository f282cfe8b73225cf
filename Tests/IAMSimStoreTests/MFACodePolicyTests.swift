import Foundation
import GRDB
import IAMSimTestSupport
import Testing

@testable import IAMSimCore
@testable import IAMSimDatabase
@testable import IAMSimStore

/// The store's MFA code policy (`MFACodePolicy`, injected into its environment): AWS's rules by
/// default; under `.anySixDigits` (`iamsim serve --compat moto`), any six digits, wherever a
/// code is checked. And the unknown-key policy of `authenticate`.
@Suite("MFA code policy and unknown access keys: strict by default, moto's on request")
struct MFACodePolicyTests {
    static let rootSerial = StoreHarness.serial("root-mfa")
    static let root = Caller.principal(.root(StoreHarness.account), accessKeyID: StoreHarness.rootKey)

    /// The lesson's root, signed in, with a new unassigned virtual device `root-mfa`.
    func withDevice(_ policy: MFACodePolicy) throws -> StoreHarness {
        let h = try StoreHarness(codePolicy: policy)
        try h.signIn()
        try h.store.createVirtualMFADevice(caller: h.console, deviceName: "root-mfa")
        return h
    }

    /// Root with an active device `root-mfa` (real codes), signed out, one step later.
    func withActiveDevice(_ policy: MFACodePolicy) throws -> (StoreHarness, seed: String) {
        let h = try StoreHarness(codePolicy: policy)
        try h.signIn()
        let seed = try h.activateDevice("root-mfa")
        try h.sessions.signOut(account: nil)
        try h.advance(30)
        return (h, seed)
    }

    func device(_ h: StoreHarness) throws -> MFADeviceRecord {
        try #require(try h.database.read { db in try MFADeviceRecord.find(db, key: Self.rootSerial) })
    }

    func enable(_ h: StoreHarness, _ code1: String, _ code2: String) throws {
        try h.store.enableMFADevice(caller: h.console, serialNumber: Self.rootSerial, code1: code1, code2: code2)
    }

    @Test("the policy is strict unless asked")
    func strictByDefault() throws {
        #expect(try StoreHarness().simulator.store.environment.codePolicy == .strict)
    }

    @Test("EnableMFADevice: fake codes enable the device under anySixDigits, leaving its accepted step alone")
    func enableWithFakeCodes() throws {
        let h = try withDevice(.anySixDigits)
        try enable(h, "123456", "654321")
        let record = try device(h)
        #expect(record.assignedTo == .root)
        #expect(record.enableDate == StoreHarness.start)
        #expect(record.lastAcceptedStep == nil)
        // The same fake pair again, for another device: still accepted.
        try h.store.createUser(caller: h.console, userName: "alice")
        try h.store.createVirtualMFADevice(caller: h.console, deviceName: "alice")
        try h.store.enableMFADevice(
            caller: h.console, serialNumber: StoreHarness.serial("alice"), code1: "123456", code2: "654321",
            userName: "alice")
        #expect(try h.changes().filter { $0.eventName == "EnableMFADevice" }.map(\.outcome) == [.success, .success])
    }

    @Test("EnableMFADevice: fake codes are InvalidAuthenticationCode under strict, and change nothing")
    func enableStrict() throws {
        let h = try withDevice(.strict)
        #expect(throws: RefusedCodeError.self) { try enable(h, "123456", "654321") }
        #expect(try device(h).assignedTo == nil)
    }

    @Test("real codes under anySixDigits are checked and recorded as under strict")
    func realCodesStillRecorded() throws {
        let h = try withDevice(.anySixDigits)
        let seed = try device(h).seed
        try enable(h, try h.code(seed, stepOffset: -1), try h.code(seed))
        #expect(try device(h).lastAcceptedStep == TOTP.step(at: StoreHarness.start))
    }

    @Test("codes that are not six digits are a ValidationError under both policies")
    func malformedInBoth() throws {
        for policy in [MFACodePolicy.strict, .anySixDigits] {
            let h = try withDevice(policy)
            for (code1, code2) in [("12345", "654321"), ("123456", "1234567"), ("abcdef", "123456"), ("", "")] {
                do {
                    try enable(h, code1, code2)
                    Issue.record("\(policy) accepted \(code1), \(code2)")
                } catch let error as IAMError {
                    #expect(error.code == "ValidationError")
                }
            }
            #expect(try device(h).assignedTo == nil)
            let (active, _) = try withActiveDevice(policy)
            #expect(throws: IAMError.self) {
                try active.store.getSessionToken(caller: Self.root, serialNumber: Self.rootSerial, tokenCode: "12ab")
            }
            #expect(throws: IAMError.self) {
                try active.store.resyncMFADevice(
                    caller: Self.root, serialNumber: Self.rootSerial, code1: "1234567", code2: "123456")
            }
        }
    }

    @Test("ResyncMFADevice: fake codes are accepted under anySixDigits and measure no drift; refused under strict")
    func resync() throws {
        let (h, _) = try withActiveDevice(.anySixDigits)
        let before = try device(h)
        try h.store.resyncMFADevice(caller: Self.root, serialNumber: Self.rootSerial, code1: "111111", code2: "222222")
        let after = try device(h)
        #expect(after.drift == before.drift)
        #expect(after.lastAcceptedStep == before.lastAcceptedStep)
        let (strict, _) = try withActiveDevice(.strict)
        #expect(throws: RefusedCodeError.self) {
            try strict.store.resyncMFADevice(
                caller: Self.root, serialNumber: Self.rootSerial, code1: "111111", code2: "222222")
        }
    }

    @Test("GetSessionToken: a fake TokenCode gives MFA-authenticated credentials under anySixDigits, twice")
    func sessionToken() throws {
        let (h, _) = try withActiveDevice(.anySixDigits)
        for _ in 0..<2 {
            let credentials = try h.store.getSessionToken(
                caller: Self.root, serialNumber: Self.rootSerial, tokenCode: "123456")
            let row = try #require(
                try h.database.read { db in try SessionCredentialRecord.find(db, key: credentials.accessKeyID) })
            #expect(row.mfaAuthenticated)
        }
        let (strict, _) = try withActiveDevice(.strict)
        #expect(throws: RefusedCodeError.self) {
            try strict.store.getSessionToken(caller: Self.root, serialNumber: Self.rootSerial, tokenCode: "123456")
        }
        #expect(try strict.count("sessionCredential") == 0)
    }

    @Test("console sign-in: a fake code signs in under anySixDigits, not under strict")
    func signIn() throws {
        let (h, _) = try withActiveDevice(.anySixDigits)
        guard case .signedIn = try h.signIn(code: "123456") else {
            Issue.record("not signed in")
            return
        }
        let (strict, _) = try withActiveDevice(.strict)
        #expect(throws: (any Error).self) { try strict.signIn(code: "123456") }
    }

    // MARK: - Unknown access keys

    func authenticate(
        _ h: StoreHarness, _ key: String, token: String? = nil, unknownKeys: UnknownKeyPolicy, secret: String? = nil
    ) throws -> Caller {
        try h.store.authenticate(
            accessKeyID: key, securityToken: token, for: .getCallerIdentity, service: "sts", region: "us-east-1",
            origin: RequestOrigin(sourceIPAddress: "192.0.2.1", userAgent: "tests"), unknownKeys: unknownKeys
        ) { credentials throws(IAMError) in
            if let secret, credentials.secretAccessKey != secret { throw IAMError.wrongSecret }
        }
    }

    @Test("an unknown key acts as root of the first account under actAsRoot, with or without a session token")
    func unknownKeyAsRoot() throws {
        let h = try StoreHarness()
        for token in [nil, "testing"] {
            let caller = try authenticate(h, "testing", token: token, unknownKeys: .actAsRoot(of: nil))
            guard case .principal(let principal) = caller.identity else {
                Issue.record("not a principal")
                return
            }
            #expect(principal == .root(StoreHarness.account))
            #expect(caller.accessKeyID == "testing")
            #expect(caller.session == nil)
        }
        let event = try #require(try h.events().last)
        #expect(event.eventName == "GetCallerIdentity")
        #expect(event.outcome == .success)
        #expect(event.actorARN == "arn:aws:iam::123456789012:root")
        // Of the account named, when it exists.
        let named = try authenticate(h, "testing", unknownKeys: .actAsRoot(of: StoreHarness.account))
        #expect(named.accessKeyID == "testing")
        #expect(throws: IAMError.invalidAccessKey) {
            try authenticate(h, "testing", unknownKeys: .actAsRoot(of: AccountID(known: "999999999999")))
        }
    }

    @Test("refused by default; a known key's secret is still checked under actAsRoot")
    func unknownKeyRefused() throws {
        let h = try StoreHarness()
        #expect(throws: IAMError.invalidAccessKey) { try authenticate(h, "testing", unknownKeys: .refused) }
        #expect(try h.events().last?.outcome == .failure)
        #expect(throws: IAMError.wrongSecret) {
            try authenticate(h, StoreHarness.rootKey, unknownKeys: .actAsRoot(of: nil), secret: "testing")
        }
    }
}
