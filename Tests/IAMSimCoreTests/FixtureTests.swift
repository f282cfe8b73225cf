import Foundation
import Testing

@testable import IAMSimCore

@Suite("Fixtures")
struct FixtureTests {
    @Test("the built-in fixture is the lesson's starting state")
    func builtIn() throws {
        let fixture = try Fixture.builtInDefault()
        #expect(fixture.name == "root-mfa-lesson")
        #expect(fixture.account.accountID == "123456789012")
        #expect(fixture.account.root.email == "trainee@example.com")
        #expect(fixture.account.root.password == "Activate-MFA-2026!")
        let key = try #require(fixture.account.root.accessKeys?.first)
        #expect(key.accessKeyID == "AKIAIOSFODNN7EXAMPLE")
        #expect(key.secretAccessKey == "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")
        #expect(key.status == .active)
        #expect(fixture.account.root.mfaDevices == [])
    }

    @Test("the embedded fixture is byte-for-byte Fixtures/root-mfa-lesson.json")
    func embeddedMatchesFile() throws {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Fixtures/root-mfa-lesson.json")
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(text == Fixture.defaultJSON + "\n")
    }

    static let valid = """
        {"FormatVersion": 1, "Name": "t", "Account": {"AccountId": "123456789012",
         "Root": {"Email": "a@example.com", "Password": "pw"}}}
        """

    @Test("a minimal fixture loads")
    func minimal() throws {
        let fixture = try Fixture.load(Data(Self.valid.utf8), source: "t.json")
        #expect(fixture.account.root.accessKeys == nil)
    }

    @Test(
        "structural problems name their JSON path",
        arguments: [
            ("{", "$: not valid JSON"),
            (#"{"FormatVersion": 1, "Name": "t"}"#, "$.Account: is required"),
            (
                #"{"FormatVersion": 1, "Name": "t", "Account": {"AccountId": 123, "Root": {"Email": "a@b.c", "Password": "p"}}}"#,
                "$.Account.AccountId: must be a string"
            ),
            (
                #"{"FormatVersion": 1, "Name": "t", "Account": {"AccountId": "123456789012", "CreateDate": "soon", "Root": {"Email": "a@b.c", "Password": "p"}}}"#,
                "$.Account.CreateDate: 'soon' is not a time iamsim accepts: not an ISO 8601 time; use YYYY-MM-DD, or YYYY-MM-DDTHH:MM[:SS[.fff]] followed by Z, +HH:MM, -HH:MM or nothing (UTC), such as 2026-11-29T09:00:00Z."
            ),
            (
                #"{"FormatVersion": 1, "Name": "t", "Account": {"AccountId": "123456789012", "CreateDate": "2026-02-29T00:00:00Z", "Root": {"Email": "a@b.c", "Password": "p"}}}"#,
                "$.Account.CreateDate: '2026-02-29T00:00:00Z' is not a time iamsim accepts: February 2026 has 28 days, so there is no day 29."
            ),
        ])
    func structural(json: String, message: String) {
        #expect(throws: LocalError.file(path: "t.json", reason: "it is not a valid fixture: " + message)) {
            try Fixture.load(Data(json.utf8), source: "t.json")
        }
    }

    @Test("every content problem is reported with its path and reason")
    func contentProblems() {
        let key = { (id: String) in
            Fixture.AccessKey(accessKeyID: id, secretAccessKey: String(repeating: "s", count: 40))
        }
        let fixture = Fixture(
            formatVersion: 2, name: "messy",
            account: .init(
                accountID: "12345", accountAlias: "Bad_Alias",
                root: .init(
                    email: "not-an-email",
                    accessKeys: [key("AKIAAAAAAAAAAAAAAAAA"), key("AKIAAAAAAAAAAAAAAAAA"), key("AKIA!")],
                    mfaDevices: [
                        .init(deviceName: "phone", base32StringSeed: "NOT-BASE32-1"),
                        .init(deviceName: "PHONE", base32StringSeed: "JBSWY3DP"),
                        .init(deviceName: "token", type: .hardware, base32StringSeed: "JBSWY3DP"),
                    ]),
                users: [.init(userName: "bob"), .init(userName: "BOB", path: "nopath")]))
        #expect(
            fixture.problems().map(\.description) == [
                "$.FormatVersion: unsupported format version 2 (this iamsim reads 1)",
                "$.Account.AccountId: must be exactly 12 digits",
                "$.Account.AccountAlias: \(AccountAlias.rule)",
                "$.Account.Root.Email: must be an email address such as trainee@example.com",
                "$.Account.Root: give exactly one of Password or PasswordHash",
                "$.Account.Root.AccessKeys: at most 2 access keys per identity (found 3)",
                "$.Account.Root.AccessKeys[1].AccessKeyId: duplicate access key id AKIAAAAAAAAAAAAAAAAA",
                "$.Account.Root.AccessKeys[2].AccessKeyId: must be 16 to 128 letters, digits or underscores, such as AKIAIOSFODNN7EXAMPLE",
                "$.Account.Root.MFADevices[0].Base32StringSeed: must be base32 (A-Z, 2-7)",
                "$.Account.Root.MFADevices[1].DeviceName: duplicate MFA device name PHONE",
                "$.Account.Root.MFADevices[2].SerialNumber: hardware tokens need a serial number",
                "$.Account.Users[1].UserName: duplicate user name BOB (names are case-insensitive)",
                "$.Account.Users[1].Path: \(IAMPath.rule)",
            ])
    }
}

@Suite("Fixture seeds are base32 an encoder could have written")
struct FixtureSeedTests {
    /// The built-in fixture with one root device and one hardware token carrying `seed`.
    func problems(seed: String) throws -> [String] {
        var fixture = try Fixture.builtInDefault()
        fixture.account.root.mfaDevices = [.init(deviceName: "root-mfa", base32StringSeed: seed)]
        fixture.account.hardwareTokens = [.init(serialNumber: "GAHT12345678", base32StringSeed: seed)]
        return fixture.problems().map(\.description)
    }

    static func lengthReason(_ count: Int) -> String {
        "must be base32 (A-Z, 2-7): no encoder writes \(count) characters (a character is missing or extra; AWS's seeds have 64)"
    }

    @Test(
        "seeds of a length base32 cannot have, or with characters outside A-Z and 2-7, are refused",
        arguments: [
            // The seed two shipped fixtures carried: 86 characters, and 86 mod 8 = 6.
            (
                "MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43UOV3HO6DZPIYTEMZUGU3DOOBZGAYTEMZUGU3DOOBZGBQWEY3EMVTGOZ",
                lengthReason(86)
            ),
            (String(repeating: "A", count: 63) + "AA", lengthReason(65)),
            (String(repeating: "A", count: 62), lengthReason(62)),
            ("JBSWY3DPE", lengthReason(9)),
            ("JBSWY3DPEHP", lengthReason(11)),
            ("J", lengthReason(1)),
            ("JBSWY3D1", "must be base32 (A-Z, 2-7)"),
            ("JBSWY3D0", "must be base32 (A-Z, 2-7)"),
            ("JBSWY3D8", "must be base32 (A-Z, 2-7)"),
            ("JBSWY3DP!", "must be base32 (A-Z, 2-7)"),
            ("", "must be base32 (A-Z, 2-7)"),
            ("MY=", "must be base32 (A-Z, 2-7): '=' padding may only end the text, completing a group of 8 characters"),
        ])
    func refused(seed: String, reason: String) throws {
        #expect(
            try problems(seed: seed) == [
                "$.Account.Root.MFADevices[0].Base32StringSeed: \(reason)",
                "$.Account.HardwareTokens[0].Base32StringSeed: \(reason)",
            ])
    }

    @Test(
        "seeds of every length an encoder writes are accepted, with authenticator apps' spaces and case",
        arguments: [
            "JB", "JBSW", "JBSWY", "JBSWY3D", "JBSWY3DP", "JBSWY3DPEHPK3PXP", "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ",
            String(repeating: "JBSWY3DPEHPK3PXP", count: 4), "jbsw y3dp ehpk 3pxp", "MY======",
        ])
    func accepted(seed: String) throws {
        #expect(try problems(seed: seed) == [])
    }
}

@Suite("Account summary and security status")
struct ChecklistTests {
    let account = AccountID(known: "123456789012")

    let now = Date(timeIntervalSince1970: 1_767_605_405)

    @Test("the dashboard shows the five classic items in the console's order")
    func fiveItems() {
        let dashboard = Dashboard(
            state: AccountState(accountID: account, rootAccessKeys: 1, rootActiveAccessKeys: 1),
            snapshot: AuditSnapshot(accountID: account, now: now, rootAccessKeys: [.init(active: true)]),
            signedInAs: nil)
        #expect(
            dashboard.securityStatus.map(\.id) == [
                "root-access-keys", "root-mfa", "individual-users", "use-groups", "password-policy",
            ])
        #expect(dashboard.securityStatus.map(\.status) == [.fail, .fail, .fail, .fail, .fail])
        #expect(dashboard.securityStatus[0].detail == "The root user has 1 access key (1 active).")
        #expect(dashboard.securityStatus[1].detail == "The root user has no active MFA device.")
        #expect(dashboard.securityStatus.allSatisfy { $0.remedy != nil })
    }

    @Test("an inactive root key still fails: the item asks for deletion")
    func inactiveKey() {
        let dashboard = Dashboard(
            state: AccountState(accountID: account, rootAccessKeys: 1),
            snapshot: AuditSnapshot(accountID: account, now: now, rootAccessKeys: [.init(active: false)]),
            signedInAs: nil)
        #expect(dashboard.securityStatus[0].status == .fail)
        #expect(dashboard.securityStatus[0].detail == "The root user has 1 access key (0 active).")
    }

    @Test("the finished lesson passes the two root items")
    func finished() {
        let dashboard = Dashboard(
            state: AccountState(accountID: account, rootMFADevices: 1),
            snapshot: AuditSnapshot(accountID: account, now: now, rootMFADevices: [.virtual]), signedInAs: nil)
        #expect(dashboard.securityStatus.prefix(2).map(\.status) == [.pass, .pass])
        #expect(
            dashboard.securityStatus.prefix(2).map(\.detail) == [
                "The root user has no access keys.", "The root user has 1 active MFA device.",
            ])
        #expect(dashboard.securityStatus.prefix(2).allSatisfy { $0.remedy == nil })
    }

    @Test("the summary map has AWS's keys, live counts and default quotas")
    func summary() {
        let summary = AccountSummary(
            AccountState(
                accountID: account, users: 3, mfaDevices: 2, mfaDevicesInUse: 1, rootAccessKeys: 2, rootMFADevices: 1))
        #expect(summary.entries.count == 34)
        #expect(summary.entries.first?.key == "Users")
        #expect(summary["Users"] == 3)
        #expect(summary["MFADevices"] == 2)
        #expect(summary["MFADevicesInUse"] == 1)
        #expect(summary["AccountMFAEnabled"] == 1)
        #expect(summary["AccountAccessKeysPresent"] == 1)
        #expect(summary["AccessKeysPerUserQuota"] == 2)
        #expect(summary["UsersQuota"] == 5_000)
        #expect(summary["NoSuchKey"] == nil)
        #expect(AccountSummary(AccountState(accountID: account))["AccountMFAEnabled"] == 0)
    }
}
