import Foundation
import GRDB
import IAMSimDatabase

/// A row of `lessonProgress`: where an account's lesson started.
struct LessonProgressRecord: Hashable {
    var accountId: String
    var lessonId: String
    /// Events after this one count toward the lesson (a load or a reset starts it).
    var startEventId: Int64
}

extension LessonProgressRecord: StoredRecord {
    enum Column: String, CaseIterable {
        case accountId, lessonId, startEventId
    }

    static let tableName = "lessonProgress"
    static let primaryKey: [Column] = [.accountId, .lessonId]

    init(_ row: ColumnReader<Column>) throws {
        try self.init(
            accountId: row.value(.accountId), lessonId: row.value(.lessonId), startEventId: row.value(.startEventId))
    }

    func value(of column: Column) -> (any DatabaseValueConvertible)? {
        switch column {
        case .accountId: accountId
        case .lessonId: lessonId
        case .startEventId: startEventId
        }
    }
}
