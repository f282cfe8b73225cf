import Foundation
import GRDB
import IAMSimDevices
import IAMSimCore
import IAMSimStore
@testable import IAMSimDatabase

/// A fresh in-memory simulator per test: the lesson fixture, a fixed wall clock, seeded
/// randomness and a cheap password hash.
struct StoreHarness {
    static let start = Date(timeIntervalSince1970: 1_767_605_405)  // 2026-01-05T09:30:05Z
    static let email = "trainee@example.com"
    static let password = "Activate-MFA-2026!"
    static let rootKey = "AKIAIOSFODNN7EXAMPLE"

    let database: AppDatabase
    let store: IAMStore
    let sessions: ConsoleSessions
    let accounts: AccountStore
    let auditReader: AuditReader
    let eventLog: EventLogReader
    let lessonRecords: LessonRecords
    let console = Caller.console(account: nil)

    init(seed: UInt64 = 1, fixture: Fixture? = nil) throws {
        database = try AppDatabase.inMemory()
        let environment = StoreEnvironment(
            database: database, wallClock: .fixed(Self.start), random: .seeded(seed), hasher: PasswordHasher(iterations: 1_000))
        store = IAMStore(environment)
        sessions = ConsoleSessions(environment)
        accounts = AccountStore(environment)
        auditReader = AuditReader(environment)
        eventLog = EventLogReader(environment)
        lessonRecords = LessonRecords(environment)
        try accounts.loadFixture(fixture ?? Fixture.builtInDefault())
        try store.clock.set(Self.start, .all)
    }

    static let account = AccountID(known: "123456789012")

    /// The serial number of the lesson account's virtual device `name`.
    static func serial(_ name: String) -> String { "arn:aws:iam::123456789012:mfa/\(name)" }

    /// The lesson account's time.
    var now: Date { get throws { try store.clock.now(account: Self.account) } }

    var authenticator: Authenticator { Authenticator(clock: store.clock, owner: Self.account) }

    @discardableResult
    func signIn(code: String? = nil) throws -> SignInOutcome {
        try sessions.signIn(email: Self.email, password: Self.password, mfaCode: code)
    }

    func advance(_ seconds: Int64) throws {
        try store.clock.advance(by: ClockDuration(seconds: seconds), .all)
    }

    /// Codes computed from the seed with Core's TOTP at the simulator's current time.
    func code(_ seed: String, stepOffset: Int64 = 0) throws -> String {
        guard let totp = TOTP(base32Secret: seed) else { throw IAMError.invalidMFACodes }
        return totp.code(atStep: TOTP.step(at: try now) + stepOffset)
    }

    /// Creates and activates a virtual device for the signed-in identity; returns its seed.
    @discardableResult
    func activateDevice(_ name: String) throws -> String {
        let created = try store.createVirtualMFADevice(caller: console, deviceName: name)
        let seed = created.base32StringSeed
        try store.enableMFADevice(
            caller: console, serialNumber: Self.serial(name), code1: try code(seed, stepOffset: -1), code2: try code(seed))
        return seed
    }

    func events() throws -> [Event] { try eventLog.events(account: nil, limit: 1_000) }

    /// The events of changes and sign-ins, without the console's reads (List…, Get…).
    func changes() throws -> [Event] {
        try events().filter { !$0.eventName.hasPrefix("List") && !$0.eventName.hasPrefix("Get") }
    }

    func count(_ table: String) throws -> Int {
        try database.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)") ?? 0 }
    }
}
