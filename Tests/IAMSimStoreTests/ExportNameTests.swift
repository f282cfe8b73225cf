import Testing

@testable import IAMSimCore
@testable import IAMSimStore

@Suite("Exported fixtures' names")
struct ExportNameTests {
    @Test(
        "an export is named after the account's fixture with -export added once",
        arguments: [
            ("root-mfa-lesson", "root-mfa-lesson-export"), ("root-mfa-lesson-export", "root-mfa-lesson-export"),
            ("messy-account.json-export", "messy-account.json-export"), ("exporter", "exporter-export"),
        ])
    func named(fixture: String, exported: String) {
        #expect(AccountStore.exportName(fixtureName: fixture, accountID: AccountID(known: "123456789012")) == exported)
    }

    @Test("an account without a fixture name exports as ACCOUNT-export, which loads and exports back the same")
    func unnamed() {
        let account = AccountID(known: "123456789012")
        #expect(AccountStore.exportName(fixtureName: nil, accountID: account) == "123456789012-export")
        #expect(AccountStore.exportName(fixtureName: "", accountID: account) == "123456789012-export")
        #expect(
            AccountStore.exportName(fixtureName: "123456789012-export", accountID: account) == "123456789012-export")
    }
}
