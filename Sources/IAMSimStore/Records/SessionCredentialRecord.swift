import Foundation
import GRDB
import IAMSimCore
import IAMSimDatabase

/// A row of `sessionCredential`: temporary credentials STS `GetSessionToken` issued. The secret
/// is kept for verifying SigV4 signatures; of the session token only its digest
/// (`SessionCredentials.tokenDigest`).
struct SessionCredentialRecord: Hashable {
    /// The `ASIA…` access key id.
    var id: String
    var accountId: String
    /// The owning user's id; nil for the root user.
    var userId: String?
    /// The long-term key that signed the `GetSessionToken` request; nil when the caller was
    /// authenticated otherwise.
    var parentAccessKeyId: String?
    var secretAccessKey: String
    var sessionTokenDigest: String
    var mfaAuthenticated: Bool
    /// The MFA device whose code authenticated the session, when one did.
    var serialNumber: String?
    var createDate: Date
    var expiration: Date
}

extension SessionCredentialRecord: StoredRecord {
    enum Column: String, CaseIterable {
        case id, accountId, userId, parentAccessKeyId, secretAccessKey, sessionTokenDigest, mfaAuthenticated
        case serialNumber, createDate, expiration
    }

    static let tableName = "sessionCredential"

    init(_ row: ColumnReader<Column>) throws {
        try self.init(
            id: row.value(.id), accountId: row.value(.accountId), userId: row.value(.userId),
            parentAccessKeyId: row.value(.parentAccessKeyId), secretAccessKey: row.value(.secretAccessKey),
            sessionTokenDigest: row.value(.sessionTokenDigest), mfaAuthenticated: row.value(.mfaAuthenticated),
            serialNumber: row.value(.serialNumber), createDate: row.date(.createDate),
            expiration: row.date(.expiration))
    }

    func value(of column: Column) -> (any DatabaseValueConvertible)? {
        switch column {
        case .id: id
        case .accountId: accountId
        case .userId: userId
        case .parentAccessKeyId: parentAccessKeyId
        case .secretAccessKey: secretAccessKey
        case .sessionTokenDigest: sessionTokenDigest
        case .mfaAuthenticated: mfaAuthenticated
        case .serialNumber: serialNumber
        case .createDate: createDate.stored
        case .expiration: expiration.stored
        }
    }

    /// Who the credentials belong to.
    var owner: OwnerKey { OwnerKey(accountId: accountId, userId: userId) }

    /// The session, as CloudTrail's `sessionContext` and STS's rules read it.
    var session: SessionContext {
        SessionContext(creationDate: createDate, mfaAuthenticated: mfaAuthenticated, expiration: expiration)
    }

    /// Whether `token` is this session's token, compared in constant time.
    func matches(token: String) -> Bool {
        ConstantTime.equals(
            Array(SessionCredentials.tokenDigest(token).utf8), Array(sessionTokenDigest.utf8))
    }
}
