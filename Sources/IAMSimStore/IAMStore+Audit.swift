import Foundation
import GRDB
import IAMSimCore

extension IAMStore {
    // MARK: - Audit

    /// Every finding of the auditor's view (the dashboard's items and the CIS / Security Hub
    /// controls), computed from the caller's account as it is now.
    /// A read: it changes nothing and leaves no event.
    public func audit(caller: Caller) throws -> (account: AccountID, findings: [AuditFinding]) {
        try reading { db in
            let now = try clock.now(db)
            let principal = try resolve(caller, db, now: now)
            try Permissions.authorizeAdministration(principal, "GetAccountSummary", resource: "*")
            let snapshot = try auditSnapshot(principal.accountID, now: now, db)
            return (principal.accountID, AuditControls.evaluate(snapshot))
        }
    }

    /// What the audit reads: root's keys and devices, users' console access and MFA, groups,
    /// and the password policy.
    func auditSnapshot(_ account: AccountID, now: Date, _ db: Database) throws -> AuditSnapshot {
        let record = try self.account(account, db)
        let root = OwnerKey(.root(account))
        let rootKeys = try AccessKeyRecord.owned(by: root, db).map {
            AuditSnapshot.KeyUse(active: $0.status == .active, lastUsedDate: $0.lastUsedDate)
        }
        let rootDevices = try MFADeviceRecord.assigned(to: root, db).map(\.type)
        let users = try Row.fetchAll(
            db,
            sql: """
                SELECT u.userName,
                  EXISTS (SELECT 1 FROM loginProfile p WHERE p.userId = u.id) AS hasPassword,
                  EXISTS (SELECT 1 FROM mfaDevice d WHERE d.userId = u.id AND d.assignedTo = 'user') AS mfaActive,
                  (SELECT count(*) FROM groupMembership m WHERE m.userId = u.id) AS groupCount
                FROM iamUser u WHERE u.accountId = ? ORDER BY u.userName COLLATE NOCASE
                """,
            arguments: [account.rawValue]
        ).map { row in
            AuditSnapshot.UserAudit(
                userName: try row.value("userName"), hasPassword: try row.value("hasPassword"),
                mfaActive: try row.value("mfaActive"), groupCount: try row.value("groupCount"))
        }
        let groups: Int? = try db.firstValue(
            "SELECT count(*) FROM iamGroup WHERE accountId = ?", arguments: [account.rawValue])
        return AuditSnapshot(
            accountID: account, now: now, rootAccessKeys: rootKeys, rootMFADevices: rootDevices,
            rootPasswordLastUsed: record.rootPasswordLastUsed, users: users, groupCount: groups ?? 0,
            passwordPolicy: try passwordPolicy(account, db))
    }
}
