import Foundation
import GRDB

/// A row of `consoleSession`.
struct SessionRecord: Hashable {
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

    // Mapped by hand, not through Codable (see Row+Columns.swift).
    init(row: Row) throws {
        id = row["id"]
        accountId = row["accountId"]
        userId = row["userId"]
        mfaUsed = row["mfaUsed"]
        createDate = try row.storedDate("createDate")
        expireDate = try row.storedDate("expireDate")
        endDate = try row.storedDateIfPresent("endDate")
    }

    func encode(to container: inout PersistenceContainer) {
        container["id"] = id
        container["accountId"] = accountId
        container["userId"] = userId
        container["mfaUsed"] = mfaUsed
        container["createDate"] = createDate.stored
        container["expireDate"] = expireDate.stored
        container["endDate"] = endDate.stored
    }

    enum Columns {
        static let id = Column("id")
        static let accountId = Column("accountId")
        static let userId = Column("userId")
        static let createDate = Column("createDate")
        static let expireDate = Column("expireDate")
        static let endDate = Column("endDate")
    }
}

extension DerivableRequest<SessionRecord> {
    /// Sessions neither signed out nor expired at `now`, newest first.
    func open(at now: Date) -> Self {
        filter(SessionRecord.Columns.endDate == nil && SessionRecord.Columns.expireDate > now.stored)
            .order(SessionRecord.Columns.createDate.desc, Column.rowID.desc)
    }
}
