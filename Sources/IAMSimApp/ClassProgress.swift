import Foundation
import IAMSimCore
import IAMSimDevices
import IAMSimStore

/// Every trainee's progress at a glance: the lesson step, judged as `LessonTracker` judges it,
/// the dashboard's checklist and the last activity, read for the whole class at once.
public struct ClassProgress: Sendable {
    /// One account of the class.
    public struct Row: Sendable {
        public var account: AccountInfo
        public var progress: LessonProgress
        /// The dashboard's five items, in the console's order.
        public var checklist: [AuditFinding]
        public var lastActivity: Date?
    }

    public var rows: [Row]

    /// Reads every account's progress in `lesson` (one query per kind of row for the whole
    /// class), without recording anything.
    /// - Throws: `DatabaseFileError` when the file cannot be read.
    public static func read(_ simulator: Simulator, lesson: Lesson = .rootMFA) throws -> ClassProgress {
        let phones = try Authenticator.accountsByOwner(simulator.database)
        let rows = try simulator.auditReader.classReport(lesson: lesson).map { entry -> Row in
            var observation = entry.observation
            observation.phone = (phones[entry.account.accountID.rawValue] ?? []).map(LessonTracker.phoneAccount)
            let progress = LessonProgress.evaluate(lesson, observation, previous: entry.recorded)
            return Row(
                account: entry.account, progress: progress, checklist: AuditControls.dashboardItems(entry.snapshot),
                lastActivity: entry.lastActivity)
        }
        return ClassProgress(rows: rows)
    }
}
