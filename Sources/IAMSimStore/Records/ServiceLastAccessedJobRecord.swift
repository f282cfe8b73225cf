import Foundation
import GRDB
import IAMSimCore
import IAMSimDatabase

/// A row of `serviceLastAccessedJob`: a job `GenerateServiceLastAccessedDetails` started.
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
    enum Column: String, CaseIterable {
        case id, accountId, arn, granularity, createDate
    }

    static let tableName = "serviceLastAccessedJob"

    init(_ row: ColumnReader<Column>) throws {
        try self.init(
            id: row.value(.id), accountId: row.value(.accountId), arn: row.value(.arn),
            granularity: row.value(.granularity), createDate: row.date(.createDate))
    }

    func value(of column: Column) -> (any DatabaseValueConvertible)? {
        switch column {
        case .id: id
        case .accountId: accountId
        case .arn: arn
        case .granularity: granularity
        case .createDate: createDate.stored
        }
    }
}
