import Foundation
import GRDB
import IAMSimCore

extension IAMStore {
    // MARK: - Access keys

    /// `ListAccessKeys`: the keys of `userName`, or of the caller when nil, oldest first.
    public func listAccessKeys(caller: Caller, userName: String? = nil) throws -> [AccessKeyMetadata] {
        try perform("ListAccessKeys", caller: caller, resource: userName) { db, principal, _ in
            let owner = try target(userName: userName, caller: principal, action: "ListAccessKeys", db)
            return try AccessKeyRecord.all().owned(by: OwnerKey(owner)).fetchAll(db).map {
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
        return try perform("CreateAccessKey", caller: caller, resource: id.rawValue) { db, principal, now in
            let owner = try target(userName: userName, caller: principal, action: "CreateAccessKey", db)
            let existing = try AccessKeyRecord.all().owned(by: OwnerKey(owner)).fetchCount(db)
            guard existing < AccessKeyRules.maxKeysPerIdentity else {
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
        try perform("UpdateAccessKey", caller: caller, resource: accessKeyID) { db, principal, _ in
            let owner = try target(userName: userName, caller: principal, action: "UpdateAccessKey", db)
            var key = try ownedKey(accessKeyID, owner: owner, db)
            key.status = status
            try key.update(db)
            return key.metadata(userName: owner.userName)
        }
    }

    /// `DeleteAccessKey`: deletes a key for good.
    public func deleteAccessKey(caller: Caller, accessKeyID: String, userName: String? = nil) throws {
        try perform("DeleteAccessKey", caller: caller, resource: accessKeyID) { db, principal, _ in
            let owner = try target(userName: userName, caller: principal, action: "DeleteAccessKey", db)
            try ownedKey(accessKeyID, owner: owner, db).delete(db)
        }
    }

    /// The key `id` if `owner` holds it; keys of other identities are as good as missing.
    private func ownedKey(_ id: String, owner: Principal, _ db: Database) throws -> AccessKeyRecord {
        let keyID = try AccessKeyID(validating: id)
        guard let key = try AccessKeyRecord.fetchOne(db, key: keyID.rawValue),
            OwnerKey(accountId: key.accountId, userId: key.userId) == OwnerKey(owner)
        else { throw IAMError.noSuchAccessKey(id) }
        return key
    }
}
