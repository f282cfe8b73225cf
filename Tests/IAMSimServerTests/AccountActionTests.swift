import Foundation
import IAMSimCore
import IAMSimTestSupport
import Testing

/// The account through the Query API: its alias, its summary computed from state, and the
/// credential report, root's row first.
@Suite("Query API: account aliases, the account summary, the credential report")
struct AccountActionTests {
    @Test("CreateAccountAlias, ListAccountAliases, DeleteAccountAlias")
    func aliases() throws {
        let client = try QueryClient()
        expectResult(
            client.call("ListAccountAliases"), "ListAccountAliases",
            "<AccountAliases/>\n<IsTruncated>false</IsTruncated>")
        expectResult(client.call("CreateAccountAlias", [("AccountAlias", "my-team")]), "CreateAccountAlias", nil)
        expectResult(
            client.call("ListAccountAliases"), "ListAccountAliases",
            """
            <AccountAliases>
              <member>my-team</member>
            </AccountAliases>
            <IsTruncated>false</IsTruncated>
            """)
        expectError(
            client.call("CreateAccountAlias", [("AccountAlias", "My_Team")]), 400, "ValidationError",
            "1 validation error detected: Value 'My_Team' at 'accountAlias' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[a-z0-9]([a-z0-9]|-(?!-)){1,61}[a-z0-9]$"
        )
        expectError(
            client.call("DeleteAccountAlias", [("AccountAlias", "other")]), 404, "NoSuchEntity",
            "The account alias other cannot be found.")
        expectResult(client.call("DeleteAccountAlias", [("AccountAlias", "my-team")]), "DeleteAccountAlias", nil)
        #expect(client.call("ListAccountAliases").values("member") == [])
    }

    @Test("GetAccountSummary is a map in AWS's key order, computed from the account's state")
    func summary() throws {
        let client = try QueryClient()
        try client.store.createUser(caller: client.root, userName: "bob")
        try client.store.createVirtualMFADevice(caller: client.root, deviceName: "spare")
        let answer = client.call("GetAccountSummary")
        #expect(answer.status == 200)
        #expect(
            answer.body.contains(
                """
                    <SummaryMap>
                      <entry>
                        <key>Users</key>
                        <value>1</value>
                      </entry>
                      <entry>
                        <key>UsersQuota</key>
                        <value>5000</value>
                      </entry>
                """))
        let keys = answer.values("key")
        let values = answer.values("value").compactMap(Int.init)
        let map = Dictionary(uniqueKeysWithValues: zip(keys, values))
        #expect(keys.count == 34)
        #expect(map["MFADevices"] == 1)
        #expect(map["MFADevicesInUse"] == 0)
        #expect(map["AccountMFAEnabled"] == 0)
        #expect(map["AccountAccessKeysPresent"] == 1)
        // An IAM user may read it too, as for the console's dashboard.
        let bob = client.signing(with: try client.store.createAccessKey(caller: client.root, userName: "bob"))
        #expect(bob.call("GetAccountSummary").status == 200)
    }

    @Test(
        "GenerateCredentialReport starts a report, then answers COMPLETE for 4 hours; GetCredentialReport is its CSV, root first"
    )
    func credentialReport() throws {
        let client = try QueryClient()
        try client.store.createUser(caller: client.root, userName: "bob")
        expectError(client.call("GetCredentialReport"), 410, "ReportNotPresent", "Credential report not present.")
        expectResult(
            client.call("GenerateCredentialReport"), "GenerateCredentialReport",
            """
            <State>STARTED</State>
            <Description>No report exists. Starting a new report generation task</Description>
            """)
        expectResult(client.call("GenerateCredentialReport"), "GenerateCredentialReport", "<State>COMPLETE</State>")
        let answer = client.call("GetCredentialReport")
        let content = try #require(answer.value("Content"))
        expectResult(
            answer, "GetCredentialReport",
            """
            <Content>\(content)</Content>
            <ReportFormat>text/csv</ReportFormat>
            <GeneratedTime>2026-01-05T09:30:05Z</GeneratedTime>
            """)
        let csv = try #require(Data(base64Encoded: content).map { String(decoding: $0, as: UTF8.self) })
        let lines = csv.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines[0].hasPrefix("user,arn,user_creation_time,password_enabled,"))
        #expect(lines[1].hasPrefix("<root_account>,arn:aws:iam::123456789012:root,2026-01-05T09:00:00+00:00,"))
        #expect(lines[2].hasPrefix("bob,arn:aws:iam::123456789012:user/bob,2026-01-05T09:30:05+00:00,false,"))
    }
}
