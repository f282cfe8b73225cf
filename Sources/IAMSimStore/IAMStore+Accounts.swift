import Foundation
import GRDB
import IAMSimCore

/// An account as `accounts list` shows it.
public struct AccountInfo: Hashable, Sendable {
    public var accountID: AccountID
    public var alias: String?
    public var rootEmail: String
    public var fixtureName: String?
    public var createDate: Date
}

extension IAMStore {
    // MARK: - Classrooms of accounts

    /// Loads one account per fixture in a single transaction: all of them or, on any
    /// conflict, none. Passwords are hashed first, on every core.
    ///
    /// - Parameter progress: told how many hashes are done, for a progress bar.
    @discardableResult
    public func createAccounts(_ fixtures: [Fixture], progress: @Sendable (Int) -> Void = { _ in }) throws -> [AccountID] {
        let prepared = hashingPasswords(fixtures, progress: progress)
        return try writing { db in
            // New accounts start on real time: a clock is simulated only once someone sets it.
            let now = clock.realNow()
            return try prepared.map { try load($0, event: "LoadFixture", now: now, db) }
        }
    }

    /// Every account, in creation order.
    public func listAccounts() throws -> [AccountInfo] {
        try reading { db in
            try AccountRecord.order(sql: "rowid").fetchAll(db).map {
                AccountInfo(
                    accountID: $0.accountID, alias: $0.alias, rootEmail: $0.rootEmail, fixtureName: $0.fixtureName,
                    createDate: $0.createDate)
            }
        }
    }

    /// A fresh account id that no account in the database has.
    public func unusedAccountIDs(_ count: Int) throws -> [AccountID] {
        try reading { db in
            let existing: [String] = try db.firstColumn("SELECT id FROM account")
            let taken = Set(existing)
            var ids: [AccountID] = []
            var seen = taken
            while ids.count < count {
                let id = secrets.accountID()
                if seen.insert(id.rawValue).inserted { ids.append(id) }
            }
            return ids
        }
    }

    /// Deletes an account and everything in it; its events stay in the log, which records the
    /// deletion. `alsoDelete` runs in the same transaction (the trainee's devices).
    public func deleteAccount(_ account: AccountID, alsoDelete: (Database, AccountID) throws -> Void = { _, _ in }) throws {
        try writing { db in
            _ = try self.account(account, db)
            let now = try clock.now(db, account: account)
            try deleteAccountContents([account], db)
            try db.execute(sql: "DELETE FROM account WHERE id = ?", arguments: [account.rawValue])
            try alsoDelete(db, account)
            try EventLog.append(db, name: "DeleteAccount", time: now, account: account, resource: nil)
        }
    }

    /// Puts `account` back to the fixture it was loaded from, in one transaction: its users,
    /// keys, devices, sessions and lesson progress are replaced; the event log keeps
    /// everything and records the reset.
    public func resetAccount(_ account: AccountID) throws {
        try resetAccounts([account], to: nil)
    }

    /// Puts accounts back to their starting state, all in one transaction (on any failure,
    /// none changes): to the fixture each was loaded from, or to `fixture`, personalized with
    /// each account's id, alias, email and root password and fresh secrets (which then becomes
    /// the account's fixture). `alsoReset` runs in the same transaction, with each account's
    /// new fixture (to reset the trainees' devices).
    public func resetAccounts(
        _ accounts: [AccountID], to fixture: Fixture?,
        alsoReset: (Database, [(AccountID, Fixture)]) throws -> Void = { _, _ in },
        progress: @Sendable (Int) -> Void = { _ in }
    ) throws {
        // Prepare outside the write transaction: a new fixture's user passwords need hashing.
        // A stored fixture was written by iamsim: decoded as is, and kept as its JSON text.
        let fixtures: [(fixture: Fixture, json: String?)] = try reading { db in
            try accounts.map { id in
                let record = try self.account(id, db)
                if let fixture {
                    let trainee = Trainee(
                        accountID: id, email: record.rootEmail, alias: record.alias, passwordHash: record.rootPasswordHash)
                    return (fixture.personalized(for: trainee, secrets: secrets), nil)
                }
                guard let json = record.fixtureJSON else {
                    throw IAMError.noSuchEntity("The account \(id) has no stored fixture to reset to.")
                }
                return (try Fixture.decodeStored(json), json)
            }
        }
        let prepared = hashingPasswords(fixtures.map(\.fixture), progress: progress)
        try writing { db in
            // Each account is reset on its own clock, which the reset keeps as it is.
            let simulated = try clock.simulatedTimes(db)
            let realNow = clock.realNow()
            try deleteAccountContents(accounts, db)
            for (index, fixture) in prepared.enumerated() {
                try load(
                    fixture, event: "ResetAccount", now: simulated[accounts[index].rawValue] ?? realNow, replacing: true,
                    storedJSON: fixtures[index].json, db)
            }
            try alsoReset(db, Array(zip(accounts, prepared)))
        }
    }

    /// Deletes everything in the accounts but their account rows, children first: IAM
    /// refuses to delete users that still hold keys, devices, passwords or memberships, and the
    /// schema says so too. One statement per table for all the accounts at once.
    func deleteAccountContents(_ accounts: [AccountID], _ db: Database) throws {
        let ids = "(SELECT value FROM json_each(?))"
        let list = "[" + accounts.map { "\"\($0.rawValue)\"" }.joined(separator: ",") + "]"
        let users = "SELECT id FROM iamUser WHERE accountId IN \(ids)"
        for table in ["loginProfile", "passwordHistory", "groupMembership"] {
            try db.execute(sql: "DELETE FROM \(table) WHERE userId IN (\(users))", arguments: [list])
        }
        for table in [
            "accessKey", "mfaDevice", "consoleSession", "lessonProgress", "passwordPolicy", "credentialReport", "iamGroup",
            "iamUser",
        ] {
            try db.execute(sql: "DELETE FROM \(table) WHERE accountId IN \(ids)", arguments: [list])
        }
    }
}
