import Foundation
import GRDB
import IAMSimCore
import IAMSimDatabase
import IAMSimMacros

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
@MemberwiseInit
public struct HardwareTokens: Sendable {
    let clock: SimulationClock
    /// Whose desk the tokens are on: the id of the trainee's account.
    let owner: AccountID

    /// What each token shows now, by serial number.
    /// - Throws: `DatabaseFileError` when the file cannot be read.
    public func displays() throws -> [HardwareTokenDisplay] {
        try clock.database.read { db in
            let now = try clock.now(db, account: owner)
            return try Row.fetchAll(
                db, sql: "SELECT serialNumber, secret FROM hardwareToken WHERE accountId = ? ORDER BY serialNumber",
                arguments: [owner.rawValue]
            )
            .compactMap { row in
                guard let totp = TOTP(storedBase32Secret: try row.value("secret")) else { return nil }
                return HardwareTokenDisplay(
                    serialNumber: try row.value("serialNumber"), code: totp.code(at: now),
                    secondsRemaining: TOTP.secondsRemaining(at: now))
            }
        }
    }
}
