import Foundation
import GRDB
import IAMSimDatabase
import IAMSimCore

extension IAMStore {
    // MARK: - Access keys

    /// `ListAccessKeys`: the keys of `userName`, or of the caller when nil, oldest first.
    public func listAccessKeys(caller: Caller, userName: String? = nil) throws -> [AccessKeyMetadata] {
        try environment.perform(.listAccessKeys, caller: caller, resource: userName) { db, principal, _ in
            let owner = try target(userName: userName, caller: principal, action: .listAccessKeys, db)
            return try AccessKeyRecord.owned(by: OwnerKey(owner), db).map {
                $0.metadata(userName: owner.userName)
            }
        }
    }

    /// `CreateAccessKey`: a new active key; its secret is returned now and never again.
    ///
    /// - Throws: `LimitExceeded` when the identity already has two keys, active or not.
    @discardableResult
    public func createAccessKey(caller: Caller, userName: String? = nil) throws -> NewAccessKey {
        let id = secrets.accessKeyID()
        return try environment.perform(.createAccessKey, caller: caller, resource: id.rawValue) { db, principal, now in
            let owner = try target(userName: userName, caller: principal, action: .createAccessKey, db)
            guard try AccessKeyRecord.count(ownedBy: OwnerKey(owner), db) < AccessKeyRules.maxKeysPerIdentity else {
                throw IAMError.quotaExceeded("AccessKeysPerUser", AccessKeyRules.maxKeysPerIdentity)
            }
            let key = AccessKeyRecord(
                id: id.rawValue, accountId: owner.accountID.rawValue, userId: OwnerKey(owner).userId,
                secretAccessKey: secrets.secretAccessKey(), status: .active, createDate: now)
            try key.insert(db)
            return NewAccessKey(metadata: key.metadata(userName: owner.userName), secretAccessKey: key.secretAccessKey)
        }
    }

    /// `UpdateAccessKey`: sets a key Active or Inactive.
    @discardableResult
    public func updateAccessKey(caller: Caller, accessKeyID: String, status: AccessKeyStatus, userName: String? = nil) throws
        -> AccessKeyMetadata
    {
        try environment.perform(.updateAccessKey, caller: caller, resource: accessKeyID) { db, principal, _ in
            let owner = try target(userName: userName, caller: principal, action: .updateAccessKey, db)
            var key = try ownedKey(accessKeyID, owner: owner, db)
            key.status = status
            try key.update(db)
            return key.metadata(userName: owner.userName)
        }
    }

    /// `DeleteAccessKey`: deletes a key for good, active or not, as the API does (the console
    /// insists on deactivating first). For a root key, the event records the status the key had,
    /// which the lesson reads.
    public func deleteAccessKey(caller: Caller, accessKeyID: String, userName: String? = nil) throws {
        try environment.performNoting(.deleteAccessKey, caller: caller, resource: accessKeyID) { db, principal, _ in
            let owner = try target(userName: userName, caller: principal, action: .deleteAccessKey, db)
            let key = try ownedKey(accessKeyID, owner: owner, db)
            try key.delete(db)
            return ((), EventNote(rootKeyStatus: key.userId == nil ? key.status : nil))
        }
    }

    /// A program's request signed with an access key: authenticates the key and its secret,
    /// records the key's use (date, service, region) as AWS's last-used tracking does, and
    /// answers as STS `GetCallerIdentity` would.
    ///
    /// - Throws: `InvalidClientTokenId` for an unknown or inactive key, `SignatureDoesNotMatch`
    ///   for a wrong secret. Both are logged.
    public func useAccessKey(_ id: String, secret: String, service: String, region: String?) throws -> Principal {
        do {
            return try environment.writing { db -> UseOutcome in
                guard AccessKeyID(rawValue: id) != nil, var key = try AccessKeyRecord.find(db, key: id) else {
                    try EventLog.append(
                        db, name: .getCallerIdentity, time: environment.clock.realNow(), outcome: .failure, error: .invalidAccessKey,
                        resource: id)
                    return .failed(.invalidAccessKey)
                }
                let owner: Principal =
                    if let userId = key.userId, let user = try UserRecord.find(db, key: userId) {
                        .user(user.user)
                    } else {
                        .root(AccountID(known: key.accountId))
                    }
                let now = try environment.clock.now(db, account: owner.accountID)
                let error: IAMError? =
                    key.status != .active
                    ? .invalidAccessKey
                    : (ConstantTime.equals(Array(secret.utf8), Array(key.secretAccessKey.utf8)) ? nil : .wrongSecret)
                if let error {
                    try EventLog.append(
                        db, name: .getCallerIdentity, time: now, account: owner.accountID, actor: owner.arn, outcome: .failure,
                        error: error, resource: id)
                    return .failed(error)
                }
                key.lastUsedDate = now
                key.lastUsedService = service
                key.lastUsedRegion = region
                try key.update(db)
                try EventLog.append(db, name: .getCallerIdentity, time: now, account: owner.accountID, actor: owner.arn, resource: id)
                return .used(owner)
            }.principal()
        }
    }

    /// The key `id` if `owner` holds it; keys of other identities are as good as missing.
    private func ownedKey(_ id: String, owner: Principal, _ db: Database) throws -> AccessKeyRecord {
        let keyID = try AccessKeyID(validating: id)
        guard let key = try AccessKeyRecord.find(keyID.rawValue, ownedBy: OwnerKey(owner), db) else {
            throw IAMError.noSuchAccessKey(id)
        }
        return key
    }
}

/// A key use's result; a refused use commits its event, then throws.
private enum UseOutcome {
    case used(Principal)
    case failed(IAMError)

    func principal() throws -> Principal {
        switch self {
        case .used(let principal): principal
        case .failed(let error): throw error
        }
    }
}
