import Foundation
import IAMSimCore
import IAMSimStore
import IAMSimTestSupport
import Testing

/// Users and user groups: lists, create, delete, membership and console access.
@Suite("Console: users and groups")
struct UsersAndGroupsTests {
    @Test("the lists are empty at first, and say so")
    func emptyLists() async throws {
        try await ConsoleHarness().run { browser in
            try await browser.signInAsRoot()
            let users = try await browser.get("users")
            #expect(users.text(ofID: "no-users") == "No resources to display.")
            #expect(users.contains("Create user"))
            let groups = try await browser.get("groups")
            #expect(groups.text(ofID: "no-groups") == "No resources to display.")
        }
    }

    @Test("create a group, then a user with a console password in it; both are listed")
    func createBoth() async throws {
        let harness = try ConsoleHarness()
        try await harness.run { browser in
            try await browser.signInAsRoot()
            let group = try await browser.post("groups/create", [("name", "Admins")])
            #expect(group.status == 303)
            #expect(try await browser.follow(group).contains("Created user group Admins."))
            let form = try await browser.get("users/create")
            #expect(form.contains("Add user to groups"))
            #expect(form.body.contains("name=\"group-0\" value=\"Admins\""))
            let created = try await browser.post(
                "users/create",
                [
                    ("name", "alice"), ("consoleAccess", "yes"), ("password", "Alice-Pass-2026!"),
                    ("resetRequired", "yes"), ("group-0", "Admins"),
                ])
            #expect(created.status == 303)
            #expect(created.location == "/console/user?name=alice")
            let page = try await browser.follow(created)
            #expect(page.contains("Created user alice. It can sign in to the console. Added to Admins."))
            #expect(page.contains("arn:aws:iam::123456789012:user/alice"))
            #expect(page.contains("Enabled (new password required at next sign-in)"))
            #expect(page.contains("Remove<span class=\"visually-hidden\"> alice from Admins"))
            let users = try await browser.get("users")
            #expect(users.body.contains("<a href=\"/console/user?name=alice\">alice</a>"))
            let duplicate = try await browser.post("users/create", [("name", "alice")])
            #expect(duplicate.status == 409)
            #expect(duplicate.contains("User with name alice already exists."))
        }
        #expect(
            try harness.simulator.store.listGroupsForUser(caller: harness.root, userName: "alice").items.map(
                \.groupName)
                == ["Admins"])
    }

    @Test("a password the policy refuses leaves the user created, and says what failed")
    func createWithBadPassword() async throws {
        let harness = try ConsoleHarness()
        try harness.simulator.store.updatePasswordPolicy(
            caller: harness.root, policy: PasswordPolicy(minimumPasswordLength: 20))
        try await harness.run { browser in
            try await browser.signInAsRoot()
            let created = try await browser.post(
                "users/create", [("name", "frank"), ("consoleAccess", "yes"), ("password", "short")])
            #expect(created.location == "/console/user?name=frank")
            let page = try await browser.follow(created)
            #expect(page.contains("Created user frank, but:"))
            #expect(page.contains("Console access</dt><dd>Disabled"))
        }
    }

    @Test("membership: add to a group and remove from it on the user's page")
    func membership() async throws {
        let harness = try ConsoleHarness()
        let store = harness.simulator.store
        try store.createGroup(caller: harness.root, groupName: "Developers")
        try store.createUser(caller: harness.root, userName: "gina")
        try await harness.run { browser in
            try await browser.signInAsRoot()
            let page = try await browser.get("user?name=gina")
            #expect(page.contains("This user is in no group."))
            #expect(page.body.contains("<option>Developers</option>"))
            let added = try await browser.post("user/groups/add", [("user", "gina"), ("group", "Developers")])
            #expect(try await browser.follow(added).contains("Added gina to Developers."))
            let removed = try await browser.post("user/groups/remove", [("user", "gina"), ("group", "Developers")])
            #expect(try await browser.follow(removed).contains("Removed gina from Developers."))
        }
        #expect(try store.listGroupsForUser(caller: harness.root, userName: "gina").items.isEmpty)
    }

    @Test("console access: enable, reset and disable a user's password")
    func consoleAccess() async throws {
        let harness = try ConsoleHarness()
        try harness.simulator.store.createUser(caller: harness.root, userName: "hal")
        try await harness.run { browser in
            try await browser.signInAsRoot()
            let enabled = try await browser.post(
                "user/console-access", [("user", "hal"), ("password", "Hal-Pass-2026!")])
            #expect(try await browser.follow(enabled).contains("hal can now sign in to the console."))
            let reset = try await browser.post(
                "user/console-access", [("user", "hal"), ("password", "Hal-New-2026!"), ("resetRequired", "yes")])
            #expect(try await browser.follow(reset).contains("The console password of hal is reset."))
            let disabled = try await browser.post("user/console-access/remove", [("user", "hal")])
            #expect(try await browser.follow(disabled).contains("hal can no longer sign in to the console."))
        }
        #expect(throws: IAMError.self) {
            try harness.simulator.store.getLoginProfile(caller: harness.root, userName: "hal")
        }
    }

    @Test("Delete user needs the name typed, then removes what the user has and the user")
    func deleteUser() async throws {
        let harness = try ConsoleHarness()
        let store = harness.simulator.store
        try store.createGroup(caller: harness.root, groupName: "Ops")
        try store.createUser(caller: harness.root, userName: "ivan")
        try store.createLoginProfile(caller: harness.root, userName: "ivan", password: "Ivan-Pass-2026!")
        let key = try store.createAccessKey(caller: harness.root, userName: "ivan")
        try store.addUserToGroup(caller: harness.root, groupName: "Ops", userName: "ivan")
        try await harness.run { browser in
            try await browser.signInAsRoot()
            let page = try await browser.get("user/delete?name=ivan")
            #expect(
                page.contains(
                    "its console password; access keys \(key.metadata.accessKeyID.rawValue); membership of Ops"))
            let wrong = try await browser.post("user/delete", [("user", "ivan"), ("confirmation", "ivana")])
            #expect(wrong.status == 400)
            let deleted = try await browser.post("user/delete", [("user", "ivan"), ("confirmation", "ivan")])
            #expect(deleted.location == "/console/users")
            #expect(try await browser.follow(deleted).contains("Deleted user ivan."))
        }
        #expect(try store.listUsers(caller: harness.root).items.isEmpty)
        let names = try harness.events().map(\.eventName)
        for action in ["DeleteLoginProfile", "DeleteAccessKey", "RemoveUserFromGroup", "DeleteUser"] {
            #expect(names.contains(action), "\(action)")
        }
    }

    @Test("Delete group needs the name typed; a group with members is refused (DeleteConflict)")
    func deleteGroup() async throws {
        let harness = try ConsoleHarness()
        let store = harness.simulator.store
        try store.createGroup(caller: harness.root, groupName: "Ops")
        try store.createUser(caller: harness.root, userName: "jo")
        try store.addUserToGroup(caller: harness.root, groupName: "Ops", userName: "jo")
        try await harness.run { browser in
            try await browser.signInAsRoot()
            let page = try await browser.get("group/delete?name=Ops")
            #expect(page.contains("To confirm deletion, enter the user group name"))
            let wrong = try await browser.post("group/delete", [("group", "Ops"), ("confirmation", "ops!")])
            #expect(wrong.status == 400)
            let conflict = try await browser.post("group/delete", [("group", "Ops"), ("confirmation", "Ops")])
            #expect(conflict.status == 409)
            #expect(conflict.contains("DeleteConflict"))
            try store.removeUserFromGroup(caller: harness.root, groupName: "Ops", userName: "jo")
            let deleted = try await browser.post("group/delete", [("group", "Ops"), ("confirmation", "Ops")])
            #expect(try await browser.follow(deleted).contains("Deleted user group Ops."))
        }
        #expect(try store.listGroups(caller: harness.root).items.isEmpty)
    }

    @Test("a user page for a user that does not exist answers NoSuchEntity")
    func unknownUser() async throws {
        try await ConsoleHarness().run { browser in
            try await browser.signInAsRoot()
            let page = try await browser.get("user?name=nobody")
            #expect(page.status == 404)
            #expect(page.contains("The user with name nobody cannot be found."))
        }
    }
}
