import Foundation
import IAMSimApp
import IAMSimCore
import IAMSimStore

/// Users and user groups, enough for the next lesson: lists, create, delete, group
/// membership, console access, and a user's security credentials.
extension Console {
    struct UsersView {
        var users: [UserRow]
    }

    struct UserRow {
        var name: String
        var href: String
        var path: String
        var created: String
        var lastSignIn: String
    }

    struct CreateUserView {
        var name: String?
        var consoleAccess: Bool
        var resetRequired: Bool
        /// The account's group names, each a checkbox.
        var groups: [String]
    }

    struct UserView {
        var name: String
        var arn: String
        var created: String
        var consoleAccess: String
        var hasLoginProfile: Bool
        var lastSignIn: String
        var deleteHref: String
        var groups: [MemberGroup]
        var otherGroups: [String]
        var sections: CredentialSections
    }

    struct MemberGroup {
        var name: String
        var user: String
    }

    struct DeleteUserView {
        var name: String
        var attachments: String
        var backHref: String
    }

    struct GroupsView {
        var groups: [GroupRow]
    }

    struct GroupRow {
        var name: String
        var path: String
        var created: String
        var deleteHref: String
    }

    func userPath(_ name: String) -> String { Links.path("/user", [("name", name)]) }

    // MARK: - Users

    func usersPage(_ visit: Visit) throws -> ConsoleResponse {
        let users = try store.listUsers(caller: try visit.caller()).items
        return renderer.page(
            visit, title: "Users", template: "users",
            view: UsersView(
                users: users.map {
                    UserRow(
                        name: $0.userName, href: base + userPath($0.userName), path: $0.path,
                        created: Timestamp.readable($0.createDate),
                        lastSignIn: $0.passwordLastUsed.map(Timestamp.readable) ?? "Never")
                }),
            section: .users)
    }

    func createUserPage(_ visit: Visit) throws -> ConsoleResponse {
        try createUserForm(visit, view: nil, error: nil)
    }

    private func createUserForm(_ visit: Visit, view: CreateUserView?, error: ErrorView?) throws -> ConsoleResponse {
        let groups = try store.listGroups(caller: try visit.caller()).items.map(\.groupName)
        var view = view ?? CreateUserView(name: nil, consoleAccess: false, resetRequired: false, groups: [])
        view.groups = groups
        return renderer.page(
            visit, title: "Create user", template: "user-create", view: view, status: error?.status ?? 200,
            section: .users, error: error)
    }

    /// `CreateUser`, then `CreateLoginProfile` and `AddUserToGroup` as chosen, each its own
    /// action, as the console's Create user makes them.
    func createUser(_ visit: inout Visit) throws -> ConsoleResponse {
        let caller = try visit.caller()
        let request = visit.request
        let name = request.field("name") ?? ""
        let consoleAccess = request.field("consoleAccess") == "yes"
        let resetRequired = request.field("resetRequired") == "yes"
        let groups = request.form.filter { $0.key.hasPrefix("group-") }.map(\.value).sorted()
        var created: User?
        do {
            let user = try store.createUser(caller: caller, userName: name)
            created = user
            var done = ["Created user \(user.userName)."]
            if consoleAccess {
                try store.createLoginProfile(
                    caller: caller, userName: user.userName, password: request.secretField("password") ?? "",
                    passwordResetRequired: resetRequired)
                done.append("It can sign in to the console.")
            }
            for group in groups {
                try store.addUserToGroup(caller: caller, groupName: group, userName: user.userName)
            }
            if !groups.isEmpty { done.append("Added to \(groups.joined(separator: ", ")).") }
            return visit.redirect(userPath(user.userName), flash: done.joined(separator: " "))
        } catch {
            if let created {
                // The user exists: what failed after it is shown on its page.
                return visit.redirect(
                    userPath(created.userName),
                    flash: "Created user \(created.userName), but: \(ErrorView(error).message)")
            }
            return try createUserForm(
                visit,
                view: CreateUserView(
                    name: name, consoleAccess: consoleAccess, resetRequired: resetRequired, groups: []),
                error: ErrorView(error))
        }
    }

    func userPage(_ visit: Visit) throws -> ConsoleResponse {
        let caller = try visit.caller()
        let user = try store.getUser(caller: caller, userName: visit.request.parameter("name") ?? "")
        let name = user.userName
        let memberOf = try store.listGroupsForUser(caller: caller, userName: name).items.map(\.groupName)
        let all = try store.listGroups(caller: caller).items.map(\.groupName)
        let profile: LoginProfile?
        do {
            profile = try store.getLoginProfile(caller: caller, userName: name)
        } catch let error as IAMError where error.code == "NoSuchEntity" {
            profile = nil
        }
        let others = all.filter { !memberOf.contains($0) }
        return renderer.page(
            visit, title: name, template: "user",
            view: UserView(
                name: name, arn: user.arn, created: Timestamp.readable(user.createDate),
                consoleAccess: profile == nil
                    ? "Disabled"
                    : "Enabled"
                        + (profile?.passwordResetRequired == true ? " (new password required at next sign-in)" : ""),
                hasLoginProfile: profile != nil, lastSignIn: user.passwordLastUsed.map(Timestamp.readable) ?? "Never",
                deleteHref: base + Links.path("/user/delete", [("name", name)]),
                groups: memberOf.map { MemberGroup(name: $0, user: name) }, otherGroups: others,
                sections: try credentialSections(visit, userName: name, root: false)),
            section: .users)
    }

    func deleteUserPage(_ visit: Visit) throws -> ConsoleResponse {
        let name = visit.request.parameter("name") ?? ""
        return try deleteUserForm(visit, name: name, error: nil)
    }

    private func deleteUserForm(_ visit: Visit, name: String, error: ErrorView?) throws -> ConsoleResponse {
        let left = try store.deleteUserConflicts(caller: try visit.caller(), userName: name)
        var parts: [String] = []
        if left.hasLoginProfile { parts.append("its console password") }
        if !left.accessKeyIDs.isEmpty { parts.append("access keys \(left.accessKeyIDs.joined(separator: ", "))") }
        if !left.mfaDeviceNames.isEmpty { parts.append("MFA devices \(left.mfaDeviceNames.joined(separator: ", "))") }
        if !left.groupNames.isEmpty { parts.append("membership of \(left.groupNames.joined(separator: ", "))") }
        return renderer.page(
            visit, title: "Delete user", template: "user-delete",
            view: DeleteUserView(
                name: left.userName, attachments: parts.isEmpty ? "nothing" : parts.joined(separator: "; "),
                backHref: base + userPath(left.userName)),
            status: error?.status ?? 200, section: .users, error: error)
    }

    /// Delete user: `deleteUserAndAttachments`, once the name is typed.
    func deleteUser(_ visit: inout Visit) throws -> ConsoleResponse {
        let name = visit.request.field("user") ?? ""
        guard visit.request.field("confirmation") == name else {
            return try deleteUserForm(
                visit, name: name,
                error: ErrorView(
                    title: "Confirmation does not match", message: "Type the user name \(name) exactly to confirm."))
        }
        try simulator.deleteUserAndAttachments(caller: try visit.caller(), userName: name)
        return visit.redirect("/users", flash: "Deleted user \(name).")
    }

    func addUserToGroup(_ visit: inout Visit) throws -> ConsoleResponse {
        let user = visit.request.field("user") ?? ""
        let group = visit.request.field("group") ?? ""
        try store.addUserToGroup(caller: try visit.caller(), groupName: group, userName: user)
        return visit.redirect(userPath(user) + "#groups", flash: "Added \(user) to \(group).")
    }

    func removeUserFromGroup(_ visit: inout Visit) throws -> ConsoleResponse {
        let user = visit.request.field("user") ?? ""
        let group = visit.request.field("group") ?? ""
        try store.removeUserFromGroup(caller: try visit.caller(), groupName: group, userName: user)
        return visit.redirect(userPath(user) + "#groups", flash: "Removed \(user) from \(group).")
    }

    /// `CreateLoginProfile`, or `UpdateLoginProfile` when the user has one.
    func setConsoleAccess(_ visit: inout Visit) throws -> ConsoleResponse {
        let caller = try visit.caller()
        let user = visit.request.field("user") ?? ""
        let password = visit.request.secretField("password") ?? ""
        let reset = visit.request.field("resetRequired") == "yes"
        do {
            if (try? store.getLoginProfile(caller: caller, userName: user)) != nil {
                try store.updateLoginProfile(
                    caller: caller, userName: user, password: password, passwordResetRequired: reset)
                return visit.redirect(
                    userPath(user) + "#console-access", flash: "The console password of \(user) is reset.")
            }
            try store.createLoginProfile(
                caller: caller, userName: user, password: password, passwordResetRequired: reset)
            return visit.redirect(userPath(user) + "#console-access", flash: "\(user) can now sign in to the console.")
        } catch {
            return visit.redirect(
                userPath(user) + "#console-access", flash: "\(ErrorView(error).title): \(ErrorView(error).message)")
        }
    }

    /// `DeleteLoginProfile`.
    func removeConsoleAccess(_ visit: inout Visit) throws -> ConsoleResponse {
        let user = visit.request.field("user") ?? ""
        try store.deleteLoginProfile(caller: try visit.caller(), userName: user)
        return visit.redirect(
            userPath(user) + "#console-access", flash: "\(user) can no longer sign in to the console.")
    }

    // MARK: - Groups

    func groupsPage(_ visit: Visit) throws -> ConsoleResponse {
        try groupsResponse(visit, error: nil)
    }

    private func groupsResponse(_ visit: Visit, error: ErrorView?) throws -> ConsoleResponse {
        let groups = try store.listGroups(caller: try visit.caller()).items
        return renderer.page(
            visit, title: "User groups", template: "groups",
            view: GroupsView(
                groups: groups.map {
                    GroupRow(
                        name: $0.groupName, path: $0.path, created: Timestamp.readable($0.createDate),
                        deleteHref: base + Links.path("/group/delete", [("name", $0.groupName)]))
                }),
            status: error?.status ?? 200, section: .groups, error: error)
    }

    func createGroup(_ visit: inout Visit) throws -> ConsoleResponse {
        let name = visit.request.field("name") ?? ""
        do {
            let group = try store.createGroup(caller: try visit.caller(), groupName: name)
            return visit.redirect("/groups", flash: "Created user group \(group.groupName).")
        } catch let error as SignInNeeded {
            throw error
        } catch {
            return try groupsResponse(visit, error: ErrorView(error))
        }
    }

    func deleteGroupPage(_ visit: Visit) throws -> ConsoleResponse {
        _ = try visit.session()
        return renderer.page(
            visit, title: "Delete user group", template: "group-delete",
            view: ["name": visit.request.parameter("name") ?? ""], section: .groups)
    }

    func deleteGroup(_ visit: inout Visit) throws -> ConsoleResponse {
        let name = visit.request.field("group") ?? ""
        guard visit.request.field("confirmation") == name else {
            return renderer.page(
                visit, title: "Delete user group", template: "group-delete", view: ["name": name], status: 400,
                section: .groups,
                error: ErrorView(
                    title: "Confirmation does not match", message: "Type the group name \(name) exactly to confirm."))
        }
        try store.deleteGroup(caller: try visit.caller(), groupName: name)
        return visit.redirect("/groups", flash: "Deleted user group \(name).")
    }
}
