import Foundation
import GRDB
import IAMSimCore

/// Appends to the event log. Every write goes through here, inside the transaction of the
/// change it records, so a change and its event commit or roll back together.
enum EventLog {
    /// Appends one event; returns its id.
    @discardableResult
    static func append(
        _ db: Database, name: String, time: Date, account: AccountID? = nil, actor: String? = nil,
        outcome: Event.Outcome = .success, error: IAMError? = nil, mfaUsed: Bool? = nil, resource: String?
    ) throws -> Int64 {
        var record = EventRecord(
            id: nil, accountId: account?.rawValue, eventTime: time, eventName: name, actorArn: actor,
            outcome: outcome, errorCode: error?.code, errorMessage: error?.message, mfaUsed: mfaUsed,
            resource: resource)
        try record.insert(db)
        return record.id ?? db.lastInsertedRowID
    }
}
