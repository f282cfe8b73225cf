import Foundation
import GRDB
import IAMSimCore
import IAMSimDatabase

/// The guided lesson's records: where each account's lesson started, the steps recorded done
/// (progress never goes backwards), and what the lesson sees of the account's IAM state. The
/// application layer's `LessonTracker` judges progress from them.
///
/// Any method may also throw what the database fails with: `DatabaseFileError` (busy, damaged,
/// inaccessible) or `ServiceFailure`; each method's `- Throws:` lists the rest.
public struct LessonRecords: Sendable {
    let environment: StoreEnvironment

    public init(_ environment: StoreEnvironment) {
        self.environment = environment
    }

    /// What the lesson player sees of `account` in IAM: events since the lesson started, root's
    /// keys and devices (with seeds: the player checks them against the authenticator), whether
    /// root is signed in, and the clock. The authenticator's part is left empty. Read through
    /// the same read model as the class report and the audit (`AccountReadModel`).
    ///
    /// - Throws: `LocalError.noSuchAccount` when there is no such account.
    public func lessonObservation(account: AccountID, lesson: Lesson) throws -> LessonObservation {
        return try environment.writing { db in
            _ = try lessonStart(account, lesson, db)
            let models = try AccountReadModel.read(
                .account(account), parts: .lesson, lesson: lesson, clock: environment.clock, db)
            guard let model = models.first else {
                throw LocalError.noSuchAccount(account.rawValue)
            }
            return model.observation()
        }
    }

    /// The progress recorded so far, so it never goes backwards.
    ///
    /// - Throws: only a database failure: `DatabaseFileError` (busy, damaged, inaccessible) or `ServiceFailure`.
    public func recordedLessonProgress(account: AccountID, lesson: Lesson) throws -> LessonProgress {
        return try environment.reading { db in
            var done: Set<String> = []
            var witnesses: [String: Int64] = [:]
            for step in try LessonStepRecord.completed(lesson.id, by: account.rawValue, db) {
                done.insert(step.stepId)
                witnesses[step.stepId] = step.witnessEventId
            }
            return LessonProgress(lesson: lesson, done: done, witnesses: witnesses)
        }
    }

    /// Records newly completed steps; returns those not recorded before, in lesson order.
    ///
    /// - Throws: only a database failure: `DatabaseFileError` (busy, damaged, inaccessible) or `ServiceFailure`.
    @discardableResult
    public func recordLessonProgress(_ progress: LessonProgress, account: AccountID) throws -> [LessonStep] {
        return try environment.writing { db in
            let now = try environment.clock.now(db, account: account)
            _ = try lessonStart(account, progress.lesson, db)
            var newlyDone: [LessonStep] = []
            for step in progress.lesson.steps where progress.done.contains(step.id) {
                try LessonStepRecord(
                    accountId: account.rawValue, lessonId: progress.lesson.id, stepId: step.id, completedDate: now,
                    witnessEventId: progress.witnesses[step.id]
                ).insert(db, onConflict: .ignore)
                if db.changesCount > 0 { newlyDone.append(step) }
            }
            if !newlyDone.isEmpty, progress.isComplete {
                try EventLog.append(
                    db, name: .lessonComplete, time: now, account: account, resource: progress.lesson.id)
            }
            return newlyDone
        }
    }

    /// When each recorded step was completed.
    ///
    /// - Throws: only a database failure: `DatabaseFileError` (busy, damaged, inaccessible) or `ServiceFailure`.
    public func lessonCompletionDates(account: AccountID, lesson: Lesson) throws -> [String: Date] {
        return try environment.reading { db in
            var dates: [String: Date] = [:]
            for step in try LessonStepRecord.completed(lesson.id, by: account.rawValue, db) {
                dates[step.stepId] = step.completedDate
            }
            return dates
        }
    }

    /// The id of the event after which the lesson's events count: the account's latest load
    /// or reset, recorded on first use.
    func lessonStart(_ account: AccountID, _ lesson: Lesson, _ db: Database) throws -> Int64 {
        if let progress = try LessonProgressRecord.find(db, key: account.rawValue, lesson.id) {
            return progress.startEventId
        }
        let loaded: Int64? = try db.firstValue(
            "SELECT max(id) FROM event WHERE accountId = ? AND eventName IN (?, ?)",
            arguments: [account.rawValue, IAMAction.loadFixture.name, IAMAction.resetAccount.name])
        let start = loaded ?? 0
        try LessonProgressRecord(accountId: account.rawValue, lessonId: lesson.id, startEventId: start).insert(db)
        return start
    }
}
