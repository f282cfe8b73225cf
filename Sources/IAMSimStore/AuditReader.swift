import Foundation
import GRDB
import IAMSimCore
import IAMSimDatabase

/// What the classroom report knows of one account, before the lesson is evaluated.
public struct ClassReportEntry: Sendable {
    public var account: AccountInfo
    /// The lesson's view of the account's IAM state; the authenticator's part is empty.
    public var observation: LessonObservation
    /// The progress recorded so far (it never goes backwards).
    public var recorded: LessonProgress
    /// What the dashboard's checklist reads.
    public var snapshot: AuditSnapshot
    /// The newest event of the account.
    public var lastActivity: Date?
}

/// The read models of auditors and instructors: the audit's findings for one account, and the
/// class report's view of every account. Both read `AccountReadModel`, as the dashboard and the
/// lesson do, so no two of them can disagree about an account. Reads: they change nothing and
/// leave no event.
///
/// Any method may also throw what the database fails with: `DatabaseFileError` (busy, damaged,
/// inaccessible) or `ServiceFailure`; each method's `- Throws:` lists the rest.
public struct AuditReader: Sendable {
    let environment: StoreEnvironment

    public init(_ environment: StoreEnvironment) {
        self.environment = environment
    }

    /// Every finding of the auditor's view (the dashboard's items and the CIS / Security Hub
    /// controls), computed from the caller's account as it is now.
    /// A read: it changes nothing and leaves no event.
    ///
    /// - Throws: `AccessDenied` for a console caller not signed in, or an IAM user (auditing
    ///   reads the whole account, which only root may).
    public func audit(caller: Caller) throws -> (account: AccountID, findings: [AuditFinding]) {
        try environment.reading { db in
            let (principal, _) = try environment.resolve(caller, db)
            try Permissions.authorizeAdministration(principal, .getAccountSummary, resource: "*")
            let snapshot = try AccountReadModel.auditSnapshot(principal.accountID, clock: environment.clock, db)
            return (principal.accountID, AuditControls.evaluate(snapshot))
        }
    }

    /// Every account's lesson state, checklist state and last activity, read with one query
    /// per kind of row for the whole classroom (not one per account), in one snapshot, through
    /// the same read model as `iamsim lesson` and the audit (`AccountReadModel`).
    ///
    /// - Throws: only a database failure: `DatabaseFileError` (busy, damaged, inaccessible) or `ServiceFailure`.
    public func classReport(lesson: Lesson) throws -> [ClassReportEntry] {
        try environment.reading { db in
            let models = try AccountReadModel.read(
                .all, parts: [.lesson, .audit, .activity], lesson: lesson, clock: environment.clock, db)
            return models.map { model in
                let record = model.account
                return ClassReportEntry(
                    account: AccountInfo(
                        accountID: record.accountID, alias: record.alias, rootEmail: record.rootEmail,
                        fixtureName: record.fixtureName, createDate: record.createDate),
                    observation: model.observation(), recorded: model.recorded(lesson),
                    snapshot: model.auditSnapshot(), lastActivity: model.lastActivity)
            }
        }
    }
}
