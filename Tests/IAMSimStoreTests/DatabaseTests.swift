import Foundation
import GRDB
import IAMSimTestSupport
import Testing

@testable import IAMSimCore
@testable import IAMSimDatabase
@testable import IAMSimStore

@Suite("Database files")
struct DatabaseTests {
    func temporaryPath(_ name: String = "iamsim.sqlite") throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("iamsim-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder.appendingPathComponent(name).path
    }

    @Test("a new file is created with mode 0600, in WAL mode, and says it was created")
    func creation() throws {
        let path = try temporaryPath("nested/folder/iamsim.sqlite")
        let opened = try AppDatabase.open(path: path)
        #expect(opened.created)
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let mode = try opened.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
        #expect(mode == "wal")
        #expect(try AppDatabase.open(path: path).created == false)
    }

    @Test("state survives between openings of the file")
    func persistence() throws {
        let path = try temporaryPath()
        let first = StoreEnvironment(
            database: try AppDatabase.open(path: path), wallClock: .fixed(StoreHarness.start), random: .seeded(1),
            hasher: PasswordHasher(iterations: 1_000))
        try AccountStore(first).loadFixture(try Fixture.builtInDefault())
        _ = try ConsoleSessions(first).signIn(email: StoreHarness.email, password: StoreHarness.password, mfaCode: nil)
        try IAMStore(first).deleteAccessKey(caller: .console(account: nil), accessKeyID: StoreHarness.rootKey)

        let second = StoreEnvironment(
            database: try AppDatabase.open(path: path), wallClock: .fixed(StoreHarness.start), random: .seeded(2))
        #expect(try ConsoleSessions(second).callerIdentity(account: nil).arn == "arn:aws:iam::123456789012:root")
        #expect(try IAMStore(second).listAccessKeys(caller: .console(account: nil)).isEmpty)
    }

    @Test("a file that is not SQLite is refused as corrupt, and left untouched")
    func corrupt() throws {
        let path = try temporaryPath()
        let garbage = Data("this is not a database, just some text that is long enough".utf8)
        try garbage.write(to: URL(fileURLWithPath: path))
        #expect(throws: DatabaseFileError.corrupt(path: path)) { try AppDatabase.open(path: path) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == garbage)
    }

    @Test("another program's SQLite database is refused and not modified")
    func foreign() throws {
        let path = try temporaryPath()
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in try db.execute(sql: "CREATE TABLE notes (text TEXT)") }
        try queue.close()
        #expect(throws: DatabaseFileError.foreignDatabase(path: path)) { try AppDatabase.open(path: path) }
        let tables = try DatabaseQueue(path: path).read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
        }
        #expect(tables == ["notes"])
    }

    @Test("a database from a newer iamsim is refused")
    func newer() throws {
        let path = try temporaryPath()
        let writer = try AppDatabase.open(path: path)
        try writer.write { db in try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99')") }
        #expect(throws: DatabaseFileError.newerSchema(path: path)) { try AppDatabase.open(path: path) }
    }

    @Test("a folder that cannot be created is a clear error")
    func inaccessible() throws {
        let blocker = try temporaryPath("file")
        try Data().write(to: URL(fileURLWithPath: blocker))
        let path = blocker + "/sub/iamsim.sqlite"
        #expect(throws: DatabaseFileError.self) { try AppDatabase.open(path: path) }
    }

    @Test("loading a fixture whose account exists changes nothing")
    func loadTwice() throws {
        let h = try StoreHarness()
        let before = try h.count("event")
        // iamsim's refusal, not AWS's (was IAMError.entityAlreadyExists).
        #expect(throws: LocalError.invalidValue("The account 123456789012 already exists in this database.")) {
            try h.accounts.loadFixture(try Fixture.builtInDefault())
        }
        #expect(try h.count("account") == 1)
        #expect(try h.count("event") == before)
    }
}

@Suite("The simulated clock")
struct ClockTests {
    static let lesson = AccountID(known: "123456789012")

    /// An in-memory database holding the lesson account and, with `classmates`, more accounts.
    func database(wallClock: Date, classmates: Int = 0) throws -> (AppDatabase, StoreEnvironment) {
        let writer = try AppDatabase.inMemory()
        let environment = StoreEnvironment(
            database: writer, wallClock: .fixed(wallClock), random: .seeded(1),
            hasher: PasswordHasher(iterations: 1_000))
        let store = AccountStore(environment)
        try store.loadFixture(try Fixture.builtInDefault())
        if classmates > 0 {
            let secrets = SecretGenerator(random: .seeded(2))
            let fixtures = try store.unusedAccountIDs(classmates).enumerated().map { index, id in
                try Fixture.builtInDefault().personalized(
                    for: Trainee(
                        accountID: id, email: "t\(index)@class.example", alias: nil,
                        password: "Pw-\(index)-long-enough!"),
                    secrets: secrets)
            }
            try store.createAccounts(fixtures)
        }
        return (writer, environment)
    }

    @Test("real time by default, whole seconds")
    func real() throws {
        let (_, store) = try database(wallClock: Date(timeIntervalSince1970: 100.75))
        #expect(try store.clock.read(account: Self.lesson) == .real(Date(timeIntervalSince1970: 100)))
    }

    @Test("set stops the clock, advance moves it, real returns to the wall clock; each is logged for the account")
    func simulated() throws {
        let (writer, store) = try database(wallClock: Date(timeIntervalSince1970: 1_000))
        let clock = store.clock
        let one = SimulationClock.Scope.account(Self.lesson)
        #expect(
            try clock.advance(by: ClockDuration(seconds: 30), one).map(\.reading) == [
                .simulated(Date(timeIntervalSince1970: 1_030))
            ])
        #expect(try clock.read(account: Self.lesson) == .simulated(Date(timeIntervalSince1970: 1_030)))
        #expect(
            try clock.set(Date(timeIntervalSince1970: 5_000), one).map(\.reading) == [
                .simulated(Date(timeIntervalSince1970: 5_000))
            ])
        #expect(
            try clock.advance(by: ClockDuration(seconds: 90), one).map(\.reading) == [
                .simulated(Date(timeIntervalSince1970: 5_090))
            ])
        #expect(try clock.useRealTime(one).map(\.reading) == [.real(Date(timeIntervalSince1970: 1_000))])
        let rows = try writer.read { db in
            try Row.fetchAll(
                db, sql: "SELECT eventName, accountId FROM event WHERE eventName LIKE '%Clock' ORDER BY id")
        }
        #expect(rows.map { $0[0] as String } == ["AdvanceClock", "SetClock", "AdvanceClock", "UseRealClock"])
        #expect(rows.allSatisfy { ($0[1] as String?) == Self.lesson.rawValue })
    }

    @Test("one account's clock moves alone; --all moves every account's, in one transaction")
    func perAccount() throws {
        let wall = Date(timeIntervalSince1970: 1_767_605_405)
        let (_, store) = try database(wallClock: wall, classmates: 2)
        let accounts = try AccountStore(store).listAccounts().map(\.accountID)
        try store.clock.advance(by: ClockDuration(seconds: 30), .account(accounts[1]))
        #expect(try store.clock.readAll().map(\.reading) == [.real(wall), .simulated(wall + 30), .real(wall)])
        try store.clock.set(Date(timeIntervalSince1970: 2_000_000_000), .all)
        #expect(
            try store.clock.readAll().map(\.reading)
                == Array(repeating: .simulated(Date(timeIntervalSince1970: 2_000_000_000)), count: 3))
        // An account the database does not hold is iamsim's error, not AWS's (was IAMError.noSuchEntity).
        #expect(throws: LocalError.noSuchAccount("999999999999")) {
            try store.clock.useRealTime(.account(AccountID(known: "999999999999")))
        }
    }

    @Test("a session expires on its own account's clock, not on a classmate's")
    func sessionsFollowTheirAccountsClock() throws {
        let wall = Date(timeIntervalSince1970: 1_767_605_405)
        let (_, store) = try database(wallClock: wall, classmates: 1)
        let classmate = try AccountStore(store).listAccounts()[1].accountID
        _ = try ConsoleSessions(store).signIn(email: StoreHarness.email, password: StoreHarness.password, mfaCode: nil)
        try store.clock.advance(by: ClockDuration(seconds: 13 * 3_600), .account(classmate))
        #expect(try ConsoleSessions(store).signedInPrincipal(account: Self.lesson) == .root(Self.lesson))
        try store.clock.advance(by: ClockDuration(seconds: 13 * 3_600), .account(Self.lesson))
        #expect(try ConsoleSessions(store).signedInPrincipal(account: Self.lesson) == nil)
    }
}

@Suite("Migrations: the per-account clock")
struct ClockMigrationTests {
    @Test("v6: a database whose one shared clock was simulated gives every account that time")
    func sharedClockBecomesEveryAccountsClock() throws {
        let writer = try DatabaseQueue(configuration: AppDatabase.configuration())
        try Schema.migrator.migrate(writer, upTo: "v5")
        try writer.write { db in
            for id in ["111111111111", "222222222222"] {
                try db.execute(
                    sql: "INSERT INTO account (id, createDate, rootEmail, rootPasswordHash) VALUES (?, ?, ?, '')",
                    arguments: [id, "2026-01-05 09:00:00.000", "\(id)@example.com"])
            }
            try db.execute(sql: "INSERT INTO simulatedClock (id, time) VALUES (1, '2026-01-05 09:30:05.000')")
        }
        try Schema.migrator.migrate(writer)
        let rows = try writer.read { db in
            try Row.fetchAll(db, sql: "SELECT accountId, time FROM simulatedClock ORDER BY accountId")
        }
        #expect(
            rows.map { [$0[0] as String, $0[1] as String] } == [
                ["111111111111", "2026-01-05 09:30:05.000"], ["222222222222", "2026-01-05 09:30:05.000"],
            ])
    }
}
