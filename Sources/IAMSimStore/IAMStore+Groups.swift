import Foundation
import GRDB
import IAMSimCore
import IAMSimDatabase

extension IAMStore {
    // MARK: - Groups

    /// `CreateGroup`.
    ///
    /// - Throws: `ValidationError` for a malformed name or path; `EntityAlreadyExists` (names ignore
    ///   case); `LimitExceeded` past AWS's default 300 groups; `AccessDenied` for an IAM user, or
    ///   a console caller not signed in.
    @discardableResult
    public func createGroup(caller: Caller, groupName: String, path: String = "/") throws -> Group {
        let groupID = secrets.groupID()
        return try environment.perform(.createGroup, caller: caller, resource: groupName) { db, principal, now in
            try Permissions.authorizeAdministration(principal, .createGroup, resource: groupARN(principal, groupName))
            try IAMName.validate(groupName, parameter: "groupName", maxLength: IdentityRules.groupNameMaxLength)
            try IdentityRules.validatePath(path)
            let account = principal.accountID.rawValue
            guard try GroupRecord.named(groupName, in: account, db) == nil else {
                throw IAMError.entityAlreadyExists("Group with name \(groupName) already exists.")
            }
            guard try GroupRecord.count(in: account, db) < IdentityRules.maxGroups else {
                throw IAMError.quotaExceeded("GroupsPerAccount", IdentityRules.maxGroups)
            }
            let record = GroupRecord(
                id: groupID, accountId: principal.accountID.rawValue, groupName: groupName, path: path, createDate: now)
            try record.insert(db)
            return record.group
        }
    }

    /// `ListGroups`: the account's groups by name (ignoring case), those under `pathPrefix`
    /// when given.
    ///
    /// - Parameter page: `Marker` and `MaxItems`; nil for every group.
    /// - Throws: `ValidationError` ("Invalid Marker.") for a marker no page of this list gave;
    ///   `AccessDenied` for an IAM user, or a console caller not signed in.
    public func listGroups(caller: Caller, pathPrefix: String? = nil, page: PageRequest? = nil) throws -> Page<Group> {
        try environment.perform(.listGroups, caller: caller, resource: nil) { db, principal, _ in
            try Permissions.authorizeAdministration(principal, .listGroups, resource: groupARN(principal, "*"))
            return try Pagination.page(page, of: .listGroups) { after, limit in
                try GroupRecord.all(
                    in: principal.accountID.rawValue, pathPrefix: pathPrefix, after: after, limit: limit, db)
            }
            .mapItems(\.group)
        }
    }

    /// `GetGroup`: the group `groupName` and a page of its members, by name (ignoring case).
    ///
    /// - Parameter page: `Marker` and `MaxItems` of the members; nil for every member.
    /// - Throws: `ValidationError` for a malformed name, or ("Invalid Marker.") a marker no page
    ///   of this list gave; `NoSuchEntity` for an unknown group; `AccessDenied` for an IAM user,
    ///   or a console caller not signed in.
    public func getGroup(caller: Caller, groupName: String, page: PageRequest? = nil) throws -> (
        group: Group, users: Page<User>
    ) {
        try environment.perform(.getGroup, caller: caller, resource: groupName) { db, principal, _ in
            try Permissions.authorizeAdministration(principal, .getGroup, resource: groupARN(principal, groupName))
            let group = try group(named: groupName, in: principal.accountID, db)
            let users = try Pagination.page(page, of: .getGroup) { after, limit in
                try UserRecord.members(ofGroup: group.id, after: after, limit: limit, db)
            }
            return (group.group, users.mapItems(\.user))
        }
    }

    /// `DeleteGroup`.
    ///
    /// - Throws: `DeleteConflict` while the group has members; `ValidationError` for a malformed
    ///   name; `NoSuchEntity` for an unknown group; `AccessDenied` for an IAM user, or a console
    ///   caller not signed in.
    public func deleteGroup(caller: Caller, groupName: String) throws {
        try environment.perform(.deleteGroup, caller: caller, resource: groupName) { db, principal, _ in
            try Permissions.authorizeAdministration(principal, .deleteGroup, resource: groupARN(principal, groupName))
            let group = try group(named: groupName, in: principal.accountID, db)
            guard try GroupMembershipRecord.count(ofGroup: group.id, db) == 0 else {
                throw IAMError.deleteConflict("Cannot delete entity, must remove users from group first.")
            }
            try group.delete(db)
        }
    }

    /// `AddUserToGroup`. Adding a member again changes nothing, as in IAM.
    ///
    /// - Throws: `ValidationError` for a malformed name; `NoSuchEntity` for an unknown group or user;
    ///   `LimitExceeded` past 10 groups per user; `AccessDenied` for an IAM user, or a console
    ///   caller not signed in.
    public func addUserToGroup(caller: Caller, groupName: String, userName: String) throws {
        try performOnMembership(.addUserToGroup, caller, groupName, userName) { db, group, user, now in
            guard try GroupMembershipRecord.find(db, key: group.id, user.id) == nil else { return }
            guard try GroupMembershipRecord.count(ofUser: user.id, db) < IdentityRules.maxGroupsPerUser else {
                throw IAMError.quotaExceeded("GroupsPerUser", IdentityRules.maxGroupsPerUser)
            }
            try GroupMembershipRecord(groupId: group.id, userId: user.id, addedDate: now).insert(db)
        }
    }

    /// `RemoveUserFromGroup`.
    ///
    /// - Throws: `ValidationError` for a malformed name; `NoSuchEntity` for an unknown group or user, or
    ///   a user who is not a member; `AccessDenied` for an IAM user, or a console caller not
    ///   signed in.
    public func removeUserFromGroup(caller: Caller, groupName: String, userName: String) throws {
        try performOnMembership(.removeUserFromGroup, caller, groupName, userName) { db, group, user, _ in
            guard let membership = try GroupMembershipRecord.find(db, key: group.id, user.id), try membership.delete(db)
            else {
                throw IAMError.noSuchEntity(
                    "The user with name \(user.userName) is not in the group \(group.groupName).")
            }
        }
    }

    /// `ListGroupsForUser`: the groups `userName` is a member of, by name (ignoring case).
    ///
    /// - Parameter page: `Marker` and `MaxItems`; nil for every group.
    /// - Throws: `ValidationError` for a malformed name, or ("Invalid Marker.") a marker no page
    ///   of this list gave; `NoSuchEntity` for an unknown user; `AccessDenied` for another
    ///   user's groups, or a console caller not signed in.
    public func listGroupsForUser(caller: Caller, userName: String, page: PageRequest? = nil) throws -> Page<Group> {
        try environment.perform(.listGroupsForUser, caller: caller, resource: userName) { db, principal, _ in
            let user = try user(named: userName, in: principal.accountID, db)
            try Permissions.authorize(principal, .listGroupsForUser, credentialsOf: .user(user.user))
            return try Pagination.page(page, of: .listGroupsForUser) { after, limit in
                try GroupRecord.all(withMember: user.id, after: after, limit: limit, db)
            }
            .mapItems(\.group)
        }
    }

    /// Runs `action` on the membership of `userName` in `groupName` as one operation: authorized
    /// as administration of the group, with the group and the user found in the caller's account.
    private func performOnMembership(
        _ action: IAMAction, _ caller: Caller, _ groupName: String, _ userName: String,
        _ body: (Database, GroupRecord, UserRecord, Date) throws -> Void
    ) throws {
        try environment.perform(action, caller: caller, resource: "\(groupName)/\(userName)") { db, principal, now in
            try Permissions.authorizeAdministration(principal, action, resource: groupARN(principal, groupName))
            try body(
                db, try group(named: groupName, in: principal.accountID, db),
                try user(named: userName, in: principal.accountID, db), now)
        }
    }

    func group(named name: String, in account: AccountID, _ db: Database) throws -> GroupRecord {
        try IAMName.validate(name, parameter: "groupName", maxLength: IdentityRules.groupNameMaxLength)
        guard let group = try GroupRecord.named(name, in: account.rawValue, db) else {
            throw IAMError.noSuchEntity("The group with name \(name) cannot be found.")
        }
        return group
    }

    func groupARN(_ principal: Principal, _ name: String) -> String {
        "arn:aws:iam::\(principal.accountID.rawValue):group/\(name)"
    }
}
