import Foundation
import GRDB
import IAMSimCore
import IAMSimDatabase
import IAMSimMacros

/// A row of `sessionCredential`: temporary credentials STS `GetSessionToken` issued. The secret
/// is kept for verifying SigV4 signatures; of the session token only its digest
/// (`SessionCredentials.tokenDigest`).
@StoredColumns
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
    static let tableName = "sessionCredential"

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
