import Foundation
import GRDB
import IAMSimApp
import IAMSimCore
import IAMSimDatabase
import IAMSimDevices
import IAMSimStore

/// A fresh in-memory simulator per test: the lesson fixture (or another) loaded into the store,
/// a fixed wall clock, seeded randomness, a cheap password hash, and every clock stopped at
/// `start`. The simulator's parts (`store`, `sessions`, `accounts`, `database`, …) read as the
/// harness's own.
@dynamicMemberLookup
public struct StoreHarness: Sendable {
    public static let start = TestValues.start
    public static let email = TestValues.email
    public static let password = TestValues.password
    public static let rootKey = TestValues.rootKey
    /// The lesson account.
    public static let account = TestValues.account

    public let simulator: Simulator
    /// The console's caller: whoever signed in last.
    public let console = Caller.console(account: nil)

    /// - Parameters:
    ///   - seed: seeds every id, secret and salt.
    ///   - fixture: loaded with the store's `loadFixture` (the IAM state only); the built-in
    ///     lesson by default.
    ///   - codePolicy: which MFA codes the store accepts; AWS's rules by default.
    public init(seed: UInt64 = 1, fixture: Fixture? = nil, codePolicy: MFACodePolicy = .strict) throws {
        simulator = try Simulator.inMemory(seed: seed, codePolicy: codePolicy)
        try simulator.accounts.loadFixture(fixture ?? Fixture.builtInDefault())
        try simulator.store.clock.set(Self.start, .all)
    }

    /// The simulator's part at `part`: `harness.store` is `harness.simulator.store`.
    public subscript<Part>(dynamicMember part: KeyPath<Simulator, Part>) -> Part {
        simulator[keyPath: part]
    }

    /// The serial number (ARN) of the lesson account's virtual device `name`.
    public static func serial(_ name: String) -> String { "arn:aws:iam::123456789012:mfa/\(name)" }

    /// The lesson account's time.
    public var now: Date { get throws { try simulator.store.clock.now(account: Self.account) } }

    /// The lesson account trainee's authenticator app.
    public var authenticator: Authenticator { Authenticator(clock: simulator.store.clock, owner: Self.account) }

    /// Signs the lesson's root user in, with `code` when MFA is active.
    @discardableResult
    public func signIn(code: String? = nil) throws -> SignInOutcome {
        try simulator.sessions.signIn(email: Self.email, password: Self.password, mfaCode: code)
    }

    /// Moves every account's clock on by `seconds`.
    public func advance(_ seconds: Int64) throws {
        try simulator.store.clock.advance(by: ClockDuration(seconds: seconds), .all)
    }

    /// Codes computed from the seed with Core's TOTP at the simulator's current time.
    public func code(_ seed: String, stepOffset: Int64 = 0) throws -> String {
        guard let totp = TOTP(base32Secret: seed) else { throw IAMError.invalidMFACodes }
        return totp.code(atStep: TOTP.step(at: try now) + stepOffset)
    }

    /// Creates and activates a virtual device for the signed-in identity; returns its seed.
    @discardableResult
    public func activateDevice(_ name: String) throws -> String {
        let created = try simulator.store.createVirtualMFADevice(caller: console, deviceName: name)
        let seed = created.base32StringSeed
        try simulator.store.enableMFADevice(
            caller: console, serialNumber: Self.serial(name), code1: try code(seed, stepOffset: -1),
            code2: try code(seed))
        return seed
    }

    /// Every event of every account, oldest first.
    public func events() throws -> [Event] { try simulator.eventLog.events(account: nil, limit: 1_000) }

    /// The events of changes and sign-ins, without the console's reads (List…, Get…).
    public func changes() throws -> [Event] {
        try events().filter { !$0.eventName.hasPrefix("List") && !$0.eventName.hasPrefix("Get") }
    }

    /// How many rows `table` holds.
    public func count(_ table: String) throws -> Int {
        try simulator.database.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)") ?? 0 }
    }
}
