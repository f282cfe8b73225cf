import Foundation
import GRDB
import IAMSimDatabase
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
        id = try row.value("id")
        accountId = try row.value("accountId")
        eventTime = try row.storedDate("eventTime")
        eventName = try row.value("eventName")
        actorArn = try row.value("actorArn")
        outcome = try row.textCase("outcome")
        errorCode = try row.value("errorCode")
        errorMessage = try row.value("errorMessage")
        mfaUsed = try row.value("mfaUsed")
        resource = try row.value("resource")
    }

    var event: Event {
        Event(
            eventID: id, eventTime: eventTime, eventName: eventName, accountID: accountId.flatMap(AccountID.init),
            actorARN: actorArn, outcome: outcome, errorCode: errorCode, errorMessage: errorMessage, mfaUsed: mfaUsed,
            resource: resource)
    }
}
