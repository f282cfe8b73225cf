import Foundation
import GRDB
import IAMSimCore
import IAMSimDatabase
import IAMSimMacros

/// A row of `consoleSession`.
@StoredColumns
struct SessionRecord: Hashable {
    var id: String
    var accountId: String
    /// The signed-in user's id; nil for the root user.
    var userId: String?
    var mfaUsed: Bool
    var createDate: Date
    var expireDate: Date
    var endDate: Date?
}

extension SessionRecord: StoredRecord {
    static let tableName = "consoleSession"

    /// The account signed in to.
    var accountID: AccountID { AccountID(known: accountId) }

    /// Whether the session is open at `now` on its account's clock: neither signed out nor
    /// expired.
    func isOpen(at now: Date) -> Bool { endDate == nil && expireDate > now }

    /// Who signed in.
    var owner: OwnerKey { OwnerKey(accountId: accountId, userId: userId) }

    /// The principal the session belongs to.
    ///
    /// - Throws: `AccessDenied` (not signed in) when its user no longer exists.
    func principal(_ db: Database) throws -> Principal {
        guard let userId else { return .root(AccountID(known: accountId)) }
        guard let user = try UserRecord.find(db, key: userId) else { throw IAMError.notSignedIn }
        return .user(user.user)
    }
}

// MARK: - Queries

extension SessionRecord {
    /// The newest session still open (neither signed out nor expired on its account's clock),
    /// of `account` when given, with the time on that account's clock.
    ///
    /// "Newest" is the last one opened (rowid): with a clock per account, creation dates of
    /// different accounts do not compare. Every console command runs this.
    static func newestOpen(account: AccountID?, realNow: Date, _ db: Database) throws -> (
        session: SessionRecord, now: Date
    )? {
        // A clock row that does not hold a date passes the filter too, so that reading it below
        // reports the damage instead of taking every session for expired.
        var sql = """
            SELECT s.*, c.time AS clockTime FROM consoleSession s
            LEFT JOIN simulatedClock c ON c.accountId = s.accountId
            WHERE s.endDate IS NULL
              AND (s.expireDate > coalesce(c.time, ?) OR (c.time IS NOT NULL AND c.time NOT GLOB '[0-9][0-9][0-9][0-9]-*'))
            """
        var arguments: StatementArguments = [realNow.stored]
        if let account {
            sql += " AND s.accountId = ?"
            arguments += [account.rawValue]
        }
        sql += " ORDER BY s.rowid DESC"
        for row in try Row.fetchAll(db, sql: sql, arguments: arguments) {
            let now = try row.storedDateIfPresent("clockTime") ?? realNow
            let session = try SessionRecord(row: row)
            if session.expireDate > now { return (session, now) }
        }
        return nil
    }

    /// The session `id`, open or not, with the time on its account's clock.
    static func named(_ id: String, realNow: Date, _ db: Database) throws -> (session: SessionRecord, now: Date)? {
        let sql = """
            SELECT s.*, c.time AS clockTime FROM consoleSession s
            LEFT JOIN simulatedClock c ON c.accountId = s.accountId
            WHERE s.id = ?
            """
        guard let row = try Row.fetchOne(db, sql: sql, arguments: [id]) else { return nil }
        return (try SessionRecord(row: row), try row.storedDateIfPresent("clockTime") ?? realNow)
    }

    /// The open sessions of `owner` at `now` (signing out ends them all).
    static func open(of owner: OwnerKey, at now: Date, _ db: Database) throws -> [SessionRecord] {
        try fetchAll(
            db,
            sql:
                "SELECT * FROM consoleSession WHERE endDate IS NULL AND expireDate > ? AND accountId = ? AND userId IS ?",
            arguments: [now.stored, owner.accountId, owner.userId])
    }

    /// Deletes the sessions of the user `userId`: every one, or only those still open (they
    /// end with the user's password; the log keeps the history either way).
    static func deleteAll(ofUser userId: String, onlyOpen: Bool, _ db: Database) throws {
        try db.execute(
            sql: "DELETE FROM consoleSession WHERE userId = ?" + (onlyOpen ? " AND endDate IS NULL" : ""),
            arguments: [userId])
    }
}
