import Foundation
import GRDB

/// A row of `consoleSession`.
struct SessionRecord: Codable, Hashable {
    var id: String
    var accountId: String
    /// The signed-in user's id; nil for the root user.
    var userId: String?
    var mfaUsed: Bool
    var createDate: Date
    var expireDate: Date
    var endDate: Date?
}

extension SessionRecord: FetchableRecord, PersistableRecord {
    static let databaseTableName = "consoleSession"

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let accountId = Column(CodingKeys.accountId)
        static let userId = Column(CodingKeys.userId)
        static let createDate = Column(CodingKeys.createDate)
        static let expireDate = Column(CodingKeys.expireDate)
        static let endDate = Column(CodingKeys.endDate)
    }
}

extension DerivableRequest<SessionRecord> {
    /// Sessions neither signed out nor expired at `now`, newest first.
    func open(at now: Date) -> Self {
        filter(SessionRecord.Columns.endDate == nil && SessionRecord.Columns.expireDate > now.stored)
            .order(SessionRecord.Columns.createDate.desc, Column.rowID.desc)
    }
}
