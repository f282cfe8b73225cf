import Foundation
import IAMSimTestSupport
import Testing

@testable import IAMSimCore
@testable import IAMSimStore

/// `CreateAccountAlias`, `DeleteAccountAlias`, `ListAccountAliases`.
@Suite("Account aliases")
struct AccountAliasTests {
    @Test("an account has at most one alias: a new one replaces it; deleting needs its name; lists show it")
    func aliases() throws {
        let h = try StoreHarness()
        try h.signIn()
        #expect(try h.store.listAccountAliases(caller: h.console).items == [])
        try h.store.createAccountAlias(caller: h.console, alias: "my-team")
        try h.store.createAccountAlias(caller: h.console, alias: "my-team")
        try h.store.createAccountAlias(caller: h.console, alias: "our-team")
        #expect(try h.store.listAccountAliases(caller: h.console).items == ["our-team"])
        #expect(try h.accounts.resolveAccount("our-team") == StoreHarness.account)
        #expect(try h.sessions.signInAccountName(caller: h.console) == "our-team")
        #expect(throws: IAMError.noSuchEntity("The account alias my-team cannot be found.")) {
            try h.store.deleteAccountAlias(caller: h.console, alias: "my-team")
        }
        try h.store.deleteAccountAlias(caller: h.console, alias: "our-team")
        #expect(try h.store.listAccountAliases(caller: h.console).items == [])
        #expect(
            try h.events().suffix(5).map(\.eventName) == [
                "CreateAccountAlias", "ListAccountAliases", "DeleteAccountAlias", "DeleteAccountAlias",
                "ListAccountAliases",
            ])
        #expect(try h.events().suffix(5).map(\.errorCode) == [nil, nil, "NoSuchEntity", nil, nil])
    }

    @Test("an alias off AWS's pattern, or another account's, is refused and changes nothing")
    func refusals() throws {
        let h = try StoreHarness()
        let other = try Fixture.builtInDefault().personalized(
            for: Trainee(
                accountID: AccountID(known: "210987654321"), email: "other@example.com", alias: "taken",
                password: "Pw-1234-abcd-EFGH"),
            secrets: SecretGenerator(random: .seeded(3)))
        try h.accounts.loadFixture(other)
        let root = Caller.principal(.root(StoreHarness.account))
        #expect(throws: IAMError.entityAlreadyExists("The account alias taken already exists.")) {
            try h.store.createAccountAlias(caller: root, alias: "taken")
        }
        for bad in ["ab", "Upper", "double--hyphen", "-edge", String(repeating: "a", count: 64)] {
            #expect(throws: IAMError.self) { try h.store.createAccountAlias(caller: root, alias: bad) }
        }
        #expect(try h.store.listAccountAliases(caller: root).items == [])
    }

    @Test("IAM users may list the alias, not set or delete it")
    func permissions() throws {
        let h = try StoreHarness()
        let root = Caller.principal(.root(StoreHarness.account))
        try h.store.createAccountAlias(caller: root, alias: "my-team")
        let bob = Caller.principal(.user(try h.store.createUser(caller: root, userName: "bob")))
        #expect(try h.store.listAccountAliases(caller: bob).items == ["my-team"])
        #expect(
            throws: IAMError.accessDenied(
                "User: arn:aws:iam::123456789012:user/bob is not authorized to perform: iam:CreateAccountAlias on resource: arn:aws:iam::123456789012:root"
            )
        ) { try h.store.createAccountAlias(caller: bob, alias: "mine") }
        #expect(throws: IAMError.self) { try h.store.deleteAccountAlias(caller: bob, alias: "my-team") }
        #expect(try h.store.listAccountAliases(caller: root).items == ["my-team"])
    }
}
