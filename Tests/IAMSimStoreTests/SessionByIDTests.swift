import Foundation
import IAMSimTestSupport
import Testing

@testable import IAMSimCore
@testable import IAMSimStore

/// A front end holding several console sessions at once (the web console, one per browser)
/// names the one it acts as: `Caller.session(id:)`, `ConsoleSessions.session(id:)`,
/// `signOut(sessionID:)`.
@Suite("Console sessions by id")
struct SessionByIDTests {
    /// A browser, as the web console passes it: its address and `User-Agent`.
    static let browser = RequestOrigin(sourceIPAddress: "192.0.2.10", userAgent: "Mozilla/5.0 (X11; Linux x86_64)")

    func openSession(_ h: StoreHarness) throws -> ConsoleSession {
        guard case .signedIn(let session) = try h.signIn() else {
            throw IAMError.signInFailed
        }
        return session
    }

    @Test("a session by id acts as its identity, even when a newer session is open")
    func actsAsItsIdentity() throws {
        let h = try StoreHarness()
        try h.store.createUser(caller: .principal(.root(StoreHarness.account)), userName: "ann")
        try h.store.createLoginProfile(
            caller: .principal(.root(StoreHarness.account)), userName: "ann", password: "Ann-Pass-2026!")
        let root = try openSession(h)
        _ = try h.sessions.signIn(
            .user(account: "123456789012", userName: "ann"), password: "Ann-Pass-2026!", mfaCode: nil, account: nil)
        // The newest session is ann's; the root session still acts as root.
        #expect(try h.sessions.signedInPrincipal(account: nil)?.userName == "ann")
        let keys = try h.store.listAccessKeys(caller: .session(id: root.id, origin: Self.browser)).items
        #expect(keys.map(\.accessKeyID.rawValue) == [StoreHarness.rootKey])
        let last = try #require(try h.events().last)
        #expect(last.eventName == "ListAccessKeys")
        #expect(last.actorARN == "arn:aws:iam::123456789012:root")
        // The event records the browser that acted, not the command line.
        #expect(last.sourceIPAddress == "192.0.2.10" && last.userAgent == "Mozilla/5.0 (X11; Linux x86_64)")
    }

    @Test("a session tells open, expired, signed out or unknown; an action as a closed one is refused and logged")
    func standing() throws {
        let h = try StoreHarness()
        let session = try openSession(h)
        #expect(try h.sessions.session(id: session.id) == .open(session))
        #expect(try h.sessions.session(id: "no-such-session-id") == .unknown)
        try h.advance(12 * 3_600)
        #expect(try h.sessions.session(id: session.id) == .expired)
        #expect(throws: IAMError.notSignedIn) {
            try h.store.listAccessKeys(caller: .session(id: session.id, origin: Self.browser))
        }
        let refused = try #require(try h.events().last)
        #expect(refused.eventName == "ListAccessKeys")
        #expect(refused.outcome == .failure)
        #expect(refused.accountID == StoreHarness.account)
        #expect(throws: IAMError.notSignedIn) {
            try h.store.listAccessKeys(caller: .session(id: "unknown-session", origin: Self.browser))
        }
    }

    @Test("signing out by session id ends every session of the identity")
    func signOutByID() throws {
        let h = try StoreHarness()
        let first = try openSession(h)
        let second = try openSession(h)
        #expect(try h.sessions.signOut(sessionID: first.id, origin: Self.browser) == .root(StoreHarness.account))
        #expect(try h.sessions.session(id: first.id) == .signedOut)
        #expect(try h.sessions.session(id: second.id) == .signedOut)
        #expect(try h.sessions.signOut(sessionID: first.id, origin: Self.browser) == nil)
        let signOuts = try h.events().filter { $0.eventName == "ConsoleSignOut" }
        #expect(signOuts.count == 1)
        #expect(signOuts.first?.sourceIPAddress == "192.0.2.10")
    }

    @Test("resync from the sign-in page without a device name uses root's only device")
    func resyncOnlyDevice() throws {
        let h = try StoreHarness()
        _ = try openSession(h)
        let seed = try h.activateDevice("root-mfa")
        try h.advance(120)
        let device = try h.sessions.resyncMFADevice(
            email: StoreHarness.email, password: StoreHarness.password, device: nil, code1: try h.code(seed),
            code2: try h.code(seed, stepOffset: 1), account: nil)
        #expect(device.deviceName == "root-mfa")
        let created = try h.store.createVirtualMFADevice(caller: h.console, deviceName: "second")
        try h.store.enableMFADevice(
            caller: h.console, serialNumber: created.device.serialNumber,
            code1: try h.code(created.base32StringSeed, stepOffset: -1), code2: try h.code(created.base32StringSeed))
        #expect(
            throws: IAMError.validationError("The root user has 2 MFA devices: name the one to resync.")
        ) {
            try h.sessions.resyncMFADevice(
                email: StoreHarness.email, password: StoreHarness.password, device: nil, code1: "123456",
                code2: "234567", account: nil)
        }
        let refused = try #require(try h.events().last)
        #expect(refused.eventName == "ResyncMFADevice")
        #expect(refused.outcome == .failure)
    }
}
