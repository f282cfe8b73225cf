import Foundation
import GRDB
import IAMSimCore
import IAMSimDatabase

extension IAMStore {
    // MARK: - Account overview

    /// The IAM dashboard for the caller's account: summary counts and security status.
    ///
    /// - Throws: `AccessDenied` when a console caller is not signed in.
    public func dashboard(caller: Caller) throws -> Dashboard {
        try environment.perform(.getAccountSummary, caller: caller, resource: nil) { db, principal, _ in
            Dashboard(
                state: try accountState(principal.accountID, db),
                snapshot: try AccountReadModel.auditSnapshot(principal.accountID, clock: clock, db),
                signedInAs: principal)
        }
    }

    /// `GetAccountSummary` for the caller's account.
    ///
    /// - Throws: `AccessDenied` when a console caller is not signed in.
    public func accountSummary(caller: Caller) throws -> AccountSummary {
        try environment.perform(.getAccountSummary, caller: caller, resource: nil) { db, principal, _ in
            AccountSummary(try accountState(principal.accountID, db))
        }
    }

    /// The counts behind the account summary and checklist, one indexed query each.
    func accountState(_ id: AccountID, _ db: Database) throws -> AccountState {
        let account = try AccountRecord.existing(id, db)
        let arguments: StatementArguments = [id.rawValue]
        func count(_ sql: String) throws -> Int {
            let count: Int? = try db.firstValue(sql, arguments: arguments)
            return count ?? 0
        }
        return AccountState(
            accountID: id,
            alias: account.alias,
            users: try count("SELECT count(*) FROM iamUser WHERE accountId = ?"),
            groups: try count("SELECT count(*) FROM iamGroup WHERE accountId = ?"),
            // Unassigned hardware tokens are not IAM entities: AWS learns of them at activation.
            mfaDevices: try count(
                "SELECT count(*) FROM mfaDevice WHERE accountId = ? AND (type = 'virtual' OR assignedTo IS NOT NULL)"),
            mfaDevicesInUse: try count("SELECT count(*) FROM mfaDevice WHERE accountId = ? AND assignedTo IS NOT NULL"),
            rootAccessKeys: try count("SELECT count(*) FROM accessKey WHERE accountId = ? AND userId IS NULL"),
            rootActiveAccessKeys: try count(
                "SELECT count(*) FROM accessKey WHERE accountId = ? AND userId IS NULL AND status = 'Active'"),
            rootMFADevices: try count("SELECT count(*) FROM mfaDevice WHERE accountId = ? AND assignedTo = 'root'"),
            rootHasPassword: !account.rootPasswordHash.isEmpty)
    }
}
