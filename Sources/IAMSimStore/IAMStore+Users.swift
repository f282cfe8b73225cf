import Foundation
import GRDB
import IAMSimCore
import IAMSimDatabase

extension IAMStore {
    // MARK: - Users

    /// `CreateUser`, with `tags` (AWS's `Tags`) when given.
    ///
    /// - Returns: the user, with its tags.
    /// - Throws: `EntityAlreadyExists` (names are case-insensitive), `ValidationError`,
    ///   `LimitExceeded` past AWS's default 5,000 users or 50 tags; `InvalidInput` for tag keys
    ///   repeated ignoring case; `AccessDenied` for an IAM user, or a console caller not signed in.
    @discardableResult
    public func createUser(caller: Caller, userName: String, path: String = "/", tags: [Tag] = []) throws -> User {
        let userID = secrets.userID()
        return try environment.perform(.createUser, caller: caller, resource: userName) { db, principal, now in
            try Permissions.authorizeAdministration(principal, .createUser, resource: userARN(principal, userName))
            try IAMName.validate(userName, parameter: "userName", maxLength: IdentityRules.userNameMaxLength)
            try IdentityRules.validatePath(path)
            try TagRules.validate(tags)
            try requireUnusedName(userName, in: principal.accountID, except: nil, db)
            guard try UserRecord.count(in: principal.accountID.rawValue, db) < IdentityRules.maxUsers else {
                throw IAMError.quotaExceeded("UsersPerAccount", IdentityRules.maxUsers)
            }
            let record = UserRecord(
                id: userID, accountId: principal.accountID.rawValue, userName: userName, path: path, createDate: now)
            try record.insert(db)
            for tag in tags { try UserTagRecord.set(tag, ofUser: record.id, db) }
            return try tagged(record, db)
        }
    }

    /// `GetUser`: the user `userName`, or the caller when it is an IAM user and `userName` is
    /// nil, with its tags.
    ///
    /// - Throws: `NoSuchEntity` for an unknown user (or root, which is no IAM user:
    ///   `getRootUser`); `ValidationError` for a malformed name; `AccessDenied` for another user,
    ///   or a console caller not signed in.
    public func getUser(caller: Caller, userName: String?) throws -> User {
        try environment.perform(.getUser, caller: caller, resource: userName) { db, principal, _ in
            guard let userName else {
                guard case .user(let user) = principal else { throw IAMError.noSuchUser("root") }
                return try tagged(try self.user(named: user.userName, in: user.accountID, db), db)
            }
            let record = try user(named: userName, in: principal.accountID, db)
            try Permissions.authorize(principal, .getUser, credentialsOf: .user(record.user))
            return try tagged(record, db)
        }
    }

    /// `GetUser` without a user name, called by the root user: AWS answers with the root user
    /// (its id is the account id, its ARN ends in `:root`), its creation date and when its
    /// password was last used.
    ///
    /// - Throws: `NoSuchEntity` ("The user with name root cannot be found.") for anyone but the
    ///   root user; `AccessDenied` when a console caller is not signed in.
    public func getRootUser(caller: Caller) throws -> RootUser {
        try environment.perform(.getUser, caller: caller, resource: nil) { db, principal, _ in
            guard case .root(let accountID) = principal else { throw IAMError.noSuchUser("root") }
            let account = try AccountRecord.existing(accountID, db)
            return RootUser(
                accountID: accountID, createDate: account.createDate, passwordLastUsed: account.rootPasswordLastUsed)
        }
    }

    /// `ListUsers`: the account's users by name (ignoring case), those under `pathPrefix` when
    /// given.
    ///
    /// - Parameter page: `Marker` and `MaxItems`; nil for every user.
    /// - Throws: `ValidationError` ("Invalid Marker.") for a marker no page of this list gave;
    ///   `AccessDenied` for an IAM user (only root administers users here), or a console caller
    ///   not signed in.
    public func listUsers(caller: Caller, pathPrefix: String? = nil, page: PageRequest? = nil) throws -> Page<User> {
        try environment.perform(.listUsers, caller: caller, resource: nil) { db, principal, _ in
            try Permissions.authorizeAdministration(principal, .listUsers, resource: userARN(principal, "*"))
            return try Pagination.page(page, of: .listUsers) { after, limit in
                try UserRecord.byName(
                    in: principal.accountID.rawValue, pathPrefix: pathPrefix, after: after, limit: limit, db)
            }
            .mapItems(\.user)
        }
    }

    /// `UpdateUser`: renames the user `userName` to `newUserName` and/or moves it to `newPath`.
    /// The user keeps its id, so its credentials, groups and console sessions stay its own;
    /// the event log keeps the ARNs it recorded, as history. Neither given changes nothing.
    ///
    /// - Returns: the user as updated.
    /// - Throws: `ValidationError` for a malformed name or path; `NoSuchEntity` for an unknown
    ///   user; `EntityAlreadyExists` when another user has the new name (names ignore case);
    ///   `AccessDenied` for an IAM user (only root administers users here), or a console caller
    ///   not signed in.
    @discardableResult
    public func updateUser(caller: Caller, userName: String, newUserName: String? = nil, newPath: String? = nil) throws
        -> User
    {
        try environment.perform(.updateUser, caller: caller, resource: userName) { db, principal, _ in
            try Permissions.authorizeAdministration(principal, .updateUser, resource: userARN(principal, userName))
            if let newUserName {
                try IAMName.validate(newUserName, parameter: "newUserName", maxLength: IdentityRules.userNameMaxLength)
            }
            if let newPath { try IdentityRules.validatePath(newPath) }
            var user = try user(named: userName, in: principal.accountID, db)
            if let newUserName {
                try requireUnusedName(newUserName, in: principal.accountID, except: user.id, db)
                user.userName = newUserName
            }
            user.path = newPath ?? user.path
            try user.update(db)
            return user.user
        }
    }

    /// `DeleteUser`.
    ///
    /// - Throws: `DeleteConflict` while the user still has a console password, access keys,
    ///   MFA devices or group memberships, with AWS's message for the first one found;
    ///   `ValidationError` for a malformed name; `NoSuchEntity` for an unknown user;
    ///   `AccessDenied` for an IAM user, or a console caller not signed in.
    public func deleteUser(caller: Caller, userName: String) throws {
        try environment.perform(.deleteUser, caller: caller, resource: userName) { db, principal, _ in
            try Permissions.authorizeAdministration(principal, .deleteUser, resource: userARN(principal, userName))
            let user = try user(named: userName, in: principal.accountID, db)
            let checks: [(String, String)] = [
                ("SELECT count(*) FROM loginProfile WHERE userId = ?", "must delete login profile first"),
                ("SELECT count(*) FROM accessKey WHERE userId = ?", "must delete access keys first"),
                ("SELECT count(*) FROM mfaDevice WHERE userId = ?", "must delete MFA device first"),
                ("SELECT count(*) FROM groupMembership WHERE userId = ?", "must remove users from group first"),
            ]
            for (sql, reason) in checks {
                let count: Int? = try db.firstValue(sql, arguments: [user.id])
                guard (count ?? 0) == 0 else { throw IAMError.deleteConflict("Cannot delete entity, \(reason).") }
            }
            // Sessions end with the user; its past events stay in the log.
            try SessionRecord.deleteAll(ofUser: user.id, onlyOpen: false, db)
            try user.delete(db)
        }
    }

    /// What still keeps `userName` from being deleted, as `deleteUser` checks it: its console
    /// password, access keys, MFA devices and group memberships. A read for the hint after a
    /// `DeleteConflict`: it leaves no event.
    ///
    /// - Throws: `AccessDenied` for a caller that may not delete the user, `NoSuchEntity`.
    public func deleteUserConflicts(caller: Caller, userName: String) throws -> UserAttachments {
        try environment.reading { db in
            let (principal, _) = try environment.resolve(caller, db)
            try Permissions.authorizeAdministration(principal, .deleteUser, resource: userARN(principal, userName))
            let user = try user(named: userName, in: principal.accountID, db)
            let hasLoginProfile: Int? = try db.firstValue(
                "SELECT count(*) FROM loginProfile WHERE userId = ?", arguments: [user.id])
            return UserAttachments(
                userName: user.userName,
                hasLoginProfile: (hasLoginProfile ?? 0) > 0,
                accessKeyIDs: try db.firstColumn(
                    "SELECT id FROM accessKey WHERE userId = ? ORDER BY createDate, id", arguments: [user.id]),
                mfaDeviceNames: try db.firstColumn(
                    "SELECT deviceName FROM mfaDevice WHERE userId = ? ORDER BY createDate, deviceName",
                    arguments: [user.id]),
                groupNames: try db.firstColumn(
                    """
                    SELECT g.groupName FROM groupMembership m JOIN iamGroup g ON g.id = m.groupId
                    WHERE m.userId = ? ORDER BY g.groupName
                    """, arguments: [user.id]))
        }
    }

    /// What an IAM user still has that `DeleteUser` refuses to delete with it.
    public struct UserAttachments: Equatable, Sendable {
        /// The user's name as stored (names match case-insensitively).
        public var userName: String
        public var hasLoginProfile: Bool
        public var accessKeyIDs: [String]
        public var mfaDeviceNames: [String]
        public var groupNames: [String]

        public var isEmpty: Bool {
            !hasLoginProfile && accessKeyIDs.isEmpty && mfaDeviceNames.isEmpty && groupNames.isEmpty
        }
    }

    /// Refuses `name` when a user of `account` other than `userID` has it (names ignore case).
    ///
    /// - Throws: `EntityAlreadyExists` in AWS's words.
    private func requireUnusedName(_ name: String, in account: AccountID, except userID: String?, _ db: Database) throws
    {
        if let taken = try UserRecord.named(name, in: account.rawValue, db), taken.id != userID {
            throw IAMError.entityAlreadyExists("User with name \(name) already exists.")
        }
    }

    /// The user `record` with its tags.
    func tagged(_ record: UserRecord, _ db: Database) throws -> User {
        var user = record.user
        user.tags = try UserTagRecord.tags(ofUser: record.id, db).map(\.tag)
        return user
    }

    func userARN(_ principal: Principal, _ name: String) -> String {
        "arn:aws:iam::\(principal.accountID.rawValue):user/\(name)"
    }
}
