import Foundation
import GRDB
import IAMSimCore

/// A row of `event`, the append-only log.
struct EventRecord: Hashable {
    var id: Int64?
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

extension EventRecord: FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "event"

    enum Columns {
        static let id = Column("id")
        static let accountId = Column("accountId")
        static let eventTime = Column("eventTime")
        static let eventName = Column("eventName")
    }

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

    func encode(to container: inout PersistenceContainer) {
        container["id"] = id
        container["accountId"] = accountId
        container["eventTime"] = eventTime.stored
        container["eventName"] = eventName
        container["actorArn"] = actorArn
        container["outcome"] = outcome.rawValue
        container["errorCode"] = errorCode
        container["errorMessage"] = errorMessage
        container["mfaUsed"] = mfaUsed
        container["resource"] = resource
    }

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    var event: Event {
        Event(
            eventID: id ?? 0, eventTime: eventTime, eventName: eventName, accountID: accountId.flatMap(AccountID.init),
            actorARN: actorArn, outcome: outcome, errorCode: errorCode, errorMessage: errorMessage, mfaUsed: mfaUsed,
            resource: resource)
    }
}
