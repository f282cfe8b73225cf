import Foundation
import GRDB
import IAMSimDatabase
import IAMSimCore

extension IAMStore {
    // MARK: - Audit

    /// Every finding of the auditor's view (the dashboard's items and the CIS / Security Hub
    /// controls), computed from the caller's account as it is now.
    /// A read: it changes nothing and leaves no event.
    public func audit(caller: Caller) throws -> (account: AccountID, findings: [AuditFinding]) {
        try reading { db in
            let (principal, _) = try resolve(caller, db)
            try Permissions.authorizeAdministration(principal, .getAccountSummary, resource: "*")
            let snapshot = try auditSnapshot(principal.accountID, db)
            return (principal.accountID, AuditControls.evaluate(snapshot))
        }
    }

    /// What the audit reads: root's keys and devices, users' console access and MFA, groups,
    /// and the password policy, through the same read model as the lesson and the class report.
    func auditSnapshot(_ account: AccountID, _ db: Database) throws -> AuditSnapshot {
        guard let model = try readAccounts(.account(account), parts: .audit, db).first else {
            throw LocalError.noSuchAccount(account.rawValue)
        }
        return model.auditSnapshot()
    }
}
