import Foundation
import GRDB
import IAMSimCore
import IAMSimDatabase

extension AccountStore {
    // MARK: - Resetting

    /// What resetting `accounts` puts back, prepared outside any transaction: the fixture each
    /// was loaded from (decoded as stored), or `fixture` personalized with each account's id,
    /// alias, email and root password and fresh secrets (which then becomes the account's
    /// fixture), with new user passwords hashed.
    ///
    /// - Throws: `LocalError.noSuchAccount` for an unknown account, `LocalError.invalidValue`
    ///   for one with no stored fixture.
    public func prepareReset(
        _ accounts: [AccountID], to fixture: Fixture?, progress: @Sendable (Int) -> Void = { _ in }
    ) throws -> [PreparedFixture] {
        let fixtures: [(fixture: Fixture, json: String?)] = try environment.reading { db in
            try accounts.map { id in
                let record = try AccountRecord.existing(id, db)
                if let fixture {
                    let trainee = Trainee(
                        accountID: id, email: record.rootEmail, alias: record.alias,
                        passwordHash: record.rootPasswordHash)
                    return (fixture.personalized(for: trainee, secrets: environment.secrets), nil)
                }
                guard let json = record.fixtureJSON else {
                    throw LocalError.invalidValue("The account \(id) has no stored fixture to reset to.")
                }
                return (try Fixture.decodeStored(json), json)
            }
        }
        let hashed = hashingPasswords(fixtures.map(\.fixture), progress: progress)
        return zip(hashed, fixtures).map { PreparedFixture(fixture: $0, storedJSON: $1.json) }
    }

    /// Puts `accounts` back to `prepared` (from `prepareReset`, in the same order), inside
    /// `transaction`: users, keys, devices, sessions and lesson progress are replaced; each
    /// account keeps its place, its clock, and its events, and the log records the reset.
    ///
    /// - Returns: the time of each reset, on each account's own clock.
    ///
    /// - Throws: `LocalError.noSuchAccount` for an unknown account; `LocalError.invalidValue` when a fixture's key or
    ///   device belongs to another account; the whole transaction then changes nothing.
    @discardableResult
    public func reset(_ accounts: [AccountID], to prepared: [PreparedFixture], _ transaction: DatabaseTransaction)
        throws
        -> [Date]
    {
        let db = transaction.db
        let simulated = try environment.clock.simulatedTimes(db)
        let realNow = environment.clock.realNow()
        try deleteAccountContents(accounts, db)
        return try zip(accounts, prepared).map { account, prepared in
            let now = simulated[account.rawValue] ?? realNow
            try load(
                prepared.fixture, event: .resetAccount, now: now, replacing: true, storedJSON: prepared.storedJSON, db)
            return now
        }
    }

    /// Resets accounts to their own fixtures or to `fixture`, in one transaction of its own
    /// (the IAM state only; the application layer's Classroom resets the trainees' devices too).
    ///
    /// - Throws: as `prepareReset` and `reset`.
    public func resetAccounts(_ accounts: [AccountID], to fixture: Fixture?) throws {
        let prepared = try prepareReset(accounts, to: fixture)
        _ = try environment.database.transaction { try reset(accounts, to: prepared, $0) }
    }
}
