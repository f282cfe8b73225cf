import Foundation
import GRDB
import IAMSimCore

/// A row of `accessKey`. The secret is kept so that a future Query API can verify SigV4
/// signatures; no read operation ever returns it.
struct AccessKeyRecord: Hashable {
    var id: String
    var accountId: String
    /// The owning user's id; nil for the root user.
    var userId: String?
    var secretAccessKey: String
    var status: AccessKeyStatus
    var createDate: Date
    var lastUsedDate: Date?
    var lastUsedService: String?
    var lastUsedRegion: String?
}

extension AccessKeyRecord: FetchableRecord, PersistableRecord {
    static let databaseTableName = "accessKey"

    enum Columns {
        static let id = Column("id")
        static let accountId = Column("accountId")
        static let userId = Column("userId")
        static let status = Column("status")
        static let createDate = Column("createDate")
    }

    // Mapped by hand, not through Codable (see Row+Columns.swift).
    init(row: Row) throws {
        id = row["id"]
        accountId = row["accountId"]
        userId = row["userId"]
        secretAccessKey = row["secretAccessKey"]
        status = try row.textCase("status")
        createDate = try row.storedDate("createDate")
        lastUsedDate = try row.storedDateIfPresent("lastUsedDate")
        lastUsedService = row["lastUsedService"]
        lastUsedRegion = row["lastUsedRegion"]
    }

    func encode(to container: inout PersistenceContainer) {
        container["id"] = id
        container["accountId"] = accountId
        container["userId"] = userId
        container["secretAccessKey"] = secretAccessKey
        container["status"] = status.rawValue
        container["createDate"] = createDate.stored
        container["lastUsedDate"] = lastUsedDate.stored
        container["lastUsedService"] = lastUsedService
        container["lastUsedRegion"] = lastUsedRegion
    }

    func metadata(userName: String?) -> AccessKeyMetadata {
        AccessKeyMetadata(
            userName: userName, accessKeyID: AccessKeyID(known: id), status: status, createDate: createDate,
            lastUsedDate: lastUsedDate)
    }
}

extension DerivableRequest<AccessKeyRecord> {
    /// The keys `owner` holds, oldest first.
    func owned(by owner: OwnerKey) -> Self {
        let request = filter(AccessKeyRecord.Columns.accountId == owner.accountId)
        let owned =
            if let userId = owner.userId {
                request.filter(AccessKeyRecord.Columns.userId == userId)
            } else {
                request.filter(AccessKeyRecord.Columns.userId == nil)
            }
        return owned.order(AccessKeyRecord.Columns.createDate, AccessKeyRecord.Columns.id)
    }
}
