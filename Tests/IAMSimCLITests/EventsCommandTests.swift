import Foundation
import IAMSimTestSupport
import Testing

/// `iamsim events` shows CloudTrail's fields: the event source, the identity's type, the key,
/// where the call came from and whether MFA authenticated the session.
@Suite("iamsim events: CloudTrail's fields in text and JSON")
struct EventsCommandTests {
    func signedIn() throws -> InProcessHarness {
        let h = try InProcessHarness()
        try h.run(["init", "--fixture", try h.writeFastFixture()])
        try h.run(["clock", "set", "2026-01-05T09:30:05Z"])
        try h.run(["signin", "--email", TestValues.email, "--password-stdin"], stdin: TestValues.password)
        return h
    }

    @Test("the table: SOURCE, FROM, and the key, MFA and agent in DETAIL")
    func text() throws {
        let h = try signedIn()
        try h.run(["users", "create", "bob"])
        try h.run(["access-keys", "use", TestValues.rootKey, "--secret-stdin"], stdin: "wrong")
        let r = try h.run(["events", "--limit", "3"])
        #expect(r.status == 0)
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 4)
        #expect(lines[0].hasPrefix("TIME"))
        for header in ["SOURCE", "EVENT", "OUTCOME", "ACTOR", "FROM", "RESOURCE", "DETAIL"] {
            #expect(lines[0].contains(header))
        }
        // Signing in, creating bob: the console, from the CLI, with the session's MFA.
        #expect(lines[1].contains("signin ") && lines[1].contains("ConsoleLogin") && lines[1].contains(" iamsim-cli "))
        #expect(lines[1].hasSuffix("MFAUsed=No"))
        #expect(
            lines[2].contains("iam ") && lines[2].contains("CreateUser") && lines[2].hasSuffix("MFAAuthenticated=No"))
        // A program's use of root's key with the wrong secret: STS, the key, the error.
        #expect(lines[3].contains("sts ") && lines[3].contains("GetCallerIdentity"))
        #expect(lines[3].hasSuffix("Key=\(TestValues.rootKey) SignatureDoesNotMatch"))
    }

    @Test("JSON Lines: sourceIPAddress, userAgent, userIdentity's type, accessKeyId and sessionContext")
    func json() throws {
        let h = try signedIn()
        try h.run(["users", "create", "bob"])
        try h.run(["access-keys", "use", TestValues.rootKey, "--secret-stdin"], stdin: "wrong")
        let r = try h.run(["events", "--limit", "3", "--output", "json"])
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        let records = try lines.map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
        #expect(
            records.map { $0["eventSource"] as? String } == [
                "signin.amazonaws.com", "iam.amazonaws.com", "sts.amazonaws.com",
            ])
        #expect(records.allSatisfy { $0["sourceIPAddress"] as? String == "iamsim-cli" })
        #expect(records.allSatisfy { $0["userAgent"] as? String == "iamsim-cli" })
        let created = try #require(records[1]["userIdentity"] as? [String: Any])
        #expect(created["type"] as? String == "Root")
        #expect(created["accessKeyId"] == nil)
        let session = try #require(created["sessionContext"] as? [String: Any])
        #expect((session["attributes"] as? [String: String])?["mfaAuthenticated"] == "false")
        let used = try #require(records[2]["userIdentity"] as? [String: Any])
        #expect(used["accessKeyId"] as? String == TestValues.rootKey)
        #expect(used["sessionContext"] == nil)
        #expect(records[2]["errorCode"] as? String == "SignatureDoesNotMatch")
        // CloudTrail's order: the origin right after the event's name.
        #expect(
            lines[1].contains(
                #""eventName":"CreateUser","sourceIPAddress":"iamsim-cli","userAgent":"iamsim-cli","recipientAccountId""#
            ))
    }
}
