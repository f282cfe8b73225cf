import Foundation
import GRDB
import IAMSimTestSupport
import Testing

@testable import IAMSimCore
@testable import IAMSimDatabase
@testable import IAMSimStore

@Suite("Classrooms: many accounts, resets, export")
struct ClassroomTests {
    func classroom(_ count: Int) throws -> (StoreHarness, [AccountID]) {
        let h = try StoreHarness()
        let template = try Fixture.builtInDefault()
        let secrets = SecretGenerator(random: .seeded(3))
        let ids = try h.accounts.unusedAccountIDs(count)
        let fixtures = ids.enumerated().map { index, id in
            template.personalized(
                for: Trainee(
                    accountID: id, email: "trainee\(index + 1)@class.example", alias: "class-\(index + 1)",
                    password: "Pw-\(index)-abcd-EFGH"),
                secrets: secrets)
        }
        try h.accounts.createAccounts(fixtures)
        return (h, ids)
    }

    @Test("accounts are created together, with distinct ids, emails and keys")
    func create() throws {
        let (h, ids) = try classroom(5)
        #expect(Set(ids).count == 5)
        #expect(try h.accounts.listAccounts().count == 6)
        #expect(try h.count("accessKey") == 6)
        let keyIDs = try h.database.read { db in try String.fetchAll(db, sql: "SELECT id FROM accessKey") }
        #expect(Set(keyIDs).count == 6)
        #expect(try h.accounts.resolveAccount("class-3") == ids[2])
        #expect(throws: LocalError.noSuchAccount("class-9")) { try h.accounts.resolveAccount("class-9") }
    }

    @Test("a conflict anywhere creates none of the accounts")
    func atomicCreate() throws {
        let (h, _) = try classroom(2)
        let template = try Fixture.builtInDefault()
        let secrets = SecretGenerator(random: .seeded(4))
        let ids = try h.accounts.unusedAccountIDs(3)
        let fixtures = ids.enumerated().map { index, id in
            // The third reuses an email already taken.
            template.personalized(
                for: Trainee(
                    accountID: id, email: index == 2 ? "trainee1@class.example" : "new\(index)@class.example",
                    password: "p"),
                secrets: secrets)
        }
        // The classroom's refusal, not AWS's (was IAMError.entityAlreadyExists).
        #expect(
            throws: LocalError.invalidValue("The root email trainee1@class.example is already used by another account.")
        ) {
            try h.accounts.createAccounts(fixtures)
        }
        #expect(try h.accounts.listAccounts().count == 3)
    }

    @Test("resetting one account leaves the others alone; resetting all restores every one")
    func reset() throws {
        let (h, ids) = try classroom(3)
        func signIn(_ index: Int) throws -> Caller {
            _ = try h.sessions.signIn(
                email: "trainee\(index + 1)@class.example", password: "Pw-\(index)-abcd-EFGH", mfaCode: nil)
            return .console(account: ids[index])
        }
        for index in 0..<3 {
            let caller = try signIn(index)
            let key = try #require(try h.store.listAccessKeys(caller: caller).first)
            try h.store.deleteAccessKey(caller: caller, accessKeyID: key.accessKeyID.rawValue)
        }
        try h.accounts.resetAccounts([ids[1]], to: nil)
        #expect(try h.store.listAccessKeys(caller: try signIn(1)).count == 1)
        #expect(try h.store.listAccessKeys(caller: try signIn(0)).isEmpty)
        #expect(try h.store.listAccessKeys(caller: try signIn(2)).isEmpty)
        try h.accounts.resetAccounts(ids, to: nil)
        for index in 0..<3 { #expect(try h.store.listAccessKeys(caller: try signIn(index)).count == 1) }
        // The classroom keeps its order.
        #expect(try h.accounts.listAccounts().dropFirst().map(\.accountID) == ids)
    }

    @Test("a failing reset changes nothing")
    func atomicReset() throws {
        let (h, ids) = try classroom(2)
        _ = try h.sessions.signIn(email: "trainee1@class.example", password: "Pw-0-abcd-EFGH", mfaCode: nil)
        let caller = Caller.console(account: ids[0])
        let key = try #require(try h.store.listAccessKeys(caller: caller).first)
        try h.store.deleteAccessKey(caller: caller, accessKeyID: key.accessKeyID.rawValue)
        struct Boom: Error {}
        let prepared = try h.accounts.prepareReset(ids, to: nil)
        #expect(throws: Boom.self) {
            try h.store.database.transaction { transaction in
                try h.accounts.reset(ids, to: prepared, transaction)
                throw Boom()
            }
        }
        #expect(try h.store.listAccessKeys(caller: caller).isEmpty)
    }

    @Test("reset to another fixture keeps each trainee's identity and password")
    func resetToFixture() throws {
        let (h, ids) = try classroom(2)
        var next = try Fixture.builtInDefault()
        next.account.root.accessKeys = nil
        next.account.users = [.init(userName: "alice")]
        try h.accounts.resetAccounts(ids, to: next)
        _ = try h.sessions.signIn(email: "trainee2@class.example", password: "Pw-1-abcd-EFGH", mfaCode: nil)
        let caller = Caller.console(account: ids[1])
        #expect(try h.store.listAccessKeys(caller: caller).isEmpty)
        #expect(try h.store.listUsers(caller: caller).map(\.userName) == ["alice"])
        #expect(try h.accounts.resolveAccount("class-2") == ids[1])
    }

    @Test("export loads back to the same state")
    func exportRoundTrip() throws {
        let messy = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Fixtures/messy-account.json")
        let fixture = try Fixture.load(try Data(contentsOf: messy), source: "messy")
        let h = try StoreHarness(fixture: fixture)
        let account = AccountID(known: "210987654321")
        let exported = try h.accounts.exportFixture(account)
        #expect(exported.problems().isEmpty)
        let other = try AppDatabase.inMemory()
        let store = AccountStore(
            StoreEnvironment(
                database: other, wallClock: .fixed(StoreHarness.start), random: .seeded(9),
                hasher: PasswordHasher(iterations: 1_000)))
        try store.loadFixture(exported)
        let again = try store.exportFixture(account)
        #expect(again.account == exported.account)
        #expect(exported.account.users?.map(\.userName) == ["alice", "bob", "carol", "dave"])
        #expect(exported.account.groups?.map(\.members) == [["alice"], ["bob"], []])
        #expect(exported.account.passwordPolicy?.minimumPasswordLength == 8)
        #expect(exported.account.root.password == nil && exported.account.root.passwordHash != nil)
    }

    @Test("the class report reads every account in a few queries")
    func classReport() throws {
        let (h, ids) = try classroom(3)
        _ = try h.sessions.signIn(email: "trainee2@class.example", password: "Pw-1-abcd-EFGH", mfaCode: nil)
        let entries = try h.auditReader.classReport(lesson: .rootMFA)
        #expect(entries.count == 4)
        let second = try #require(entries.first { $0.account.accountID == ids[1] })
        #expect(second.observation.rootSessionOpen)
        #expect(second.observation.events.contains { $0.name == "ConsoleLogin" })
        let progress = LessonProgress.evaluate(.rootMFA, second.observation, previous: second.recorded)
        #expect(progress.doneCount == 1)
        #expect(AuditControls.dashboardItems(second.snapshot).map(\.status) == [.fail, .fail, .fail, .fail, .fail])
    }
}
