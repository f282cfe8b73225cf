import Foundation
import GRDB
import IAMSimCore

/// A row of `accessKey`. The secret is kept so that a future Query API can verify SigV4
/// signatures; no read operation ever returns it.
struct AccessKeyRecord: Codable, Hashable {
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
        static let id = Column(CodingKeys.id)
        static let accountId = Column(CodingKeys.accountId)
        static let userId = Column(CodingKeys.userId)
        static let status = Column(CodingKeys.status)
        static let createDate = Column(CodingKeys.createDate)
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
