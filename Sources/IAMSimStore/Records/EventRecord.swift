import Foundation
import GRDB
import IAMSimCore
import IAMSimDatabase

/// A row of `event`, the append-only log, as read back. `EventLog.append` writes it, with the
/// one INSERT every operation shares.
struct EventRecord: Hashable {
    var id: Int64
    var accountId: String?
    var eventTime: Date
    var eventName: String
    var actorArn: String?
    var outcome: Event.Outcome
    var errorCode: String?
    var errorMessage: String?
    var mfaUsed: Bool?
    var resource: String?
    var eventSource: String?
    var userIdentityType: String?
    var accessKeyId: String?
    var sourceIPAddress: String?
    var userAgent: String?
    var mfaAuthenticated: Bool?
}

extension EventRecord: FetchedRecord {
    /// The columns read back; `rootKeyStatus` is the lesson's evidence, read by
    /// `AccountReadModel` only.
    enum Column: String, CaseIterable {
        case id, accountId, eventTime, eventName, actorArn, outcome, errorCode, errorMessage, mfaUsed, resource
        case eventSource, userIdentityType, accessKeyId, sourceIPAddress, userAgent, mfaAuthenticated
    }

    init(_ row: ColumnReader<Column>) throws {
        try self.init(
            id: row.value(.id), accountId: row.value(.accountId), eventTime: row.date(.eventTime),
            eventName: row.value(.eventName), actorArn: row.value(.actorArn), outcome: row.textCase(.outcome),
            errorCode: row.value(.errorCode), errorMessage: row.value(.errorMessage), mfaUsed: row.value(.mfaUsed),
            resource: row.value(.resource), eventSource: row.value(.eventSource),
            userIdentityType: row.value(.userIdentityType), accessKeyId: row.value(.accessKeyId),
            sourceIPAddress: row.value(.sourceIPAddress), userAgent: row.value(.userAgent),
            mfaAuthenticated: row.value(.mfaAuthenticated))
    }

    var event: Event {
        Event(
            eventID: id, eventTime: eventTime, eventName: eventName, accountID: accountId.flatMap(AccountID.init),
            actorARN: actorArn, outcome: outcome, errorCode: errorCode, errorMessage: errorMessage, mfaUsed: mfaUsed,
            resource: resource, eventSource: eventSource, userIdentityType: userIdentityType,
            accessKeyID: accessKeyId, sourceIPAddress: sourceIPAddress, userAgent: userAgent,
            mfaAuthenticated: mfaAuthenticated)
    }
}
