import Foundation
import IAMSimCore
import IAMSimStore
import IAMSimTestSupport
import Testing

/// The dashboard's security status and "My security credentials": access keys (deactivate,
/// activate, delete once inactive and confirmed, create with the CSV) and the MFA list.
@Suite("Console: dashboard and security credentials")
struct CredentialsTests {
    @Test("the dashboard shows the account and five items, marked in words, with links to fix them")
    func dashboard() async throws {
        let harness = try ConsoleHarness()
        try await harness.run { browser in
            try await browser.signInAsRoot()
            let page = try await browser.get("dashboard")
            #expect(page.text(ofID: "account-id") == "123456789012")
            #expect(page.contains("0 out of 5 complete."))
            for title in [
                "Delete your root access keys", "Activate MFA on your root account", "Create individual IAM users",
                "Use groups to assign permissions", "Apply an IAM password policy",
            ] {
                #expect(page.contains(title), "\(title)")
            }
            #expect(page.body.contains("<span class=\"status-word\">Not complete:</span>"))
            #expect(page.body.contains("href=\"/console/security-credentials#access-keys\""))
            #expect(page.body.contains("href=\"/console/mfa/assign\""))
            #expect(page.body.contains("href=\"/console/users/create\""))
            #expect(page.contains("Sign-in URL for IAM users in this account"))
        }
        #expect(try harness.events().contains { $0.eventName == "GetAccountSummary" })
    }

    @Test("the root items turn complete once the key is deleted and MFA is active")
    func dashboardGreen() async throws {
        let harness = try ConsoleHarness()
        try harness.simulator.store.deleteAccessKey(caller: harness.root, accessKeyID: TestValues.rootKey)
        let seed = try harness.activateRootDevice()
        try await harness.run { browser in
            try await browser.signInAsRoot(harness, seed: seed)
            let page = try await browser.get("dashboard")
            #expect(page.contains("2 out of 5 complete."))
            let keys = try #require(page.body.range(of: "id=\"status-root-access-keys\""))
            #expect(page.body[keys.upperBound...].prefix(200).contains("Complete:"))
            let mfa = try #require(page.body.range(of: "id=\"status-root-mfa\""))
            #expect(page.body[mfa.upperBound...].prefix(200).contains("Complete:"))
        }
    }

    @Test("My security credentials lists root's key with Deactivate, and no MFA device")
    func credentialsPage() async throws {
        try await ConsoleHarness().run { browser in
            try await browser.signInAsRoot()
            let page = try await browser.get("security-credentials")
            #expect(page.contains("My security credentials (root user)"))
            #expect(page.body.contains("id=\"key-\(TestValues.rootKey)\""))
            #expect(page.contains("Deactivate<span class=\"visually-hidden\"> \(TestValues.rootKey)"))
            #expect(page.text(ofID: "no-mfa")?.hasPrefix("No MFA devices.") == true)
            #expect(page.contains("avoid using long-term credentials like access keys for the root user"))
        }
    }

    @Test("Deactivate and Activate change the key's status (UpdateAccessKey)")
    func deactivateActivate() async throws {
        let harness = try ConsoleHarness()
        try await harness.run { browser in
            try await browser.signInAsRoot()
            let done = try await browser.post(
                "access-keys/status", [("key", TestValues.rootKey), ("status", "Inactive")])
            #expect(done.status == 303)
            #expect(done.location == "/console/security-credentials#access-keys")
            #expect(try harness.rootKeys().map(\.status) == [.inactive])
            let page = try await browser.follow(done)
            #expect(page.contains("Access key \(TestValues.rootKey) is now Inactive."))
            #expect(page.contains("Activate<span class=\"visually-hidden\"> \(TestValues.rootKey)"))
            try await browser.post("access-keys/status", [("key", TestValues.rootKey), ("status", "Active")])
            #expect(try harness.rootKeys().map(\.status) == [.active])
        }
        #expect(try harness.events().filter { $0.eventName == "UpdateAccessKey" }.count == 2)
    }

    @Test("Delete asks to deactivate an active key first, and refuses to delete it")
    func deleteActiveKey() async throws {
        let harness = try ConsoleHarness()
        try await harness.run { browser in
            try await browser.signInAsRoot()
            let page = try await browser.get("access-keys/delete?key=\(TestValues.rootKey)")
            #expect(page.contains("This key is <strong>Active</strong>. Deactivate it first"))
            #expect(!page.contains("To confirm deletion"))
            let refused = try await browser.post(
                "access-keys/delete", [("key", TestValues.rootKey), ("confirmation", TestValues.rootKey)])
            #expect(refused.status == 409)
            #expect(refused.contains("deactivate it before deleting it"))
            #expect(try harness.rootKeys().count == 1)
            // Deactivate from the confirmation page leads back to it.
            let deactivated = try await browser.post(
                "access-keys/status", [("key", TestValues.rootKey), ("status", "Inactive"), ("next", "delete")])
            #expect(deactivated.location == "/console/access-keys/delete?key=\(TestValues.rootKey)")
            let confirm = try await browser.follow(deactivated)
            #expect(confirm.contains("To confirm deletion, enter the access key ID in the text input field."))
        }
    }

    @Test("Delete needs the key id typed exactly, then deletes it (DeleteAccessKey)")
    func deleteConfirmed() async throws {
        let harness = try ConsoleHarness()
        try harness.simulator.store.updateAccessKey(
            caller: harness.root, accessKeyID: TestValues.rootKey, status: .inactive)
        try await harness.run { browser in
            try await browser.signInAsRoot()
            let wrong = try await browser.post(
                "access-keys/delete", [("key", TestValues.rootKey), ("confirmation", "AKIA-not-it")])
            #expect(wrong.status == 400)
            #expect(wrong.contains("Type the access key ID \(TestValues.rootKey) exactly"))
            #expect(try harness.rootKeys().count == 1)
            let deleted = try await browser.post(
                "access-keys/delete", [("key", TestValues.rootKey), ("confirmation", TestValues.rootKey)])
            #expect(deleted.status == 303)
            #expect(try harness.rootKeys().isEmpty)
            let page = try await browser.follow(deleted)
            #expect(page.contains("Access key \(TestValues.rootKey) is deleted."))
            #expect(page.text(ofID: "no-keys") == "No access keys.")
            let unknown = try await browser.get("access-keys/delete?key=\(TestValues.rootKey)")
            #expect(unknown.status == 404)
            #expect(unknown.contains("The Access Key with id \(TestValues.rootKey) cannot be found."))
        }
    }

    @Test("Create access key shows the secret once, with a CSV download; a third key cannot be made")
    func createKey() async throws {
        let harness = try ConsoleHarness()
        try await harness.run { browser in
            try await browser.signInAsRoot()
            let created = try await browser.post("access-keys/create")
            #expect(created.status == 200)
            #expect(created.contains("This is the only time that the secret access key can be viewed or downloaded."))
            let id = try #require(created.text(ofID: "new-access-key-id"))
            let secret = try #require(created.text(ofID: "new-secret-access-key"))
            #expect(id.hasPrefix("AKIA") && id.count == 20)
            #expect(secret.count == 40)
            #expect(try harness.rootKeys().map(\.accessKeyID.rawValue).contains(id))
            let csv = try await browser.post("access-keys/csv", [("key", id), ("secret", secret)])
            #expect(csv.status == 200)
            #expect(csv.headers[.contentType] == "text/csv; charset=utf-8")
            #expect(csv.headers[.contentDisposition] == "attachment; filename=\"rootkey_accessKeys.csv\"")
            #expect(csv.body == "Access key ID,Secret access key\n\(id),\(secret)\n")
            let garbage = try await browser.post("access-keys/csv", [("key", id), ("secret", "<b>")])
            #expect(garbage.status == 400)
            let page = try await browser.get("security-credentials")
            #expect(!page.contains(secret))
            #expect(page.contains("An identity can have at most 2 access keys"))
        }
    }

    @Test("the MFA section lists an assigned device with Resync and Remove")
    func mfaList() async throws {
        let harness = try ConsoleHarness()
        let seed = try harness.activateRootDevice("root-mfa")
        try await harness.run { browser in
            try await browser.signInAsRoot(harness, seed: seed)
            let page = try await browser.get("security-credentials")
            #expect(page.contains("Multi-factor authentication (MFA) <span class=\"count\">(1)</span>"))
            #expect(page.contains("arn:aws:iam::123456789012:mfa/root-mfa"))
            #expect(
                page.body.contains(
                    "href=\"/console/mfa/resync?device=arn%3Aaws%3Aiam%3A%3A123456789012%3Amfa%2Froot-mfa\""))
            #expect(
                page.body.contains(
                    "href=\"/console/mfa/remove?device=arn%3Aaws%3Aiam%3A%3A123456789012%3Amfa%2Froot-mfa\""))
        }
        #expect(try harness.events().contains { $0.eventName == "ListMFADevices" })
    }

    @Test("an IAM user manages their own keys and changes their password")
    func iamUserCredentials() async throws {
        let harness = try ConsoleHarness()
        try harness.simulator.store.createUser(caller: harness.root, userName: "dave")
        try harness.simulator.store.createLoginProfile(
            caller: harness.root, userName: "dave", password: "Dave-Pass-2026!")
        try await harness.run { browser in
            try await browser.get("signin")
            try await browser.post(
                "signin/password",
                [("as", "iam"), ("account", "123456789012"), ("user", "dave"), ("password", "Dave-Pass-2026!")])
            let page = try await browser.get("security-credentials")
            #expect(page.contains("IAM user dave"))
            #expect(page.contains("Change password"))
            let created = try await browser.post("access-keys/create")
            #expect(created.status == 200)
            let users = try await browser.get("users")
            #expect(users.status == 403)
            #expect(users.contains("AccessDenied"))
            let changed = try await browser.post(
                "password",
                [
                    ("oldPassword", "Dave-Pass-2026!"), ("newPassword", "Dave-New-2026!"),
                    ("confirmPassword", "Dave-New-2026!"),
                ])
            #expect(changed.status == 303)
            #expect(try await browser.follow(changed).contains("Your password is changed."))
        }
        #expect(try harness.simulator.store.listAccessKeys(caller: harness.root, userName: "dave").items.count == 1)
    }
}
