import Foundation
import GRDB
import IAMSimTestSupport
import Testing

@testable import IAMSimCore
@testable import IAMSimDatabase
@testable import IAMSimStore

/// The event log in CloudTrail's shape: each event's source, identity type, access key,
/// origin and whether MFA authenticated the caller's session.
@Suite("Event log: CloudTrail's fields")
struct EventDetailsTests {
    static let api = RequestOrigin(sourceIPAddress: "192.0.2.7", userAgent: "aws-cli/1.45.11 Python/3.11")

    func last(_ h: StoreHarness, _ name: String) throws -> Event {
        try #require(try h.events().last { $0.eventName == name })
    }

    @Test("console actions: the CLI's origin, no key, and the session's MFA")
    func console() throws {
        let h = try StoreHarness()
        try h.signIn()
        let login = try last(h, "ConsoleLogin")
        #expect(login.eventSource == "signin.amazonaws.com")
        #expect(login.userIdentityType == "Root")
        #expect(login.sourceIPAddress == "iamsim-cli")
        #expect(login.userAgent == "iamsim-cli")
        #expect(login.accessKeyID == nil)
        #expect(login.mfaUsed == false)
        #expect(login.mfaAuthenticated == nil)

        try h.store.createUser(caller: h.console, userName: "alice")
        var created = try last(h, "CreateUser")
        #expect(created.eventSource == "iam.amazonaws.com")
        #expect(created.userIdentityType == "Root")
        #expect(created.sourceIPAddress == "iamsim-cli")
        #expect(created.accessKeyID == nil)
        #expect(created.mfaAuthenticated == false)

        // Signed in again with MFA: the session's events say so.
        let seed = try h.activateDevice("root-mfa")
        try h.sessions.signOut(account: nil)
        try h.advance(30)
        try h.signIn(code: try h.code(seed))
        try h.store.createUser(caller: h.console, userName: "bob")
        created = try last(h, "CreateUser")
        #expect(created.mfaAuthenticated == true)
        #expect(try last(h, "ConsoleLogin").mfaUsed == true)
        let signOut = try #require(try h.sessions.signOut(account: nil))
        #expect(signOut == .root(StoreHarness.account))
        #expect(try last(h, "ConsoleSignOut").mfaAuthenticated == true)
    }

    @Test("API calls: the client's address and agent, the key, no session for a long-term key")
    func api() throws {
        let h = try StoreHarness()
        let root = Caller.principal(.root(StoreHarness.account), origin: Self.api, accessKeyID: StoreHarness.rootKey)
        try h.store.createUser(caller: root, userName: "carol")
        let created = try last(h, "CreateUser")
        #expect(created.eventSource == "iam.amazonaws.com")
        #expect(created.userIdentityType == "Root")
        #expect(created.accessKeyID == StoreHarness.rootKey)
        #expect(created.sourceIPAddress == "192.0.2.7")
        #expect(created.userAgent == "aws-cli/1.45.11 Python/3.11")
        #expect(created.mfaAuthenticated == nil)

        // A refusal carries the same details, with its error.
        #expect(throws: IAMError.noSuchUser("nobody")) { try h.store.deleteUser(caller: root, userName: "nobody") }
        let refused = try last(h, "DeleteUser")
        #expect(refused.outcome == .failure)
        #expect(refused.errorCode == "NoSuchEntity")
        #expect(refused.errorMessage == "The user with name nobody cannot be found.")
        #expect(refused.accessKeyID == StoreHarness.rootKey)
        #expect(refused.sourceIPAddress == "192.0.2.7")

        // An IAM user's call: IAMUser.
        let carol = try h.store.getUser(caller: root, userName: "carol")
        let key = try h.store.createAccessKey(caller: root, userName: "carol")
        let asCarol = Caller.principal(.user(carol), origin: Self.api, accessKeyID: key.metadata.accessKeyID.rawValue)
        _ = try h.store.listAccessKeys(caller: asCarol)
        let listed = try last(h, "ListAccessKeys")
        #expect(listed.userIdentityType == "IAMUser")
        #expect(listed.actorARN == "arn:aws:iam::123456789012:user/carol")
        #expect(listed.accessKeyID == key.metadata.accessKeyID.rawValue)
    }

    @Test("STS: GetSessionToken and GetCallerIdentity with temporary credentials, MFA-authenticated")
    func sts() throws {
        let h = try StoreHarness()
        try h.signIn()
        let seed = try h.activateDevice("root-mfa")
        try h.advance(30)
        let root = Caller.principal(.root(StoreHarness.account), origin: Self.api, accessKeyID: StoreHarness.rootKey)
        let credentials = try h.store.getSessionToken(
            caller: root, serialNumber: StoreHarness.serial("root-mfa"), tokenCode: try h.code(seed))
        let issued = try last(h, "GetSessionToken")
        #expect(issued.eventSource == "sts.amazonaws.com")
        #expect(issued.accessKeyID == StoreHarness.rootKey)
        #expect(issued.mfaAuthenticated == nil)
        #expect(issued.resource == credentials.accessKeyID)
        _ = try h.store.authenticate(
            accessKeyID: credentials.accessKeyID, securityToken: credentials.sessionToken, for: .getCallerIdentity,
            service: "sts", region: "us-east-1", origin: Self.api
        ) { _ throws(IAMError) in }
        let identity = try last(h, "GetCallerIdentity")
        #expect(identity.eventSource == "sts.amazonaws.com")
        #expect(identity.userIdentityType == "Root")
        #expect(identity.accessKeyID == credentials.accessKeyID)
        #expect(identity.mfaAuthenticated == true)
        #expect(identity.sourceIPAddress == "192.0.2.7")
        // Actions signed with them carry the session too.
        let session = Caller.principal(
            .root(StoreHarness.account), origin: Self.api, accessKeyID: credentials.accessKeyID,
            session: SessionContext(
                creationDate: StoreHarness.start, mfaAuthenticated: true, expiration: credentials.expiration))
        try h.store.createUser(caller: session, userName: "dave")
        #expect(try last(h, "CreateUser").mfaAuthenticated == true)
        // Wrong codes: the lockout's event is sign-in's, with the API's origin.
        for wrong in ["000001", "000002", "000003", "000004", "000005"] {
            #expect(throws: RefusedCodeError.self) {
                try h.store.getSessionToken(
                    caller: root, serialNumber: StoreHarness.serial("root-mfa"), tokenCode: wrong)
            }
        }
        let lockout = try last(h, "MFALockout")
        #expect(lockout.eventSource == "signin.amazonaws.com")
        #expect(lockout.sourceIPAddress == "192.0.2.7")
    }

    @Test("a key refused before anyone is known: its id and the client's origin, no identity")
    func unknownKey() throws {
        let h = try StoreHarness()
        #expect(throws: IAMError.invalidAccessKey) {
            try h.store.authenticate(
                accessKeyID: "AKIAUNKNOWNKEY000000", securityToken: nil, for: .listUsers, service: "iam",
                region: "us-east-1", origin: Self.api
            ) { _ throws(IAMError) in }
        }
        let refused = try last(h, "ListUsers")
        #expect(refused.accessKeyID == "AKIAUNKNOWNKEY000000")
        #expect(refused.sourceIPAddress == "192.0.2.7")
        #expect(refused.userIdentityType == nil)
        #expect(refused.errorCode == "InvalidClientTokenId")
    }

    @Test("the simulator's own actions: source iamsim, no origin")
    func simulator() throws {
        let h = try StoreHarness()
        let loaded = try last(h, "LoadFixture")
        #expect(loaded.eventSource == "iamsim")
        #expect(loaded.sourceIPAddress == nil)
        #expect(loaded.userIdentityType == nil)
    }

    @Test("events logged before the migration read back with their source derived from their name")
    func olderEvents() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("iamsim-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("iamsim.sqlite").path
        let queue = try DatabaseQueue(path: path)
        var older = DatabaseMigrator()
        for migration in Schema.migrations where migration.identifier != "v10-eventDetails" {
            older.registerMigration(migration.identifier, migrate: migration.migrate)
        }
        try older.migrate(queue)
        try queue.write { db in
            try db.execute(
                sql: """
                    INSERT INTO event (accountId, eventTime, eventName, actorArn, outcome)
                    VALUES ('123456789012', '2026-01-05 09:00:00.000', 'ConsoleLogin', 'arn:aws:iam::123456789012:root', 'Success'),
                           ('123456789012', '2026-01-05 09:00:01.000', 'MFALockout', 'arn:aws:iam::123456789012:root', 'Success'),
                           ('123456789012', '2026-01-05 09:00:02.000', 'DeleteAccessKey', 'arn:aws:iam::123456789012:user/x', 'Success')
                    """)
        }
        try queue.close()
        let database = try AppDatabase.open(path: path)
        let reader = EventLogReader(
            StoreEnvironment(database: database, wallClock: .fixed(StoreHarness.start), random: .seeded(1)))
        let events = try reader.events(account: nil)
        #expect(events.map(\.eventSource) == ["signin.amazonaws.com", "signin.amazonaws.com", "iam.amazonaws.com"])
        #expect(events.map(\.userIdentityType) == ["Root", "Root", "IAMUser"])
        #expect(events.allSatisfy { $0.sourceIPAddress == nil && $0.mfaAuthenticated == nil })
    }
}
