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
            return try Pagination.page(page, of: .listAccessKeys) { after, limit in
                try AccessKeyRecord.owned(by: OwnerKey(owner), after: after, limit: limit, db)
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
            // Temporary credentials (`ASIA…`) have no last use to report: AWS answers for access keys.
            guard case .longTerm(let key)? = try SigningKey.find(keyID.rawValue, db),
                key.accountId == principal.accountID.rawValue
            else {
                throw IAMError.noSuchAccessKey(accessKeyID)
            }
            let credentials = try SigningKey.longTerm(key).credentials(db)
            try Permissions.authorize(principal, .getAccessKeyLastUsed, credentialsOf: credentials.principal)
            return AccessKeyLastUsed(
                userName: credentials.principal.userName, lastUsedDate: key.lastUsedDate,
                serviceName: key.lastUsedService, region: key.lastUsedRegion)
        }
    }

    // MARK: - Signing with a key

    /// What a request signed with the key `accessKeyID` is checked against (SigV4 derives its
    /// signing key from the secret): the secret, who holds the key, and its status, which the
    /// caller checks (an inactive key signs nothing); for temporary credentials (`ASIA…`, from
    /// STS `GetSessionToken`) also their session. A read: it leaves no event and records no
    /// use (`authenticate` does, once the request is verified).
    ///
    /// - Throws: `InvalidClientTokenId` for a malformed or unknown key id, as AWS answers.
    public func signingCredentials(accessKeyID: String) throws -> SigningCredentials {
        try environment.reading { db in
            guard let key = try SigningKey.find(accessKeyID, db) else { throw IAMError.invalidAccessKey }
            return try key.credentials(db)
        }
    }

    /// A program's use of the key `id` with its secret (the CLI's `access-keys use`): as
    /// `authenticate` for STS `GetCallerIdentity`, the secret compared in constant time.
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

    /// `authenticate` for a request without a session token, from the command line: the key's
    /// owner.
    ///
    /// - Throws: as `authenticate`.
    public func useAccessKey(
        _ id: String, for action: IAMAction, service: String, region: String?,
        verify: (SigningCredentials) throws(IAMError) -> Void
    ) throws -> Principal {
        let caller = try authenticate(
            accessKeyID: id, securityToken: nil, for: action, service: service, region: region, origin: .commandLine,
            verify: verify)
        guard case .principal(let principal) = caller.identity else { throw IAMError.invalidAccessKey }
        return principal
    }

    /// A request signed with the key `id` (and `securityToken`, for temporary credentials),
    /// for `action`: finds the key, lets `verify` check the request's proof (a SigV4 signature,
    /// a secret) against its credentials, and records a long-term key's use (the date on its
    /// account's clock, `service` and `region`, as AWS's last-used tracking does), all in one
    /// transaction, so that a key deleted or deactivated meanwhile signs nothing. The secret
    /// never leaves this call but into `verify`.
    ///
    /// Temporary credentials (`ASIA…`) sign until they expire on their account's clock, even
    /// once the key that asked for them is deactivated or deleted (AWS cannot revoke them
    /// either); they end with their user. Without MFA they cannot call IAM.
    ///
    /// A refusal is logged under `action`, with the key's owner when the key exists. A success
    /// is logged only for STS `GetCallerIdentity`, which is nothing but the key's use; any other
    /// action logs its own event when it runs.
    ///
    /// With `unknownKeys` `.actAsRoot` (moto's server mode), a key the database does not hold
    /// (a malformed one too, such as moto's `testing`) acts as that account's root user,
    /// unverified and without a session, whatever `securityToken` says; its use is logged as a
    /// known key's is (only for `GetCallerIdentity`).
    ///
    /// - Returns: the caller the request acts as: the key's owner, with the key, its session
    ///   (for temporary credentials) and `origin`.
    /// - Throws: `InvalidClientTokenId` for a malformed, unknown or inactive key (with AWS's
    ///   final period), and (without it) for a session token that is missing, wrong, or sent
    ///   with a long-term key, and for temporary credentials without MFA calling IAM;
    ///   `ExpiredToken` for expired temporary credentials; all before any verification but the
    ///   last. What `verify` throws.
    public func authenticate(
        accessKeyID id: String, securityToken: String?, for action: IAMAction, service: String, region: String?,
        origin: RequestOrigin, unknownKeys: UnknownKeyPolicy = .refused,
        verify: (SigningCredentials) throws(IAMError) -> Void
    ) throws -> Caller {
        try environment.writing { db -> UseOutcome in
            guard let key = try SigningKey.find(id, db) else {
                if case .actAsRoot(let chosen) = unknownKeys, let account = try Self.rootAccount(chosen, db) {
                    let root = Principal.root(account)
                    if action == .getCallerIdentity {
                        try EventLog.append(
                            db, name: action, time: try environment.clock.now(db, account: account), account: account,
                            actor: root.arn, resource: id, request: EventLog.Request(origin: origin, accessKeyID: id))
                    }
                    return .used(.principal(root, origin: origin, accessKeyID: id))
                }
                let error: IAMError = securityToken == nil ? .invalidAccessKey : .invalidSessionToken
                try EventLog.append(
                    db, name: action, time: environment.clock.realNow(), outcome: .failure, error: error, resource: id,
                    request: EventLog.Request(origin: origin, accessKeyID: id))
                return .failed(error)
            }
            let credentials = try key.credentials(db)
            let request = EventLog.Request(
                origin: origin, accessKeyID: id, mfaAuthenticated: credentials.session?.mfaAuthenticated)
            let owner = credentials.principal
            let now = try environment.clock.now(db, account: owner.accountID)
            var refusal: IAMError?
            switch key {
            case .longTerm:
                if credentials.status != .active {
                    refusal = .invalidAccessKey
                } else if securityToken != nil {
                    refusal = .invalidSessionToken
                }
            case .temporary(let session):
                if let securityToken, session.matches(token: securityToken) {
                    if now >= session.expiration { refusal = .expiredSessionToken }
                } else {
                    refusal = .invalidSessionToken
                }
            }
            if refusal == nil {
                do throws(IAMError) {
                    try verify(credentials)
                    if let session = credentials.session { try SessionTokenRules.authorize(action, session: session) }
                } catch {
                    refusal = error
                }
            }
            if let refusal {
                try EventLog.append(
                    db, name: action, time: now, account: owner.accountID, actor: owner.arn, outcome: .failure,
                    error: refusal, resource: id, request: request)
                return .failed(refusal)
            }
            // Times are whole seconds: requests in the same second, service and region leave the
            // row as it is, so a busy client's reads cost no write (docs/performance.md).
            if case .longTerm(var record) = key,
                record.lastUsedDate != now || record.lastUsedService != service || record.lastUsedRegion != region
            {
                record.lastUsedDate = now
                record.lastUsedService = service
                record.lastUsedRegion = region
                try record.update(db)
            }
            if action == .getCallerIdentity {
                try EventLog.append(
                    db, name: action, time: now, account: owner.accountID, actor: owner.arn, resource: id,
                    request: request)
            }
            return .used(.principal(owner, origin: origin, accessKeyID: id, session: credentials.session))
        }.caller()
    }

    /// Logs `action` refused for `caller` before it reached its operation (the Query API's
    /// check of a request's parameters against AWS's model), as operations log their own
    /// refusals.
    public func recordRefusal(_ action: IAMAction, caller: Caller, error: IAMError) throws {
        var actor: Principal?
        if case .principal(let principal) = caller.identity { actor = principal }
        try environment.logFailure(action, actor: actor, caller: caller, error: error, resource: nil)
    }

    // MARK: - Helpers

    /// The account whose root unknown keys act as (`UnknownKeyPolicy.actAsRoot`): `chosen`
    /// when it exists, else the first account created; nil when there is none.
    private static func rootAccount(_ chosen: AccountID?, _ db: Database) throws -> AccountID? {
        let id: String? =
            if let chosen {
                try db.firstValue("SELECT id FROM account WHERE id = ?", arguments: [chosen.rawValue])
            } else {
                try db.firstValue("SELECT id FROM account ORDER BY rowid LIMIT 1")
            }
        return id.map(AccountID.init(known:))
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
    case used(Caller)
    case failed(IAMError)

    func caller() throws -> Caller {
        switch self {
        case .used(let caller): caller
        case .failed(let error): throw error
        }
    }
}

/// A key that signs requests: a long-term access key, or STS temporary credentials.
private enum SigningKey {
    case longTerm(AccessKeyRecord)
    case temporary(SessionCredentialRecord)

    /// The key `id`, looked up among access keys, then temporary credentials; nil for a
    /// malformed or unknown id.
    static func find(_ id: String, _ db: Database) throws -> SigningKey? {
        guard let keyID = AccessKeyID(rawValue: id) else { return nil }
        if let key = try AccessKeyRecord.find(db, key: keyID.rawValue) { return .longTerm(key) }
        if let session = try SessionCredentialRecord.find(db, key: keyID.rawValue) { return .temporary(session) }
        return nil
    }

    /// The secret, the holder, and for temporary credentials their session (always active:
    /// they end by expiring).
    func credentials(_ db: Database) throws -> SigningCredentials {
        switch self {
        case .longTerm(let key):
            SigningCredentials(
                accessKeyID: AccessKeyID(known: key.id), secretAccessKey: key.secretAccessKey,
                principal: try Self.principal(key.owner, db), status: key.status)
        case .temporary(let session):
            SigningCredentials(
                accessKeyID: AccessKeyID(known: session.id), secretAccessKey: session.secretAccessKey,
                principal: try Self.principal(session.owner, db), status: .active, session: session.session)
        }
    }

    /// The identity `owner` names: its user, else the root user.
    private static func principal(_ owner: OwnerKey, _ db: Database) throws -> Principal {
        if let userId = owner.userId, let user = try UserRecord.find(db, key: userId) { return .user(user.user) }
        return .root(AccountID(known: owner.accountId))
    }
}
