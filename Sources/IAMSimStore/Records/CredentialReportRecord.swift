import Foundation
import GRDB
import IAMSimDatabase

/// A row of `credentialReport`: an account's last generated credential report.
struct CredentialReportRecord: Hashable {
    var accountId: String
    var generatedTime: Date
    /// The report's CSV.
    var content: String
}

extension CredentialReportRecord: StoredRecord {
    enum Column: String, CaseIterable {
        case accountId, generatedTime, content
    }

    static let tableName = "credentialReport"

    init(_ row: ColumnReader<Column>) throws {
        try self.init(
            accountId: row.value(.accountId), generatedTime: row.date(.generatedTime), content: row.value(.content))
    }

    func value(of column: Column) -> (any DatabaseValueConvertible)? {
        switch column {
        case .accountId: accountId
        case .generatedTime: generatedTime.stored
        case .content: content
        }
    }
}
