import Foundation
import GRDB
import IAMSimDatabase
import IAMSimMacros

/// A row of `credentialReport`: an account's last generated credential report.
@StoredColumns
struct CredentialReportRecord: Hashable {
    var accountId: String
    var generatedTime: Date
    /// The report's CSV.
    var content: String
}

extension CredentialReportRecord: StoredRecord {
    static let tableName = "credentialReport"
}
