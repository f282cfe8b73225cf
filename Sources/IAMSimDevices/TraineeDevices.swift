import Foundation
import GRDB
import IAMSimCore
import IAMSimDatabase

/// What a trainee holds: resets and deletions of accounts reach their devices through here,
/// inside the transaction that changes the account, so that an account and its trainee's
/// devices change together or not at all.
public enum TraineeDevices {
    /// Wipes the trainee's phone and hands out `tokens` in place of the ones they held.
    /// - Throws: the database's failure; the caller's transaction then rolls back.
    public static func reset(
        _ transaction: DatabaseTransaction, owner: AccountID, tokens: [Fixture.HardwareToken], now: Date
    ) throws {
        try forget(transaction, owner: owner)
        for token in tokens {
            try transaction.db.execute(
                sql:
                    "INSERT OR REPLACE INTO hardwareToken (serialNumber, secret, addedDate, accountId) VALUES (?, ?, ?, ?)",
                arguments: [token.serialNumber, token.base32StringSeed.uppercased(), now.stored, owner.rawValue])
        }
    }

    /// Puts tokens in the hands of `owner`'s trainee; ones already held are kept as they are.
    /// - Throws: the database's failure; the caller's transaction then rolls back.
    public static func receive(
        _ transaction: DatabaseTransaction, owner: AccountID, tokens: [Fixture.HardwareToken], now: Date
    )
        throws
    {
        for token in tokens {
            try transaction.db.execute(
                sql:
                    "INSERT OR IGNORE INTO hardwareToken (serialNumber, secret, addedDate, accountId) VALUES (?, ?, ?, ?)",
                arguments: [token.serialNumber, token.base32StringSeed.uppercased(), now.stored, owner.rawValue])
        }
    }

    /// Removes everything the trainee holds: the phone's accounts and the hardware tokens.
    /// - Throws: the database's failure; the caller's transaction then rolls back.
    public static func forget(_ transaction: DatabaseTransaction, owner: AccountID) throws {
        try transaction.db.execute(
            sql: "DELETE FROM authenticatorAccount WHERE accountId = ?", arguments: [owner.rawValue])
        try transaction.db.execute(sql: "DELETE FROM hardwareToken WHERE accountId = ?", arguments: [owner.rawValue])
    }
}
