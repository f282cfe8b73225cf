import Foundation
import GRDB
import IAMSimDatabase
import IAMSimCore

extension IAMStore {
    // MARK: - Groups

    /// `CreateGroup`.
    @discardableResult
    public func createGroup(caller: Caller, groupName: String, path: String = "/") throws -> Group {
        let groupID = secrets.groupID()
        return try perform(.createGroup, caller: caller, resource: groupName) { db, principal, now in
            try Permissions.authorizeAdministration(principal, .createGroup, resource: groupARN(principal, groupName))
            try IAMName.validate(groupName, parameter: "groupName", maxLength: IdentityRules.groupNameMaxLength)
            try IdentityRules.validatePath(path)
            let groups = GroupRecord.filter(GroupRecord.Columns.accountId == principal.accountID.rawValue)
            guard try groups.filter(sql: "groupName = ? COLLATE NOCASE", arguments: [groupName]).fetchCount(db) == 0 else {
                throw IAMError.entityAlreadyExists("Group with name \(groupName) already exists.")
            }
            guard try groups.fetchCount(db) < IdentityRules.maxGroups else {
                throw IAMError.quotaExceeded("GroupsPerAccount", IdentityRules.maxGroups)
            }
            let record = GroupRecord(
                id: groupID, accountId: principal.accountID.rawValue, groupName: groupName, path: path, createDate: now)
            try record.insert(db)
            return record.group
        }
    }

    /// `ListGroups`, by name.
    public func listGroups(caller: Caller) throws -> [Group] {
        try perform(.listGroups, caller: caller, resource: nil) { db, principal, _ in
            try Permissions.authorizeAdministration(principal, .listGroups, resource: groupARN(principal, "*"))
            return try GroupRecord.filter(GroupRecord.Columns.accountId == principal.accountID.rawValue)
                .order(sql: "groupName COLLATE NOCASE").fetchAll(db).map(\.group)
        }
    }

    /// `DeleteGroup`. - Throws: `DeleteConflict` while the group has members.
    public func deleteGroup(caller: Caller, groupName: String) throws {
        try perform(.deleteGroup, caller: caller, resource: groupName) { db, principal, _ in
            try Permissions.authorizeAdministration(principal, .deleteGroup, resource: groupARN(principal, groupName))
            let group = try group(named: groupName, in: principal.accountID, db)
            let members: Int? = try db.firstValue(
                "SELECT count(*) FROM groupMembership WHERE groupId = ?", arguments: [group.id])
            guard members == 0 else {
                throw IAMError.deleteConflict("Cannot delete entity, must remove users from group first.")
            }
            try group.delete(db)
        }
    }

    /// `AddUserToGroup`. Adding a member again changes nothing, as in IAM.
    public func addUserToGroup(caller: Caller, groupName: String, userName: String) throws {
        try perform(.addUserToGroup, caller: caller, resource: "\(groupName)/\(userName)") { db, principal, now in
            try Permissions.authorizeAdministration(principal, .addUserToGroup, resource: groupARN(principal, groupName))
            let group = try group(named: groupName, in: principal.accountID, db)
            let user = try user(named: userName, in: principal.accountID, db)
            let already: Int? = try db.firstValue(
                "SELECT count(*) FROM groupMembership WHERE groupId = ? AND userId = ?", arguments: [group.id, user.id])
            guard already == 0 else { return }
            let count: Int? = try db.firstValue(
                "SELECT count(*) FROM groupMembership WHERE userId = ?", arguments: [user.id])
            guard (count ?? 0) < IdentityRules.maxGroupsPerUser else {
                throw IAMError.quotaExceeded("GroupsPerUser", IdentityRules.maxGroupsPerUser)
            }
            try db.execute(
                sql: "INSERT INTO groupMembership (groupId, userId, addedDate) VALUES (?, ?, ?)",
                arguments: [group.id, user.id, now.stored])
        }
    }

    /// `RemoveUserFromGroup`.
    public func removeUserFromGroup(caller: Caller, groupName: String, userName: String) throws {
        try perform(.removeUserFromGroup, caller: caller, resource: "\(groupName)/\(userName)") { db, principal, _ in
            try Permissions.authorizeAdministration(principal, .removeUserFromGroup, resource: groupARN(principal, groupName))
            let group = try group(named: groupName, in: principal.accountID, db)
            let user = try user(named: userName, in: principal.accountID, db)
            try db.execute(
                sql: "DELETE FROM groupMembership WHERE groupId = ? AND userId = ?", arguments: [group.id, user.id])
            guard db.changesCount > 0 else {
                throw IAMError.noSuchEntity("The user with name \(user.userName) is not in the group \(group.groupName).")
            }
        }
    }

    /// `ListGroupsForUser`, by name.
    public func listGroupsForUser(caller: Caller, userName: String) throws -> [Group] {
        try perform(.listGroupsForUser, caller: caller, resource: userName) { db, principal, _ in
            let user = try user(named: userName, in: principal.accountID, db)
            try Permissions.authorize(principal, .listGroupsForUser, credentialsOf: .user(user.user))
            return try GroupRecord.fetchAll(
                db,
                sql: """
                    SELECT iamGroup.* FROM iamGroup JOIN groupMembership ON groupMembership.groupId = iamGroup.id
                    WHERE groupMembership.userId = ? ORDER BY iamGroup.groupName COLLATE NOCASE
                    """,
                arguments: [user.id]
            ).map(\.group)
        }
    }

    func group(named name: String, in account: AccountID, _ db: Database) throws -> GroupRecord {
        try IAMName.validate(name, parameter: "groupName", maxLength: IdentityRules.groupNameMaxLength)
        guard
            let group = try GroupRecord.filter(GroupRecord.Columns.accountId == account.rawValue)
                .filter(sql: "groupName = ? COLLATE NOCASE", arguments: [name]).fetchOne(db)
        else { throw IAMError.noSuchEntity("The group with name \(name) cannot be found.") }
        return group
    }

    func groupARN(_ principal: Principal, _ name: String) -> String {
        "arn:aws:iam::\(principal.accountID.rawValue):group/\(name)"
    }
}
