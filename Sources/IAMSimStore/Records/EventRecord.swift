import Foundation
import GRDB
import IAMSimCore

/// A row of `event`, the append-only log, as read back (`EventLog` appends with plain SQL).
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
}

extension EventRecord: FetchableRecord {
    // Mapped by hand, not through Codable (see Row+Columns.swift).
    init(row: Row) throws {
        id = row["id"]
        accountId = row["accountId"]
        eventTime = try row.storedDate("eventTime")
        eventName = row["eventName"]
        actorArn = row["actorArn"]
        outcome = try row.textCase("outcome")
        errorCode = row["errorCode"]
        errorMessage = row["errorMessage"]
        mfaUsed = row["mfaUsed"]
        resource = row["resource"]
    }

    var event: Event {
        Event(
            eventID: id, eventTime: eventTime, eventName: eventName, accountID: accountId.flatMap(AccountID.init),
            actorARN: actorArn, outcome: outcome, errorCode: errorCode, errorMessage: errorMessage, mfaUsed: mfaUsed,
            resource: resource)
    }
}
