import Foundation
import GRDB
import IAMSimCore

/// A row of `event`, the append-only log.
struct EventRecord: Codable, Hashable {
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
        static let id = Column(CodingKeys.id)
        static let accountId = Column(CodingKeys.accountId)
        static let eventTime = Column(CodingKeys.eventTime)
        static let eventName = Column(CodingKeys.eventName)
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
