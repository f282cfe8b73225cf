import Foundation
import GRDB
import IAMSimCore
import IAMSimDatabase

/// An account as `accounts list` shows it.
public struct AccountInfo: Hashable, Sendable {
    public var accountID: AccountID
    public var alias: String?
    public var rootEmail: String
    public var fixtureName: String?
    public var createDate: Date
}

/// A fixture ready to load: every plain password replaced by a salted hash, made before any
/// transaction (the hashes are slow on purpose), and the stored JSON when it is already at
/// hand (a reset to the account's own fixture).
public struct PreparedFixture: Sendable {
    public let fixture: Fixture
    let storedJSON: String?
}

extension IAMStore {
    // MARK: - Accounts: loading, resetting, deleting

    /// `fixtures` with their passwords hashed, on every core at once, ready for `load`.
    ///
    /// - Parameter progress: told how many hashes are done, for a progress bar.
    public func prepare(_ fixtures: [Fixture], progress: @Sendable (Int) -> Void = { _ in }) -> [PreparedFixture] {
        hashingPasswords(fixtures, progress: progress).map { PreparedFixture(fixture: $0, storedJSON: nil) }
    }

    /// Whether the database holds no account yet.
    public func isEmpty() throws -> Bool {
        try reading { db in try Self.isEmpty(db) }
    }

    /// Whether the database holds no account, inside `transaction`.
    public func isEmpty(_ transaction: DatabaseTransaction) throws -> Bool {
        try Self.isEmpty(transaction.db)
    }

    /// Loads a prepared fixture as a new account, inside `transaction`, and records
    /// `LoadFixture` at real time (a new account's clock is real until someone sets it).
    ///
    /// - Throws: `EntityAlreadyExists` when its account id, alias, root email, a key or a
    ///   device is taken; the whole transaction then changes nothing.
    @discardableResult
    public func load(_ prepared: PreparedFixture, _ transaction: DatabaseTransaction) throws -> AccountID {
        try load(prepared.fixture, event: .loadFixture, now: clock.realNow(), transaction.db)
    }

    /// Loads `fixture` as a new account, in one transaction of its own: the IAM state only (a
    /// fixture's hardware tokens go to the trainee through the application layer's Classroom).
    ///
    /// - Throws: as `load(_:_:)`.
    @discardableResult
    public func loadFixture(_ fixture: Fixture) throws -> AccountID {
        let prepared = prepare([fixture])[0]
        return try database.transaction { try load(prepared, $0) }
    }

    /// Loads one account per fixture in a single transaction: all of them or, on any
    /// conflict, none (the IAM state only, as `loadFixture`).
    @discardableResult
    public func createAccounts(_ fixtures: [Fixture], progress: @Sendable (Int) -> Void = { _ in }) throws -> [AccountID] {
        let prepared = prepare(fixtures, progress: progress)
        return try database.transaction { transaction in try prepared.map { try load($0, transaction) } }
    }

    /// Every account, in creation order.
    public func listAccounts() throws -> [AccountInfo] {
        try reading { db in
            try AccountRecord.fetchAll(db, sql: "SELECT * FROM account ORDER BY rowid").map {
                AccountInfo(
                    accountID: $0.accountID, alias: $0.alias, rootEmail: $0.rootEmail, fixtureName: $0.fixtureName,
                    createDate: $0.createDate)
            }
        }
    }

    /// `count` fresh account ids that no account in the database has.
    public func unusedAccountIDs(_ count: Int) throws -> [AccountID] {
        try reading { db in
            let existing: [String] = try db.firstColumn("SELECT id FROM account")
            var seen = Set(existing)
            var ids: [AccountID] = []
            while ids.count < count {
                let id = secrets.accountID()
                if seen.insert(id.rawValue).inserted { ids.append(id) }
            }
            return ids
        }
    }

    /// Deletes an account and everything in it, inside `transaction`; its events stay in the
    /// log, which records the deletion.
    ///
    /// - Throws: `NoSuchEntity` when there is no such account.
    public func deleteAccount(_ account: AccountID, _ transaction: DatabaseTransaction) throws {
        let db = transaction.db
        let record = try self.account(account, db)
        let now = try clock.now(db, account: account)
        try deleteAccountContents([account], db)
        try record.delete(db)
        try EventLog.append(db, name: .deleteAccount, time: now, account: account, resource: nil)
    }

    /// What resetting `accounts` puts back, prepared outside any transaction: the fixture each
    /// was loaded from (decoded as stored), or `fixture` personalized with each account's id,
    /// alias, email and root password and fresh secrets (which then becomes the account's
    /// fixture), with new user passwords hashed.
    ///
    /// - Throws: `NoSuchEntity` for an unknown account, or one with no stored fixture.
    public func prepareReset(
        _ accounts: [AccountID], to fixture: Fixture?, progress: @Sendable (Int) -> Void = { _ in }
    ) throws -> [PreparedFixture] {
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
        let hashed = hashingPasswords(fixtures.map(\.fixture), progress: progress)
        return zip(hashed, fixtures).map { PreparedFixture(fixture: $0, storedJSON: $1.json) }
    }

    /// Puts `accounts` back to `prepared` (from `prepareReset`, in the same order), inside
    /// `transaction`: users, keys, devices, sessions and lesson progress are replaced; each
    /// account keeps its place, its clock, and its events, and the log records the reset.
    ///
    /// - Returns: the time of each reset, on each account's own clock.
    @discardableResult
    public func reset(_ accounts: [AccountID], to prepared: [PreparedFixture], _ transaction: DatabaseTransaction) throws
        -> [Date]
    {
        let db = transaction.db
        let simulated = try clock.simulatedTimes(db)
        let realNow = clock.realNow()
        try deleteAccountContents(accounts, db)
        return try zip(accounts, prepared).map { account, prepared in
            let now = simulated[account.rawValue] ?? realNow
            try load(prepared.fixture, event: .resetAccount, now: now, replacing: true, storedJSON: prepared.storedJSON, db)
            return now
        }
    }

    /// Resets accounts to their own fixtures or to `fixture`, in one transaction of its own
    /// (the IAM state only; the application layer's Classroom resets the trainees' devices too).
    public func resetAccounts(_ accounts: [AccountID], to fixture: Fixture?) throws {
        let prepared = try prepareReset(accounts, to: fixture)
        _ = try database.transaction { try reset(accounts, to: prepared, $0) }
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
