import Foundation
import GRDB
import IAMSimDatabase

/// A row of `lessonStep`: a lesson step an account completed.
struct LessonStepRecord: Hashable {
    var accountId: String
    var lessonId: String
    var stepId: String
    var completedDate: Date
    /// The event that proved the step, when one did: later steps look only after it.
    var witnessEventId: Int64?
}

extension LessonStepRecord: StoredRecord {
    enum Column: String, CaseIterable {
        case accountId, lessonId, stepId, completedDate, witnessEventId
    }

    static let tableName = "lessonStep"
    static let primaryKey: [Column] = [.accountId, .lessonId, .stepId]

    init(_ row: ColumnReader<Column>) throws {
        try self.init(
            accountId: row.value(.accountId), lessonId: row.value(.lessonId), stepId: row.value(.stepId),
            completedDate: row.date(.completedDate), witnessEventId: row.value(.witnessEventId))
    }

    func value(of column: Column) -> (any DatabaseValueConvertible)? {
        switch column {
        case .accountId: accountId
        case .lessonId: lessonId
        case .stepId: stepId
        case .completedDate: completedDate.stored
        case .witnessEventId: witnessEventId
        }
    }
}

// MARK: - Queries

extension LessonStepRecord {
    /// The steps of `lesson` that `account` completed.
    static func completed(_ lessonID: String, by account: String, _ db: Database) throws -> [LessonStepRecord] {
        try fetchAll(
            db, sql: "SELECT * FROM lessonStep WHERE accountId = ? AND lessonId = ?", arguments: [account, lessonID])
    }
}
