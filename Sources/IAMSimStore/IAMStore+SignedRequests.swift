import Foundation
import GRDB
import IAMSimCore
import IAMSimDatabase

extension IAMStore {
    // MARK: - Signed requests (the Query API)

    /// Authenticates a request signed with the access key `accessKeyID`: finds the key, lets
    /// `verify` check the request's signature with its secret (in the caller's code, so the
    /// secret never leaves this call), and records the key's use (the date on the account's
    /// clock, and the signature scope's service and region) as AWS's last-used tracking does.
    ///
    /// - Parameter action: the action requested, logged with the failure when the key is refused.
    /// - Returns: the key's owner.
    /// - Throws: `IAMError.invalidAccessKey` for a key that is unknown, deleted or inactive
    ///   (nothing is verified then); whatever `verify` throws. A refused key is logged under
    ///   `action`, with the key's owner when the key exists.
    public func authenticate(
        accessKeyID: String, service: String, region: String, action: IAMAction,
        verify: (_ secretAccessKey: String) throws -> Void
    ) throws -> Principal {
        let found: (AccessKeyRecord, Principal)? = try reading { db in
            guard AccessKeyID(rawValue: accessKeyID) != nil, let key = try AccessKeyRecord.find(key: accessKeyID, db) else {
                return nil
            }
            return (key, try owner(of: key, db))
        }
        guard let (key, owner) = found, key.status == .active else {
            try logFailure(
                action, actor: found?.1, caller: found.map { .principal($0.1) } ?? .console(account: nil),
                error: .invalidAccessKey, resource: accessKeyID)
            throw IAMError.invalidAccessKey
        }
        try verify(key.secretAccessKey)
        try writing { db in
            guard var current = try AccessKeyRecord.find(key: accessKeyID, db), current.status == .active else {
                throw IAMError.invalidAccessKey
            }
            current.lastUsedDate = try clock.now(db, account: owner.accountID)
            current.lastUsedService = service
            current.lastUsedRegion = region
            try current.updateRow(db)
        }
        return owner
    }

    /// The identity an access key belongs to: its user, or the account's root user.
    func owner(of key: AccessKeyRecord, _ db: Database) throws -> Principal {
        if let userId = key.userId, let user = try UserRecord.find(key: userId, db) { return .user(user.user) }
        return .root(AccountID(known: key.accountId))
    }
}
