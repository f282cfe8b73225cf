import Foundation
import IAMSimCore
import IAMSimStore
import IAMSimTestSupport
import Testing

/// Account settings: the password policy, the dashboard's fifth item.
@Suite("Console: account settings")
struct SettingsTests {
    @Test("no policy at first; saving one sets exactly the form (UpdateAccountPasswordPolicy); delete removes it")
    func passwordPolicy() async throws {
        let harness = try ConsoleHarness()
        try await harness.run { browser in
            try await browser.signInAsRoot()
            let dashboard = try await browser.get("dashboard")
            #expect(dashboard.body.contains("href=\"/console/password-policy\""))
            let page = try await browser.get("password-policy")
            #expect(
                page.text(ofID: "policy-state")?.hasPrefix("This AWS account does not have a password policy") == true)
            let saved = try await browser.post(
                "password-policy",
                [
                    ("minimumPasswordLength", "14"), ("requireUppercase", "yes"), ("requireNumbers", "yes"),
                    ("maxPasswordAge", "90"), ("passwordReusePrevention", "24"), ("allowChange", "yes"),
                ])
            #expect(saved.location == "/console/password-policy")
            #expect(try await browser.follow(saved).contains("The password policy is saved."))
            let tooShort = try await browser.post("password-policy", [("minimumPasswordLength", "4")])
            #expect(tooShort.status == 400)
            #expect(tooShort.contains("Member must have value greater than or equal to 6"))
            let notANumber = try await browser.post("password-policy", [("minimumPasswordLength", "ten")])
            #expect(notANumber.status == 400)
        }
        let policy = try harness.simulator.store.getPasswordPolicy(caller: harness.root)
        #expect(
            policy
                == PasswordPolicy(
                    minimumPasswordLength: 14, requireNumbers: true, requireUppercaseCharacters: true,
                    allowUsersToChangePassword: true, maxPasswordAge: 90, passwordReusePrevention: 24))
        try await harness.run { browser in
            try await browser.signInAsRoot()
            let green = try await browser.get("dashboard")
            let item = try #require(green.body.range(of: "id=\"status-password-policy\""))
            #expect(green.body[item.upperBound...].prefix(200).contains("Complete:"))
            let deleted = try await browser.post("password-policy/delete")
            #expect(try await browser.follow(deleted).contains("The password policy is deleted."))
        }
        #expect(throws: IAMError.self) { try harness.simulator.store.getPasswordPolicy(caller: harness.root) }
    }
}
