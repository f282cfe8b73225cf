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

    /// Decodes a row column by column: the `Decodable` default would instantiate a decoder's
    /// generic types on every command's first session lookup (docs/performance.md).
    init(row: Row) throws {
        id = row[CodingKeys.id.stringValue]
        accountId = row[CodingKeys.accountId.stringValue]
        userId = row[CodingKeys.userId.stringValue]
        mfaUsed = row[CodingKeys.mfaUsed.stringValue]
        createDate = try row.storedDate(CodingKeys.createDate.stringValue)
        expireDate = try row.storedDate(CodingKeys.expireDate.stringValue)
        endDate = try row.storedDateIfPresent(CodingKeys.endDate.stringValue)
    }

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
