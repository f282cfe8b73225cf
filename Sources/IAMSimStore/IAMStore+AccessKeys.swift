import Foundation
import GRDB
import IAMSimCore
import IAMSimDatabase

extension IAMStore {
    // MARK: - Access keys

    /// `ListAccessKeys`: the keys of `userName`, or of the caller when nil, oldest first.
    ///
    /// - Parameter page: `Marker` and `MaxItems`; nil for every key.
    /// - Throws: `ValidationError` for a malformed name, or ("Invalid Marker.") a marker no page
    ///   of this list gave; `NoSuchEntity` for an unknown user; `AccessDenied` for another
    ///   user's keys, or a console caller not signed in.
    public func listAccessKeys(caller: Caller, userName: String? = nil, page: PageRequest? = nil) throws
        -> Page<AccessKeyMetadata>
    {
        try environment.perform(.listAccessKeys, caller: caller, resource: userName) { db, principal, _ in
            let owner = try target(userName: userName, caller: principal, action: .listAccessKeys, db)
            return try Pagination.page(page, of: .listAccessKeys, keyLength: 2) { after, limit in
                try AccessKeyRecord.owned(by: OwnerKey(owner), after: after, limit: limit, db)
            } key: {
                $0.pageKey
            }
            .mapItems { $0.metadata(userName: owner.userName) }
        }
    }

    /// `CreateAccessKey`: a new active key for `userName` (the caller when nil); its secret is
    /// returned now and never again.
    ///
    /// - Throws: `LimitExceeded` when the identity already has two keys, active or not;
    ///   `ValidationError` for a malformed name; `NoSuchEntity` for an unknown user;
    ///   `AccessDenied` for another user's keys, or a console caller not signed in.
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

    /// `UpdateAccessKey`: sets a key of `userName` (the caller when nil) Active or Inactive.
    ///
    /// - Throws: `ValidationError` for a malformed key id or name; `NoSuchEntity` for a key the
    ///   identity does not hold, or an unknown user; `AccessDenied` for another user's keys, or a
    ///   console caller not signed in.
    @discardableResult
    public func updateAccessKey(caller: Caller, accessKeyID: String, status: AccessKeyStatus, userName: String? = nil)
        throws
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

    /// `DeleteAccessKey`: deletes a key of `userName` (the caller when nil) for good, active or
    /// not, as the API does (the console insists on deactivating first). For a root key, the
    /// event records the status the key had, which the lesson reads.
    ///
    /// - Throws: as `updateAccessKey`.
    public func deleteAccessKey(caller: Caller, accessKeyID: String, userName: String? = nil) throws {
        try environment.performNoting(.deleteAccessKey, caller: caller, resource: accessKeyID) { db, principal, _ in
            let owner = try target(userName: userName, caller: principal, action: .deleteAccessKey, db)
            let key = try ownedKey(accessKeyID, owner: owner, db)
            try key.delete(db)
            return ((), EventNote(rootKeyStatus: key.userId == nil ? key.status : nil))
        }
    }

    /// `GetAccessKeyLastUsed`: when the key `accessKeyID` last signed a request, to which
    /// service and in which region, and whose key it is. Root may ask about any key of its
    /// account; an IAM user about its own, as AWS's self-management policy allows.
    ///
    /// - Throws: `ValidationError` for a malformed key id; `NoSuchEntity` for a key the
    ///   caller's account does not hold (AWS declares no error; iamsim answers as for the other
    ///   key operations); `AccessDenied` for another identity's key, or a console caller not
    ///   signed in.
    public func getAccessKeyLastUsed(caller: Caller, accessKeyID: String) throws -> AccessKeyLastUsed {
        try environment.perform(.getAccessKeyLastUsed, caller: caller, resource: accessKeyID) { db, principal, _ in
            let keyID = try AccessKeyID(validating: accessKeyID)
            guard let (key, credentials) = try signingCredentials(keyID.rawValue, db),
                key.accountId == principal.accountID.rawValue
            else {
                throw IAMError.noSuchAccessKey(accessKeyID)
            }
            try Permissions.authorize(principal, .getAccessKeyLastUsed, credentialsOf: credentials.principal)
            return AccessKeyLastUsed(
                userName: credentials.principal.userName, lastUsedDate: key.lastUsedDate,
                serviceName: key.lastUsedService, region: key.lastUsedRegion)
        }
    }

    // MARK: - Signing with a key

    /// What a request signed with the key `accessKeyID` is checked against (SigV4 derives its
    /// signing key from the secret): the secret, who holds the key, and its status, which the
    /// caller checks (an inactive key signs nothing). A read: it leaves no event and records no
    /// use (`useAccessKey` does, once the request is verified).
    ///
    /// - Throws: `InvalidClientTokenId` for a malformed or unknown key id, as AWS answers.
    public func signingCredentials(accessKeyID: String) throws -> SigningCredentials {
        try environment.reading { db in
            guard let (_, credentials) = try signingCredentials(accessKeyID, db) else {
                throw IAMError.invalidAccessKey
            }
            return credentials
        }
    }

    /// A program's use of the key `id` with its secret (the CLI's `access-keys use`): as
    /// `useAccessKey(_:for:service:region:verify:)` for STS `GetCallerIdentity`, the secret
    /// compared in constant time.
    ///
    /// - Throws: `InvalidClientTokenId` for a malformed, unknown or inactive key,
    ///   `SignatureDoesNotMatch` for a wrong secret. Both are logged.
    public func useAccessKey(_ id: String, secret: String, service: String, region: String?) throws -> Principal {
        try useAccessKey(id, for: .getCallerIdentity, service: service, region: region) {
            credentials throws(IAMError) in
            guard ConstantTime.equals(Array(secret.utf8), Array(credentials.secretAccessKey.utf8)) else {
                throw .wrongSecret
            }
        }
    }

    /// A request signed with the key `id`, for `action`: finds the key, lets `verify` check the
    /// request's proof (a SigV4 signature, a secret) against its credentials, and records the
    /// key's use (the date on its account's clock, `service` and `region`, as AWS's last-used
    /// tracking does), all in one transaction, so that a key deleted or deactivated meanwhile
    /// signs nothing. The secret never leaves this call but into `verify`.
    ///
    /// A refusal is logged under `action`, with the key's owner when the key exists. A success
    /// is logged only for STS `GetCallerIdentity`, which is nothing but the key's use; any other
    /// action logs its own event when it runs.
    ///
    /// - Returns: the key's owner, who signed the request.
    /// - Throws: `InvalidClientTokenId` for a malformed, unknown or inactive key (before any
    ///   verification); what `verify` throws.
    public func useAccessKey(
        _ id: String, for action: IAMAction, service: String, region: String?,
        verify: (SigningCredentials) throws(IAMError) -> Void
    ) throws -> Principal {
        try environment.writing { db -> UseOutcome in
            guard let (record, credentials) = try signingCredentials(id, db) else {
                try EventLog.append(
                    db, name: action, time: environment.clock.realNow(), outcome: .failure,
                    error: .invalidAccessKey, resource: id)
                return .failed(.invalidAccessKey)
            }
            let owner = credentials.principal
            let now = try environment.clock.now(db, account: owner.accountID)
            var refusal: IAMError? = credentials.status == .active ? nil : .invalidAccessKey
            if refusal == nil {
                do throws(IAMError) {
                    try verify(credentials)
                } catch {
                    refusal = error
                }
            }
            if let refusal {
                try EventLog.append(
                    db, name: action, time: now, account: owner.accountID, actor: owner.arn, outcome: .failure,
                    error: refusal, resource: id)
                return .failed(refusal)
            }
            var key = record
            key.lastUsedDate = now
            key.lastUsedService = service
            key.lastUsedRegion = region
            try key.update(db)
            if action == .getCallerIdentity {
                try EventLog.append(
                    db, name: action, time: now, account: owner.accountID, actor: owner.arn, resource: id)
            }
            return .used(owner)
        }.principal()
    }

    // MARK: - Helpers

    /// The key `id` with its signing credentials, nil for a malformed or unknown id.
    private func signingCredentials(_ id: String, _ db: Database) throws -> (AccessKeyRecord, SigningCredentials)? {
        guard let keyID = AccessKeyID(rawValue: id), let key = try AccessKeyRecord.find(db, key: keyID.rawValue) else {
            return nil
        }
        let owner: Principal =
            if let userId = key.userId, let user = try UserRecord.find(db, key: userId) {
                .user(user.user)
            } else {
                .root(AccountID(known: key.accountId))
            }
        return (
            key,
            SigningCredentials(
                accessKeyID: keyID, secretAccessKey: key.secretAccessKey, principal: owner, status: key.status)
        )
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
