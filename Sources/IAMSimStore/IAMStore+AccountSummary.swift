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

    /// The counts behind the account summary and checklist: one statement, each count an indexed
    /// subquery (seven statements cost the server a fifth of a GetAccountSummary; docs/performance.md).
    func accountState(_ id: AccountID, _ db: Database) throws -> AccountState {
        let account = try AccountRecord.existing(id, db)
        let row = try Row.fetchOne(
            db.cachedStatement(
                sql: """
                    SELECT
                      (SELECT count(*) FROM iamUser WHERE accountId = ?1),
                      (SELECT count(*) FROM iamGroup WHERE accountId = ?1),
                      (SELECT count(*) FROM mfaDevice WHERE accountId = ?1 AND (type = 'virtual' OR assignedTo IS NOT NULL)),
                      (SELECT count(*) FROM mfaDevice WHERE accountId = ?1 AND assignedTo IS NOT NULL),
                      (SELECT count(*) FROM accessKey WHERE accountId = ?1 AND userId IS NULL),
                      (SELECT count(*) FROM accessKey WHERE accountId = ?1 AND userId IS NULL AND status = 'Active'),
                      (SELECT count(*) FROM mfaDevice WHERE accountId = ?1 AND assignedTo = 'root')
                    """),
            arguments: [id.rawValue])
        func count(_ index: Int) throws -> Int {
            guard let row else { return 0 }
            return try row.value(atIndex: index)
        }
        return AccountState(
            accountID: id,
            alias: account.alias,
            users: try count(0),
            groups: try count(1),
            // Unassigned hardware tokens are not IAM entities: AWS learns of them at activation.
            mfaDevices: try count(2),
            mfaDevicesInUse: try count(3),
            rootAccessKeys: try count(4),
            rootActiveAccessKeys: try count(5),
            rootMFADevices: try count(6),
            rootHasPassword: !account.rootPasswordHash.isEmpty)
    }
}
