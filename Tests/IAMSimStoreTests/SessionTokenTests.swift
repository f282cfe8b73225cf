import Foundation
import GRDB
import IAMSimTestSupport
import Testing

@testable import IAMSimCore
@testable import IAMSimDatabase
@testable import IAMSimStore

/// STS `GetSessionToken` and the temporary credentials it issues, on the simulated clock.
@Suite("STS GetSessionToken: temporary credentials, MFA, expiry")
struct SessionTokenTests {
    static let rootKey = StoreHarness.rootKey
    static let rootSerial = StoreHarness.serial("root-mfa")
    /// Root, signing with the lesson's root access key.
    static let root = Caller.principal(.root(StoreHarness.account), accessKeyID: rootKey)

    /// Signs `accessKeyID` (with `token`) in for `action`, the signature taken as verified when
    /// `secret` is the credentials' secret.
    func authenticate(
        _ h: StoreHarness, _ accessKeyID: String, token: String?, secret: String? = nil,
        for action: IAMAction = .getCallerIdentity
    ) throws -> Caller {
        try h.store.authenticate(
            accessKeyID: accessKeyID, securityToken: token, for: action, service: "sts", region: "us-east-1",
            origin: RequestOrigin(sourceIPAddress: "192.0.2.1", userAgent: "tests")
        ) { credentials throws(IAMError) in
            if let secret, credentials.secretAccessKey != secret { throw IAMError.wrongSecret }
        }
    }

    /// Root with an active virtual device `root-mfa`, signed out, one step after activation.
    func rootWithDevice() throws -> (StoreHarness, seed: String) {
        let h = try StoreHarness()
        try h.signIn()
        let seed = try h.activateDevice("root-mfa")
        try h.sessions.signOut(account: nil)
        try h.advance(30)
        return (h, seed)
    }

    // MARK: - Issuing

    @Test("root's session: an ASIA key, a 40-character secret and a token, for one hour by default and at most")
    func rootSession() throws {
        let h = try StoreHarness()
        let credentials = try h.store.getSessionToken(caller: Self.root)
        #expect(credentials.accessKeyID.hasPrefix("ASIA"))
        #expect(credentials.accessKeyID.count == 20)
        #expect(credentials.secretAccessKey.count == 40)
        #expect(credentials.sessionToken.count == 268)
        #expect(credentials.expiration == StoreHarness.start.addingTimeInterval(3_600))
        // Longer requests silently get an hour; shorter ones what they ask.
        #expect(
            try h.store.getSessionToken(caller: Self.root, durationSeconds: 129_600).expiration
                == StoreHarness.start.addingTimeInterval(3_600))
        #expect(
            try h.store.getSessionToken(caller: Self.root, durationSeconds: 900).expiration
                == StoreHarness.start.addingTimeInterval(900))
        // Stored: the secret as access keys' are, the token only as its digest.
        let row = try #require(
            try h.database.read { db in try SessionCredentialRecord.find(db, key: credentials.accessKeyID) })
        #expect(row.secretAccessKey == credentials.secretAccessKey)
        #expect(row.sessionTokenDigest == SessionCredentials.tokenDigest(credentials.sessionToken))
        #expect(row.sessionTokenDigest != credentials.sessionToken)
        #expect(row.parentAccessKeyId == Self.rootKey)
        #expect(row.userId == nil)
        #expect(row.mfaAuthenticated == false)
        #expect(row.serialNumber == nil)
        let event = try #require(try h.events().first { $0.eventName == "GetSessionToken" })
        #expect(event.outcome == .success)
        #expect(event.resource == credentials.accessKeyID)
        #expect(event.actorARN == "arn:aws:iam::123456789012:root")
    }

    @Test("an IAM user's session: 12 hours by default, 900 to 129,600 seconds on request")
    func userSession() throws {
        let h = try StoreHarness()
        try h.signIn()
        let user = try h.store.createUser(caller: h.console, userName: "alice")
        let key = try h.store.createAccessKey(caller: h.console, userName: "alice")
        let alice = Caller.principal(.user(user), accessKeyID: key.metadata.accessKeyID.rawValue)
        let now = StoreHarness.start
        #expect(try h.store.getSessionToken(caller: alice).expiration == now.addingTimeInterval(43_200))
        #expect(
            try h.store.getSessionToken(caller: alice, durationSeconds: 129_600).expiration
                == now.addingTimeInterval(129_600))
        #expect(
            throws: IAMError.validationError(
                "1 validation error detected: Value '899' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to 900"
            )
        ) { try h.store.getSessionToken(caller: alice, durationSeconds: 899) }
        #expect(
            throws: IAMError.validationError(
                "1 validation error detected: Value '129601' at 'durationSeconds' failed to satisfy constraint: Member must have value less than or equal to 129600"
            )
        ) { try h.store.getSessionToken(caller: alice, durationSeconds: 129_601) }
        let rows = try h.count("sessionCredential")
        #expect(rows == 2)
    }

    @Test("temporary credentials and console sessions cannot get session tokens")
    func temporaryCallers() throws {
        let h = try StoreHarness()
        let credentials = try h.store.getSessionToken(caller: Self.root)
        let session = try authenticate(h, credentials.accessKeyID, token: credentials.sessionToken)
        #expect(throws: IAMError.sessionCredentialsCannotGetSessionToken) {
            try h.store.getSessionToken(caller: session)
        }
        try h.signIn()
        #expect(throws: IAMError.sessionCredentialsCannotGetSessionToken) {
            try h.store.getSessionToken(caller: h.console)
        }
        #expect(try h.count("sessionCredential") == 1)
        #expect(
            try h.events().last { $0.eventName == "GetSessionToken" }?.errorMessage
                == "Cannot call GetSessionToken with session credentials")
    }

    // MARK: - MFA codes

    @Test("with the device's code: MFA-authenticated; the code never works twice")
    func mfaCode() throws {
        let (h, seed) = try rootWithDevice()
        let code = try h.code(seed)
        let credentials = try h.store.getSessionToken(
            caller: Self.root, serialNumber: Self.rootSerial, tokenCode: code)
        let row = try #require(
            try h.database.read { db in try SessionCredentialRecord.find(db, key: credentials.accessKeyID) })
        #expect(row.mfaAuthenticated)
        #expect(row.serialNumber == Self.rootSerial)
        #expect(throws: RefusedCodeError(.invalidMFAOneTimePassCode, .alreadyUsed)) {
            try h.store.getSessionToken(caller: Self.root, serialNumber: Self.rootSerial, tokenCode: code)
        }
        // The console refuses it too: the device's last accepted step is shared.
        #expect(throws: RefusedCodeError(.signInFailed, .alreadyUsed)) { try h.signIn(code: code) }
        // The next step's code works, with whitespace as apps show it.
        try h.advance(30)
        let next = try h.code(seed)
        let spaced = String(next.prefix(3)) + " " + String(next.suffix(3))
        _ = try h.store.getSessionToken(caller: Self.root, serialNumber: Self.rootSerial, tokenCode: spaced)
    }

    @Test("a serial number not the caller's, a code without one, one without a code, a malformed code")
    func mfaRefusals() throws {
        let (h, seed) = try rootWithDevice()
        let code = try h.code(seed)
        #expect(throws: IAMError.mfaSerialNotAssociated) {
            try h.store.getSessionToken(
                caller: Self.root, serialNumber: StoreHarness.serial("someone-else"), tokenCode: code)
        }
        #expect(throws: IAMError.mfaSerialNotAssociated) {
            try h.store.getSessionToken(caller: Self.root, tokenCode: code)
        }
        #expect(throws: IAMError.invalidMFAOneTimePassCode) {
            try h.store.getSessionToken(caller: Self.root, serialNumber: Self.rootSerial)
        }
        #expect(
            throws: IAMError.validationError(
                #"2 validation errors detected: Value '12ab' at 'tokenCode' failed to satisfy constraint: Member must have length greater than or equal to 6; Value '12ab' at 'tokenCode' failed to satisfy constraint: Member must satisfy regular expression pattern: [\d]+"#
            )
        ) { try h.store.getSessionToken(caller: Self.root, serialNumber: Self.rootSerial, tokenCode: "12ab") }
        // None of them counted toward the lockout, and no credentials were issued.
        let failures = try h.database.read { db in
            try Int.fetchOne(db, sql: "SELECT failedMFAAttempts FROM account WHERE id = '123456789012'")
        }
        #expect(failures == 0)
        #expect(try h.count("sessionCredential") == 0)
        _ = try h.store.getSessionToken(caller: Self.root, serialNumber: Self.rootSerial, tokenCode: code)
    }

    @Test("wrong codes count toward the lockout sign-in shares: the fifth locks both for 15 minutes")
    func lockout() throws {
        let (h, seed) = try rootWithDevice()
        for wrong in ["000001", "000002", "000003", "000004", "000005"] {
            #expect(throws: RefusedCodeError(.invalidMFAOneTimePassCode, .wrong)) {
                try h.store.getSessionToken(caller: Self.root, serialNumber: Self.rootSerial, tokenCode: wrong)
            }
        }
        let locked = StoreHarness.start.addingTimeInterval(30 + 15 * 60)
        #expect(try h.changes().contains { $0.eventName == "MFALockout" })
        // Locked: the right code is refused, here and at the console.
        #expect(throws: IAMError.invalidMFAOneTimePassCode) {
            try h.store.getSessionToken(caller: Self.root, serialNumber: Self.rootSerial, tokenCode: try h.code(seed))
        }
        #expect(throws: IAMError.mfaLocked(until: locked)) { try h.signIn(code: try h.code(seed)) }
        // Without a code, root still gets (MFA-less) credentials, as AWS allows.
        _ = try h.store.getSessionToken(caller: Self.root)
        try h.advance(15 * 60)
        _ = try h.store.getSessionToken(caller: Self.root, serialNumber: Self.rootSerial, tokenCode: try h.code(seed))
        #expect(
            try h.events().filter { $0.eventName == "GetSessionToken" && $0.outcome == .failure }.count == 6)
    }

    @Test("a right code clears the count of wrong ones")
    func rightCodeClears() throws {
        let (h, seed) = try rootWithDevice()
        for wrong in ["000001", "000002", "000003", "000004"] {
            #expect(throws: RefusedCodeError.self) {
                try h.store.getSessionToken(caller: Self.root, serialNumber: Self.rootSerial, tokenCode: wrong)
            }
        }
        _ = try h.store.getSessionToken(caller: Self.root, serialNumber: Self.rootSerial, tokenCode: try h.code(seed))
        #expect(throws: RefusedCodeError(.signInFailed, .wrong)) { try h.signIn(code: "000001") }
    }

    // MARK: - Signing with temporary credentials

    @Test("temporary credentials sign as their owner, with their session, until they expire on the account's clock")
    func signing() throws {
        let (h, seed) = try rootWithDevice()
        let credentials = try h.store.getSessionToken(
            caller: Self.root, durationSeconds: 900, serialNumber: Self.rootSerial, tokenCode: try h.code(seed))
        let caller = try authenticate(
            h, credentials.accessKeyID, token: credentials.sessionToken, secret: credentials.secretAccessKey)
        guard case .principal(let principal) = caller.identity else {
            Issue.record("not a principal")
            return
        }
        #expect(principal == .root(StoreHarness.account))
        #expect(caller.accessKeyID == credentials.accessKeyID)
        #expect(caller.session?.mfaAuthenticated == true)
        #expect(caller.origin == RequestOrigin(sourceIPAddress: "192.0.2.1", userAgent: "tests"))
        // MFA-authenticated: IAM actions too.
        _ = try authenticate(h, credentials.accessKeyID, token: credentials.sessionToken, for: .listUsers)
        // The public lookup resolves ASIA ids as well.
        let signing = try h.store.signingCredentials(accessKeyID: credentials.accessKeyID)
        #expect(signing.secretAccessKey == credentials.secretAccessKey)
        #expect(signing.session?.expiration == credentials.expiration)
        // 15 minutes after they were issued, on the simulated clock: expired.
        try h.advance(900)
        #expect(throws: IAMError.expiredSessionToken) {
            try authenticate(h, credentials.accessKeyID, token: credentials.sessionToken)
        }
        #expect(IAMError.expiredSessionToken.code == "ExpiredToken")
        #expect(IAMError.expiredSessionToken.message == "The security token included in the request is expired")
        let refused = try #require(try h.events().last)
        #expect(refused.outcome == .failure)
        #expect(refused.errorCode == "ExpiredToken")
        #expect(refused.resource == credentials.accessKeyID)
    }

    @Test("a wrong or missing token, a token with a long-term key, an unknown key, a wrong secret")
    func signingRefusals() throws {
        let h = try StoreHarness()
        let credentials = try h.store.getSessionToken(caller: Self.root)
        #expect(throws: IAMError.invalidSessionToken) {
            try authenticate(h, credentials.accessKeyID, token: credentials.sessionToken + "x")
        }
        #expect(throws: IAMError.invalidSessionToken) { try authenticate(h, credentials.accessKeyID, token: nil) }
        #expect(throws: IAMError.invalidSessionToken) {
            try authenticate(h, Self.rootKey, token: credentials.sessionToken)
        }
        #expect(throws: IAMError.invalidAccessKey) { try authenticate(h, "ASIAUNKNOWNKEY000000", token: nil) }
        #expect(throws: IAMError.invalidSessionToken) { try authenticate(h, "ASIAUNKNOWNKEY000000", token: "t") }
        #expect(throws: IAMError.wrongSecret) {
            try authenticate(h, credentials.accessKeyID, token: credentials.sessionToken, secret: "wrong")
        }
        #expect(IAMError.invalidSessionToken.message == "The security token included in the request is invalid")
        #expect(IAMError.invalidAccessKey.message == "The security token included in the request is invalid.")
    }

    @Test("without MFA, temporary credentials call STS but not IAM (InvalidClientTokenId, as AWS answers)")
    func withoutMFA() throws {
        let h = try StoreHarness()
        let credentials = try h.store.getSessionToken(caller: Self.root)
        let caller = try authenticate(h, credentials.accessKeyID, token: credentials.sessionToken)
        #expect(caller.session?.mfaAuthenticated == false)
        #expect(throws: IAMError.invalidSessionToken) {
            try authenticate(h, credentials.accessKeyID, token: credentials.sessionToken, for: .listUsers)
        }
    }

    @Test("deactivating or deleting the key that asked leaves the session valid; deleting the user ends it")
    func parentKeyAndUser() throws {
        let h = try StoreHarness()
        try h.signIn()
        let rootSession = try h.store.getSessionToken(caller: Self.root)
        try h.store.updateAccessKey(caller: h.console, accessKeyID: Self.rootKey, status: .inactive)
        try h.store.deleteAccessKey(caller: h.console, accessKeyID: Self.rootKey)
        #expect(throws: IAMError.invalidAccessKey) { try authenticate(h, Self.rootKey, token: nil) }
        _ = try authenticate(h, rootSession.accessKeyID, token: rootSession.sessionToken)

        let user = try h.store.createUser(caller: h.console, userName: "bob")
        let key = try h.store.createAccessKey(caller: h.console, userName: "bob")
        let bob = try h.store.getSessionToken(
            caller: .principal(.user(user), accessKeyID: key.metadata.accessKeyID.rawValue))
        try h.store.deleteAccessKey(caller: h.console, accessKeyID: key.metadata.accessKeyID.rawValue, userName: "bob")
        _ = try authenticate(h, bob.accessKeyID, token: bob.sessionToken)
        try h.store.deleteUser(caller: h.console, userName: "bob")
        #expect(throws: IAMError.invalidSessionToken) { try authenticate(h, bob.accessKeyID, token: bob.sessionToken) }
        #expect(try h.count("sessionCredential") == 1)
    }

    @Test("resetting the account ends its temporary credentials")
    func reset() throws {
        let h = try StoreHarness()
        _ = try h.store.getSessionToken(caller: Self.root)
        try h.accounts.resetAccounts([StoreHarness.account], to: nil)
        #expect(try h.count("sessionCredential") == 0)
    }
}
