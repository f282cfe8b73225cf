import Foundation
import GRDB
import IAMSimDatabase
import IAMSimCore

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

extension IAMStore {
    // MARK: - Classroom report

    /// Every account's lesson state, checklist state and last activity, read with one query
    /// per kind of row for the whole classroom (not one per account), in one snapshot, through
    /// the same read model as `iamsim lesson` and the audit (`readAccounts`).
    public func classReport(lesson: Lesson) throws -> [ClassReportEntry] {
        try reading { db in
            try readAccounts(.all, parts: [.lesson, .audit, .activity], lesson: lesson, db).map { model in
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
