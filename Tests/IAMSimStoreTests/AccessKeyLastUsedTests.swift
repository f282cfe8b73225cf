import Foundation
import IAMSimTestSupport
import Testing

@testable import IAMSimCore
@testable import IAMSimStore

/// `GetAccessKeyLastUsed`: the use `useAccessKey` records, read back.
@Suite("GetAccessKeyLastUsed")
struct AccessKeyLastUsedTests {
    @Test("a key never used answers N/A without a date; once used, its date, service and region")
    func lastUse() throws {
        let h = try StoreHarness()
        try h.signIn()
        #expect(
            try h.store.getAccessKeyLastUsed(caller: h.console, accessKeyID: StoreHarness.rootKey)
                == AccessKeyLastUsed(userName: nil, lastUsedDate: nil, serviceName: "N/A", region: "N/A"))
        try h.advance(90)
        _ = try h.store.useAccessKey(
            StoreHarness.rootKey, for: .listUsers, service: "iam", region: "eu-west-1"
        ) { _ throws(IAMError) in }
        let used = try h.store.getAccessKeyLastUsed(caller: h.console, accessKeyID: StoreHarness.rootKey)
        #expect(used.lastUsedDate == StoreHarness.start.addingTimeInterval(90))
        #expect(used.serviceName == "iam")
        #expect(used.region == "eu-west-1")
        #expect(used.userName == nil)
    }

    @Test("a use in the same second records another region or service; a later second, the new date")
    func repeatedUse() throws {
        let h = try StoreHarness()
        try h.signIn()
        func use(_ service: String, _ region: String) throws -> AccessKeyLastUsed {
            _ = try h.store.useAccessKey(
                StoreHarness.rootKey, for: .listUsers, service: service, region: region
            ) { _ throws(IAMError) in }
            return try h.store.getAccessKeyLastUsed(caller: h.console, accessKeyID: StoreHarness.rootKey)
        }
        try h.advance(90)
        let first = StoreHarness.start.addingTimeInterval(90)
        #expect(
            try use("iam", "eu-west-1")
                == AccessKeyLastUsed(userName: nil, lastUsedDate: first, serviceName: "iam", region: "eu-west-1"))
        #expect(
            try use("iam", "eu-west-1")
                == AccessKeyLastUsed(userName: nil, lastUsedDate: first, serviceName: "iam", region: "eu-west-1"))
        #expect(
            try use("iam", "us-east-1")
                == AccessKeyLastUsed(userName: nil, lastUsedDate: first, serviceName: "iam", region: "us-east-1"))
        #expect(
            try use("sts", "us-east-1")
                == AccessKeyLastUsed(userName: nil, lastUsedDate: first, serviceName: "sts", region: "us-east-1"))
        try h.advance(1)
        #expect(
            try use("sts", "us-east-1")
                == AccessKeyLastUsed(
                    userName: nil, lastUsedDate: first.addingTimeInterval(1), serviceName: "sts", region: "us-east-1"))
    }

    @Test("root may ask about any key of its account, a user about its own only; unknown keys are NoSuchEntity")
    func permissions() throws {
        let h = try StoreHarness()
        try h.signIn()
        try h.store.createUser(caller: h.console, userName: "bob")
        try h.store.createUser(caller: h.console, userName: "carol")
        let bobKey = try h.store.createAccessKey(caller: h.console, userName: "bob").metadata.accessKeyID.rawValue
        let carolKey = try h.store.createAccessKey(caller: h.console, userName: "carol").metadata.accessKeyID.rawValue
        #expect(try h.store.getAccessKeyLastUsed(caller: h.console, accessKeyID: bobKey).userName == "bob")
        let bob = Caller.principal(.user(try h.store.getUser(caller: h.console, userName: "bob")))
        #expect(try h.store.getAccessKeyLastUsed(caller: bob, accessKeyID: bobKey).serviceName == "N/A")
        #expect(
            throws: IAMError.accessDenied(
                "User: arn:aws:iam::123456789012:user/bob is not authorized to perform: iam:GetAccessKeyLastUsed on resource: arn:aws:iam::123456789012:user/carol"
            )
        ) { try h.store.getAccessKeyLastUsed(caller: bob, accessKeyID: carolKey) }
        #expect(
            throws: IAMError.accessDenied(
                "User: arn:aws:iam::123456789012:user/bob is not authorized to perform: iam:GetAccessKeyLastUsed on resource: arn:aws:iam::123456789012:root"
            )
        ) { try h.store.getAccessKeyLastUsed(caller: bob, accessKeyID: StoreHarness.rootKey) }
        #expect(throws: IAMError.noSuchAccessKey("AKIANOTAREALKEY12345")) {
            try h.store.getAccessKeyLastUsed(caller: h.console, accessKeyID: "AKIANOTAREALKEY12345")
        }
        #expect(throws: IAMError.self) { try h.store.getAccessKeyLastUsed(caller: h.console, accessKeyID: "short") }
    }

    @Test("a key of another account is as good as missing")
    func otherAccount() throws {
        let h = try StoreHarness()
        let other = try Fixture.builtInDefault().personalized(
            for: Trainee(
                accountID: AccountID(known: "210987654321"), email: "other@example.com", password: "Pw-1234-abcd-EFGH"),
            secrets: SecretGenerator(random: .seeded(3)))
        let otherAccount = try h.accounts.loadFixture(other)
        let otherKey = try h.store.listAccessKeys(caller: .principal(.root(otherAccount)))[0].accessKeyID.rawValue
        #expect(throws: IAMError.noSuchAccessKey(otherKey)) {
            try h.store.getAccessKeyLastUsed(caller: .principal(.root(StoreHarness.account)), accessKeyID: otherKey)
        }
    }
}
