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

/// The simulator's accounts as an instructor handles them: loaded from fixtures, listed,
/// resolved by id or alias, reset to their starting state, exported, deleted
/// (`AccountStore+Loading.swift`, `+Reset`, `+Export`). The IAM state only: the application
/// layer's `Classroom` changes each trainee's devices in the same transactions.
///
/// Any method may also throw what the database fails with: `DatabaseFileError` (busy, damaged,
/// inaccessible) or `ServiceFailure`; each method's `- Throws:` lists the rest.
public struct AccountStore: Sendable {
    let environment: StoreEnvironment

    public init(_ environment: StoreEnvironment) {
        self.environment = environment
    }

    // MARK: - Reading

    /// Every account, in creation order.
    ///
    /// - Throws: only a database failure: `DatabaseFileError` (busy, damaged, inaccessible) or `ServiceFailure`.
    public func listAccounts() throws -> [AccountInfo] {
        try environment.reading { db in
            try AccountRecord.fetchAll(db, sql: "SELECT * FROM account ORDER BY rowid").map {
                AccountInfo(
                    accountID: $0.accountID, alias: $0.alias, rootEmail: $0.rootEmail, fixtureName: $0.fixtureName,
                    createDate: $0.createDate)
            }
        }
    }

    /// `count` fresh account ids that no account in the database has.
    ///
    /// - Throws: only a database failure: `DatabaseFileError` (busy, damaged, inaccessible) or `ServiceFailure`.
    public func unusedAccountIDs(_ count: Int) throws -> [AccountID] {
        try environment.reading { db in
            let existing: [String] = try db.firstColumn("SELECT id FROM account")
            var seen = Set(existing)
            var ids: [AccountID] = []
            while ids.count < count {
                let id = environment.secrets.accountID()
                if seen.insert(id.rawValue).inserted { ids.append(id) }
            }
            return ids
        }
    }

    /// The first account created, nil when the database holds none.
    ///
    /// - Throws: only a database failure: `DatabaseFileError` (busy, damaged, inaccessible) or `ServiceFailure`.
    public func firstAccount() throws -> AccountID? {
        try environment.reading { db in
            try db.firstValue("SELECT id FROM account ORDER BY rowid LIMIT 1").map(AccountID.init(known:))
        }
    }

    /// The account `text` names: a 12-digit id or an alias.
    ///
    /// - Throws: `LocalError.noSuchAccount` when no account in the database has that id or alias.
    public func resolveAccount(_ text: String) throws -> AccountID {
        try environment.reading { db in
            guard let id = try AccountRecord.named(text, db)?.id else {
                throw LocalError.noSuchAccount(text)
            }
            return AccountID(known: id)
        }
    }

    /// Whether the database holds no account yet.
    ///
    /// - Throws: only a database failure: `DatabaseFileError` (busy, damaged, inaccessible) or `ServiceFailure`.
    public func isEmpty() throws -> Bool {
        try environment.reading { db in try Self.isEmpty(db) }
    }

    /// Whether the database holds no account, inside `transaction`.
    ///
    /// - Throws: only a database failure: `DatabaseFileError` (busy, damaged, inaccessible) or `ServiceFailure`.
    public func isEmpty(_ transaction: DatabaseTransaction) throws -> Bool {
        try Self.isEmpty(transaction.db)
    }

    /// Whether `db` holds no account. Plain SQL: this runs in every command (see
    /// `AppDatabase.migrate`).
    static func isEmpty(_ db: Database) throws -> Bool {
        try Row.fetchOne(db, sql: "SELECT 1 FROM account LIMIT 1") == nil
    }

    // MARK: - Deleting

    /// Deletes an account and everything in it, inside `transaction`; its events stay in the
    /// log, which records the deletion.
    ///
    /// - Throws: `LocalError.noSuchAccount` when there is no such account.
    public func deleteAccount(_ account: AccountID, _ transaction: DatabaseTransaction) throws {
        let db = transaction.db
        let record = try AccountRecord.existing(account, db)
        let now = try environment.clock.now(db, account: account)
        try deleteAccountContents([account], db)
        try record.delete(db)
        try EventLog.append(db, name: .deleteAccount, time: now, account: account, resource: nil)
    }

    /// Deletes everything in the accounts but their account rows, children first: IAM
    /// refuses to delete users that still hold keys, devices, passwords or memberships, and the
    /// schema says so too. One statement per table for all the accounts at once.
    func deleteAccountContents(_ accounts: [AccountID], _ db: Database) throws {
        let ids = "(SELECT value FROM json_each(?))"
        let list = "[" + accounts.map { "\"\($0.rawValue)\"" }.joined(separator: ",") + "]"
        let users = "SELECT id FROM iamUser WHERE accountId IN \(ids)"
        for table in ["loginProfile", "passwordHistory", "groupMembership", "userTag"] {
            try db.execute(sql: "DELETE FROM \(table) WHERE userId IN (\(users))", arguments: [list])
        }
        for table in [
            "accessKey", "mfaDevice", "consoleSession", "sessionCredential", "lessonProgress", "passwordPolicy",
            "credentialReport", "serviceLastAccessedJob",
            "iamGroup",
            "iamUser",
        ] {
            try db.execute(sql: "DELETE FROM \(table) WHERE accountId IN \(ids)", arguments: [list])
        }
    }
}
