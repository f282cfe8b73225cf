import Foundation
import GRDB
import IAMSimCore
import IAMSimStore

/// A hardware TOTP token's display: its serial and the code it shows now.
public struct HardwareTokenDisplay: Hashable, Sendable {
    public var serialNumber: String
    public var code: String
    public var secondsRemaining: Int
}

/// The hardware TOTP tokens in the trainee's hands (key-fob tokens with a display).
///
/// Like the phone, they live in their own table and never read IAM's: a fixture hands them
/// out with the seed their vendor loaded, and they show codes on their account's clock.
public struct HardwareTokens: Sendable {
    let writer: any DatabaseWriter
    let clock: SimulationClock
    /// Whose desk the tokens are on: the id of the trainee's account.
    let owner: String

    public init(writer: any DatabaseWriter, clock: SimulationClock, owner: String) {
        self.writer = writer
        self.clock = clock
        self.owner = owner
    }

    /// Puts tokens in the trainee's hands; ones already held are kept as they are.
    public func receive(_ tokens: [Fixture.HardwareToken]) throws {
        guard !tokens.isEmpty else { return }
        try writer.writing { db in
            let now = try clock.now(db, account: AccountID(known: owner))
            for token in tokens {
                try db.execute(
                    sql: """
                        INSERT OR IGNORE INTO hardwareToken (serialNumber, secret, addedDate, accountId) VALUES (?, ?, ?, ?)
                        """,
                    arguments: [token.serialNumber, token.base32StringSeed.uppercased(), now.stored, owner])
            }
        }
    }

    /// What each token shows now, by serial number.
    public func displays() throws -> [HardwareTokenDisplay] {
        try writer.reading { db in
            let now = try clock.now(db, account: AccountID(known: owner))
            return try Row.fetchAll(
                db, sql: "SELECT serialNumber, secret FROM hardwareToken WHERE accountId = ? ORDER BY serialNumber",
                arguments: [owner])
                .compactMap { row in
                    guard let totp = TOTP(storedBase32Secret: try row.value("secret")) else { return nil }
                    return HardwareTokenDisplay(
                        serialNumber: try row.value("serialNumber"), code: totp.code(at: now),
                        secondsRemaining: TOTP.secondsRemaining(at: now))
                }
        }
    }
}

// MARK: - Classroom resets

/// What a trainee holds: resets and deletions of accounts reach their devices through here,
/// inside the store's transaction, so that an account and its trainee's devices change together.
public enum TraineeDevices {
    /// Wipes the trainee's phone and hands out `tokens` in place of the ones they held.
    public static func reset(_ db: Database, owner: String, tokens: [Fixture.HardwareToken], now: Date) throws {
        try forget(db, owner: owner)
        for token in tokens {
            try db.execute(
                sql: "INSERT OR REPLACE INTO hardwareToken (serialNumber, secret, addedDate, accountId) VALUES (?, ?, ?, ?)",
                arguments: [token.serialNumber, token.base32StringSeed.uppercased(), now.stored, owner])
        }
    }

    /// Removes everything the trainee holds: the phone's accounts and the hardware tokens.
    public static func forget(_ db: Database, owner: String) throws {
        try db.execute(sql: "DELETE FROM authenticatorAccount WHERE accountId = ?", arguments: [owner])
        try db.execute(sql: "DELETE FROM hardwareToken WHERE accountId = ?", arguments: [owner])
    }
}
