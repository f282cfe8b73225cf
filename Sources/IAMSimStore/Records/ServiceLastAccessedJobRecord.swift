import Foundation
import GRDB
import IAMSimCore
import IAMSimDatabase
import IAMSimMacros

/// A row of `serviceLastAccessedJob`: a job `GenerateServiceLastAccessedDetails` started.
@StoredColumns
struct ServiceLastAccessedJobRecord: Hashable {
    /// The job's id, a version 4 UUID (`JobId`).
    var id: String
    var accountId: String
    /// The ARN of the user or group the job reports on.
    var arn: String
    /// `SERVICE_LEVEL` or `ACTION_LEVEL` (the request's `Granularity`, AWS's `JobType`).
    var granularity: String
    var createDate: Date
}

extension ServiceLastAccessedJobRecord: StoredRecord {
    static let tableName = "serviceLastAccessedJob"
}
