import Foundation
import IAMSimTestSupport
import Testing

@testable import IAMSimCore
@testable import IAMSimStore

@Suite("Console sign-in, sessions and the event log")
struct SignInTests {
    @Test("the right email and password open a root session without MFA")
    func signIn() throws {
        let h = try StoreHarness()
        guard case .signedIn(let session) = try h.signIn() else {
            Issue.record("expected a session")
            return
        }
        #expect(session.principal == .root(AccountID(known: "123456789012")))
        #expect(!session.mfaUsed)
        #expect(session.expireDate == StoreHarness.start.addingTimeInterval(12 * 3_600))
        let identity = try h.sessions.callerIdentity(account: nil)
        #expect(identity.arn == "arn:aws:iam::123456789012:root")
        #expect(identity.userID == "123456789012")
        #expect(!identity.multiFactorAuthPresent)
        let last = try #require(try h.changes().last)
        #expect(last.eventName == "ConsoleLogin")
        #expect(last.outcome == .success)
        #expect(last.mfaUsed == false)
    }

    @Test("email matching ignores case, as AWS's does")
    func emailCase() throws {
        let h = try StoreHarness()
        #expect(throws: Never.self) {
            try h.sessions.signIn(email: "Trainee@Example.COM", password: StoreHarness.password, mfaCode: nil)
        }
    }

    @Test("a wrong password, an unknown email: the same error, and each attempt is logged")
    func failures() throws {
        let h = try StoreHarness()
        #expect(throws: IAMError.signInFailed) {
            try h.sessions.signIn(email: StoreHarness.email, password: "wrong", mfaCode: nil)
        }
        #expect(throws: IAMError.signInFailed) {
            try h.sessions.signIn(email: "nobody@example.com", password: StoreHarness.password, mfaCode: nil)
        }
        #expect(throws: IAMError.notSignedIn) { try h.sessions.callerIdentity(account: nil) }
        let logins = try h.events().filter { $0.eventName == "ConsoleLogin" }
        #expect(logins.map(\.outcome) == [.failure, .failure])
        #expect(
            logins.map(\.errorMessage)
                == Array(repeating: "Your authentication information is incorrect. Please try again.", count: 2))
        #expect(logins[0].accountID?.rawValue == "123456789012")
        #expect(logins[1].accountID == nil)
        #expect(logins[1].resource == "nobody@example.com")
    }

    @Test("with MFA active, a missing code asks for one, a wrong one fails, a fresh one signs in")
    func mfaSignIn() throws {
        let h = try StoreHarness()
        try h.signIn()
        let seed = try h.activateDevice("root-mfa")
        try h.sessions.signOut(account: nil)

        #expect(try h.signIn() == .mfaRequired)
        // The answer is AWS's; the reason travels beside it, for the front end's hint.
        #expect(throws: RefusedCodeError(.signInFailed, .wrong)) { try h.signIn(code: "000000") }
        // The activation spent the current step: its code is a replay.
        #expect(throws: RefusedCodeError(.signInFailed, .alreadyUsed)) { try h.signIn(code: try h.code(seed)) }
        try h.advance(30)
        let fresh = try h.code(seed)
        guard case .signedIn(let session) = try h.signIn(code: fresh) else {
            Issue.record("expected a session")
            return
        }
        #expect(session.mfaUsed)
        // The same code never works twice, even in a new attempt.
        try h.sessions.signOut(account: nil)
        #expect(throws: RefusedCodeError(.signInFailed, .alreadyUsed)) { try h.signIn(code: fresh) }
        let names = try h.changes().map { "\($0.eventName):\($0.outcome.rawValue)" }.suffix(8)
        #expect(
            Array(names) == [
                "ConsoleSignOut:Success", "CredentialChallenge:Success", "ConsoleLogin:Failure", "ConsoleLogin:Failure",
                "AdvanceClock:Success", "ConsoleLogin:Success", "ConsoleSignOut:Success", "ConsoleLogin:Failure",
            ])
    }

    @Test("sign-out ends every session of the identity; signing out twice is harmless")
    func signOut() throws {
        let h = try StoreHarness()
        try h.signIn()
        try h.signIn()
        #expect(try h.sessions.signOut(account: nil) == .root(AccountID(known: "123456789012")))
        #expect(throws: IAMError.notSignedIn) { try h.sessions.callerIdentity(account: nil) }
        #expect(try h.sessions.signOut(account: nil) == nil)
        let open = try h.database.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM consoleSession WHERE endDate IS NULL") ?? -1
        }
        #expect(open == 0)
    }

    @Test("sessions expire 12 hours after sign-in, on the simulated clock")
    func expiry() throws {
        let h = try StoreHarness()
        try h.signIn()
        try h.advance(12 * 3_600 - 1)
        #expect(throws: Never.self) { try h.sessions.callerIdentity(account: nil) }
        try h.advance(1)
        #expect(throws: IAMError.notSignedIn) { try h.sessions.callerIdentity(account: nil) }
    }

    @Test("console reads are logged like CloudTrail's read events")
    func readsLogged() throws {
        let h = try StoreHarness()
        try h.signIn()
        _ = try h.sessions.callerIdentity(account: nil)
        _ = try h.store.dashboard(caller: h.console)
        _ = try h.store.listAccessKeys(caller: h.console)
        _ = try h.store.listMFADevices(caller: h.console)
        _ = try h.store.listVirtualMFADevices(caller: h.console)
        #expect(
            try h.events().suffix(5).map(\.eventName) == [
                "GetCallerIdentity", "GetAccountSummary", "ListAccessKeys", "ListMFADevices", "ListVirtualMFADevices",
            ])
    }

    @Test("the event log refuses updates and deletes")
    func appendOnly() throws {
        let h = try StoreHarness()
        try h.signIn()
        #expect(throws: (any Error).self) {
            try h.database.write { db in try db.execute(sql: "UPDATE event SET outcome = 'Failure'") }
        }
        #expect(throws: (any Error).self) { try h.database.write { db in try db.execute(sql: "DELETE FROM event") } }
        #expect(try h.count("event") >= 2)
    }

    @Test("the stored password is a salted PBKDF2 hash, never the password")
    func passwordAtRest() throws {
        let h = try StoreHarness()
        let stored = try h.database.read { db in try String.fetchOne(db, sql: "SELECT rootPasswordHash FROM account") }
        let hash = try #require(stored)
        #expect(hash.hasPrefix("pbkdf2-sha512$1000$"))
        #expect(!hash.contains(StoreHarness.password))
    }
}
