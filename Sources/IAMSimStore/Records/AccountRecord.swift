import Foundation
import GRDB
import IAMSimCore
import IAMSimDatabase
import IAMSimMacros

/// A row of `account`: the account and its root user's sign-in credentials.
@StoredColumns
struct AccountRecord: Hashable {
    var id: String
    var alias: String?
    var createDate: Date
    var fixtureName: String?
    var rootEmail: String
    var rootPasswordHash: String
    var rootPasswordLastUsed: Date?
    /// The fixture the account was loaded from, with the password replaced by its hash.
    var fixtureJSON: String?
    /// Consecutive wrong MFA codes at root's sign-in, and the end of the lockout they caused.
    var failedMFAAttempts: Int = 0
    var lockedUntil: Date?
}

extension AccountRecord: StoredRecord {
    static let tableName = "account"

    var accountID: AccountID { AccountID(known: id) }
}

// MARK: - Queries

extension AccountRecord {
    /// The account `id`.
    ///
    /// - Throws: `LocalError.noSuchAccount` when the database holds no such account.
    static func existing(_ id: AccountID, _ db: Database) throws -> AccountRecord {
        guard let account = try find(db, key: id.rawValue) else {
            throw LocalError.noSuchAccount(id.rawValue)
        }
        return account
    }

    /// The account whose root user has `email`, ignoring case.
    static func withRootEmail(_ email: String, _ db: Database) throws -> AccountRecord? {
        try fetchOne(db, sql: "SELECT * FROM account WHERE rootEmail = ? COLLATE NOCASE", arguments: [email])
    }

    /// The account `text` names: its 12-digit id or its alias (aliases are lowercase).
    static func named(_ text: String, _ db: Database) throws -> AccountRecord? {
        try fetchOne(db, sql: "SELECT * FROM account WHERE id = ? OR alias = ?", arguments: [text, text.lowercased()])
    }
}
