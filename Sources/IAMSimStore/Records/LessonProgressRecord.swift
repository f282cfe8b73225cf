import Foundation
import GRDB
import IAMSimDatabase
import IAMSimMacros

/// A row of `lessonProgress`: where an account's lesson started.
@StoredColumns
struct LessonProgressRecord: Hashable {
    var accountId: String
    var lessonId: String
    /// Events after this one count toward the lesson (a load or a reset starts it).
    var startEventId: Int64
}

extension LessonProgressRecord: StoredRecord {
    static let tableName = "lessonProgress"
    static let primaryKey: [Column] = [.accountId, .lessonId]
}
