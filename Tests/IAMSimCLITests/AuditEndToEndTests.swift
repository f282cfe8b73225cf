import Foundation
import IAMSimTestSupport
import Testing

/// The auditor's view of a deliberately messy account, with the commands run in process. The
/// expected findings below were worked out by hand from Fixtures/messy-account.json.
@Suite("End to end: auditing a messy account")
struct AuditEndToEndTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures/messy-account.json").path

    func messy() throws -> InProcessHarness {
        let h = try InProcessHarness()
        let r = try h.run(["init", "--fixture", Self.fixture])
        #expect(r.status == 0, "\(r.stderr)")
        try h.run(["clock", "set", "2026-01-05T09:30:05Z"])
        return h
    }

    func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test("every finding has the verdict worked out by hand")
    func verdicts() throws {
        let h = try messy()
        let r = try h.run(["audit", "--output", "json"])
        #expect(r.status == 0)
        let findings = try #require(try json(r.stdout)["Findings"] as? [[String: Any]])
        let verdicts = findings.map { "\($0["Id"] as? String ?? "?")=\($0["Status"] as? String ?? "?")" }
        #expect(
            verdicts == [
                "root-access-keys=FAIL",  // two root keys, one active
                "cis-root-access-key=FAIL",  // AKIAMESSYROOTKEY0001 is active
                "root-mfa=PASS",  // root-phone is assigned
                "iam-9-root-mfa=PASS",
                "iam-6-root-hardware-mfa=FAIL",  // root's only device is virtual
                "avoid-root-use=FAIL",  // the root key was used at 08:00, 90 minutes before the audit
                "iam-5-console-users-mfa=FAIL",  // bob and dave sign in without MFA
                "individual-users=PASS",  // alice, bob, carol, dave
                "use-groups=PASS",  // admins, developers, auditors
                "password-policy=PASS",  // a custom policy is set
                "cis-password-length=FAIL",  // 8 < 14
                "cis-password-reuse=FAIL",  // no reuse prevention
            ])
        let consoleUsers = try #require(findings.first { $0["Id"] as? String == "iam-5-console-users-mfa" })
        #expect(consoleUsers["Evidence"] as? String == "2 of 3 console users have no MFA: bob, dave.")
        try assertSnapshot(r.stdout, named: "audit-messy.json")
    }

    @Test("--fail-on gates: FAIL and CRITICAL trip on this account, the exit status says so")
    func gate() throws {
        let h = try messy()
        #expect(try h.run(["audit", "--fail-on", "FAIL"]).status == 1)
        #expect(try h.run(["audit", "--fail-on", "critical"]).status == 1)
        // After the fixes for the critical findings, only lower severities fail.
        try h.run(
            [
                "signin", "--email", "root@messy-corp.example", "--password-stdin", "--mfa-code",
                IndependentTOTP.code(
                    base32: "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP", unixTime: 1_767_605_405),
            ],
            stdin: "Messy-Root-2026!")
        try h.run(["access-keys", "delete", "AKIAMESSYROOTKEY0001"])
        try h.run(["access-keys", "delete", "AKIAMESSYROOTKEY0002"])
        #expect(try h.run(["audit", "--fail-on", "CRITICAL"]).status == 1)  // IAM.6: still no hardware MFA
        #expect(try h.run(["audit", "--fail-on", "LOW"]).status == 1)
        #expect(try h.run(["audit"]).status == 0)
    }

    @Test("CSV output parses with Python's csv module: a header and one row per finding")
    func csv() throws {
        let h = try messy()
        let r = try h.run(["audit", "--output", "csv"])
        let rows = try parseCSV(r.stdout)
        #expect(rows.first == ["id", "title", "controls", "severity", "status", "evidence", "remedy"])
        #expect(rows.count == 13)
        #expect(rows.allSatisfy { $0.count == 7 })
        #expect(
            rows[7] == [
                "iam-5-console-users-mfa", "MFA for every IAM user with console access",
                "CIS 1.2 (v1.2); CIS 1.10 (v1.4, v3.0); CIS 1.9 (v5.0); Security Hub IAM.5", "MEDIUM", "FAIL",
                "2 of 3 console users have no MFA: bob, dave.",
                "iamsim mfa assign NAME, then iamsim mfa activate NAME --user USER --code1 C1 --code2 C2, for each user listed",
            ])
    }

    @Test("the credential report: not present, then AWS's exact CSV, then the 4-hour rule")
    func credentialReport() throws {
        let h = try messy()
        var r = try h.run(["credential-report", "get"])
        #expect(
            r.stderr
                == "An error occurred (ReportNotPresent) when calling the GetCredentialReport operation: Credential report not present. Generate one first: iamsim credential-report generate\n"
        )
        #expect(r.status == 254)
        r = try h.run(["credential-report", "generate", "--output", "json"])
        #expect(try json(r.stdout)["State"] as? String == "STARTED")
        #expect(
            try json(r.stdout)["Description"] as? String == "No report exists. Starting a new report generation task")
        r = try h.run(["credential-report", "get", "--output", "csv"])
        // Written by hand from the fixture; users by name, root first.
        let expected = """
            user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,access_key_2_last_used_region,access_key_2_last_used_service,cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated
            <root_account>,arn:aws:iam::210987654321:root,2025-06-01T00:00:00+00:00,not_supported,2026-01-04T22:00:00+00:00,not_supported,not_supported,true,true,2025-06-01T00:00:00+00:00,2026-01-05T08:00:00+00:00,us-east-1,s3,false,2025-07-01T00:00:00+00:00,N/A,N/A,N/A,false,N/A,false,N/A
            alice,arn:aws:iam::210987654321:user/alice,2025-06-02T00:00:00+00:00,true,2026-01-05T07:00:00+00:00,2025-06-02T00:00:00+00:00,N/A,true,true,2025-06-02T00:00:00+00:00,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A
            bob,arn:aws:iam::210987654321:user/bob,2025-06-03T00:00:00+00:00,true,no_information,2025-06-03T00:00:00+00:00,N/A,false,true,2025-06-03T00:00:00+00:00,2025-12-24T12:00:00+00:00,eu-west-1,ec2,false,2025-09-01T00:00:00+00:00,N/A,N/A,N/A,false,N/A,false,N/A
            carol,arn:aws:iam::210987654321:user/carol,2025-06-04T00:00:00+00:00,false,N/A,N/A,N/A,false,true,2025-06-04T00:00:00+00:00,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A
            dave,arn:aws:iam::210987654321:user/dave,2025-12-01T00:00:00+00:00,true,no_information,2025-12-01T00:00:00+00:00,N/A,false,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A

            """
        #expect(r.stdout == expected)
        let rows = try parseCSV(r.stdout)
        #expect(rows.count == 6 && rows.allSatisfy { $0.count == 22 })
        // JSON is AWS's shape: the CSV base64-encoded.
        r = try h.run(["credential-report", "get", "--output", "json"])
        let answer = try json(r.stdout)
        let content = try #require(answer["Content"] as? String)
        #expect(Data(base64Encoded: content) == Data(expected.utf8))
        #expect(answer["ReportFormat"] as? String == "text/csv")
        #expect(answer["GeneratedTime"] as? String == "2026-01-05T09:30:05+00:00")
        // Within 4 hours the report stands; after, a new one starts.
        try h.run(["clock", "advance", "3h59m"])
        #expect(
            try json(try h.run(["credential-report", "generate", "--output", "json"]).stdout)["State"] as? String
                == "COMPLETE")
        try h.run(["clock", "advance", "1m"])
        #expect(
            try json(try h.run(["credential-report", "generate", "--output", "json"]).stdout)["State"] as? String
                == "STARTED")
    }

    @Test("events filter by identity, action and time, as JSON Lines")
    func events() throws {
        let h = try messy()
        try h.run(["signin", "--account", "messy-corp", "--user", "bob", "--password-stdin"], stdin: "wrong")
        try h.run(
            ["signin", "--account", "messy-corp", "--user", "bob", "--password-stdin"], stdin: "Bob-Console-2026!")
        try h.run(["clock", "advance", "1h"])
        try h.run(["users", "list"])  // refused: bob is not root
        var r = try h.run(["events", "--action", "consolelogin", "--output", "json"])
        let logins = r.stdout.split(separator: "\n")
        #expect(logins.count == 2)
        #expect(logins[0].contains("\"errorCode\":\"AccessDenied\""))
        #expect(logins[1].contains("\"responseElements\":{\"ConsoleLogin\":\"Success\"}"))
        #expect(
            logins[1].contains("\"userIdentity\":{\"type\":\"IAMUser\",\"arn\":\"arn:aws:iam::210987654321:user/bob\""))
        r = try h.run(["events", "--identity", "bob"])
        #expect(r.stdout.contains("ListUsers"))
        #expect(!r.stdout.contains("LoadFixture"))
        // The sign-ins were more than 30 simulated minutes ago; the clock move and the refusal were not.
        r = try h.run(["events", "--since", "30m"])
        #expect(r.stdout.contains("AdvanceClock") && r.stdout.contains("ListUsers"))
        #expect(!r.stdout.contains("ConsoleLogin"))
    }

    func parseCSV(_ text: String) throws -> [[String]] {
        let script = "import csv,json,sys; print(json.dumps(list(csv.reader(sys.stdin))))"
        let output = try BinaryHarness.tool("/usr/bin/env", ["python3", "-c", script], stdin: text).stdout
        return try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [[String]])
    }
}
