import Foundation
import GRDB
import IAMSimDatabase
import IAMSimMacros

/// A row of `lessonStep`: a lesson step an account completed.
@StoredColumns
struct LessonStepRecord: Hashable {
    var accountId: String
    var lessonId: String
    var stepId: String
    var completedDate: Date
    /// The event that proved the step, when one did: later steps look only after it.
    var witnessEventId: Int64?
}

extension LessonStepRecord: StoredRecord {
    static let tableName = "lessonStep"
    static let primaryKey: [Column] = [.accountId, .lessonId, .stepId]
}

// MARK: - Queries

extension LessonStepRecord {
    /// The steps of `lesson` that `account` completed.
    static func completed(_ lessonID: String, by account: String, _ db: Database) throws -> [LessonStepRecord] {
        try fetchAll(
            db, sql: "SELECT * FROM lessonStep WHERE accountId = ? AND lessonId = ?", arguments: [account, lessonID])
    }
}
