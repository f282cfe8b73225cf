import Foundation
import GRDB
import IAMSimCore
import IAMSimDatabase
import IAMSimMacros

/// A row of `event`, the append-only log, as read back. `EventLog.append` writes it, with the
/// one INSERT every operation shares. The columns read are the stored properties; the table's
/// `rootKeyStatus`, the lesson's evidence, is read by `AccountReadModel` only.
@StoredColumns
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
    var event: Event {
        Event(
            eventID: id, eventTime: eventTime, eventName: eventName, accountID: accountId.flatMap(AccountID.init),
            actorARN: actorArn, outcome: outcome, errorCode: errorCode, errorMessage: errorMessage, mfaUsed: mfaUsed,
            resource: resource, eventSource: eventSource, userIdentityType: userIdentityType,
            accessKeyID: accessKeyId, sourceIPAddress: sourceIPAddress, userAgent: userAgent,
            mfaAuthenticated: mfaAuthenticated)
    }
}
