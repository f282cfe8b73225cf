import Foundation
import IAMSimTestSupport
import Testing

/// STS `GetSessionToken` with the unmodified aws CLI: root's MFA enabled with iamsim's console
/// commands on the server's database file, a session token got with a real code, used, and
/// expired by moving the account's clock.
@Suite("End to end: aws sts get-session-token with an MFA code", .serialized)
struct SessionTokenEndToEndTests {
    static let start: Int64 = 1_767_605_405  // 2026-01-05T09:30:05Z

    func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test("a session with MFA answers as root until the account's clock passes its expiration")
    func sessionWithMFA() throws {
        let server = try ServerHarness()
        defer { server.stop() }
        let cli = server.files
        try cli.run(["clock", "set", "2026-01-05T09:30:05Z"])
        var r = try cli.run(["signin", "--email", TestValues.email, "--password-stdin"], stdin: TestValues.password)
        #expect(r.status == 0, "\(r.stderr)")
        let assigned = try json(try cli.run(["mfa", "assign", "root-mfa", "--output", "json"]).stdout)
        let device = try #require(assigned["VirtualMFADevice"] as? [String: Any])
        let seedText = try #require(device["Base32StringSeed"] as? String)
        let seedData = try #require(Data(base64Encoded: seedText))
        let seed = String(decoding: seedData, as: UTF8.self)
        r = try cli.run([
            "mfa", "activate", "root-mfa", "--code1", IndependentTOTP.code(base32: seed, unixTime: Self.start - 30),
            "--code2", IndependentTOTP.code(base32: seed, unixTime: Self.start),
        ])
        #expect(r.status == 0, "\(r.stderr)")
        try cli.run(["clock", "advance", "30s"])

        let serial = "arn:aws:iam::123456789012:mfa/root-mfa"
        let code = IndependentTOTP.code(base32: seed, unixTime: Self.start + 30)
        r = try server.aws([
            "sts", "get-session-token", "--serial-number", serial, "--token-code", code, "--duration-seconds", "900",
        ])
        #expect(r.status == 0, "\(r.stderr)")
        let credentials = try #require(try json(r.stdout)["Credentials"] as? [String: Any])
        let key = try #require(credentials["AccessKeyId"] as? String)
        let secret = try #require(credentials["SecretAccessKey"] as? String)
        let token = try #require(credentials["SessionToken"] as? String)
        #expect(key.hasPrefix("ASIA"))
        #expect(credentials["Expiration"] as? String == "2026-01-05T09:45:35Z")

        // The same code again: AWS's refusal, exit 255.
        r = try server.aws(["sts", "get-session-token", "--serial-number", serial, "--token-code", code])
        #expect(r.status == 255)
        #expect(
            r.stderr.contains(
                "An error occurred (AccessDenied) when calling the GetSessionToken operation: MultiFactorAuthentication failed with invalid MFA one time pass code."
            ))

        r = try server.aws(["sts", "get-caller-identity"], key: key, secret: secret, token: token)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try json(r.stdout)["Arn"] as? String == "arn:aws:iam::123456789012:root")

        try cli.run(["clock", "advance", "15m"])
        r = try server.aws(["sts", "get-caller-identity"], key: key, secret: secret, token: token)
        #expect(r.status == 255)
        #expect(
            r.stderr.contains(
                "An error occurred (ExpiredToken) when calling the GetCallerIdentity operation: The security token included in the request is expired"
            ))

        // The event log has each call in CloudTrail's shape, the aws CLI as its agent.
        r = try cli.run(["events", "--action", "GetSessionToken", "--output", "json"])
        let issued = try r.stdout.split(separator: "\n").map { try json(String($0)) }
        #expect(issued.count == 2)
        #expect(issued.map { $0["errorCode"] as? String } == [nil, "AccessDenied"])
        for record in issued {
            #expect(record["eventSource"] as? String == "sts.amazonaws.com")
            #expect(record["sourceIPAddress"] as? String == "127.0.0.1")
            #expect((record["userAgent"] as? String)?.hasPrefix("aws-cli/1.") == true)
            let identity = try #require(record["userIdentity"] as? [String: Any])
            #expect(identity["type"] as? String == "Root")
            #expect(identity["accessKeyId"] as? String == TestValues.rootKey)
            #expect(identity["sessionContext"] == nil)
        }
        r = try cli.run(["events", "--action", "GetCallerIdentity", "--output", "json"])
        let used = try r.stdout.split(separator: "\n").map { try json(String($0)) }
        #expect(used.map { $0["errorCode"] as? String } == [nil, "ExpiredToken"])
        for record in used {
            let identity = try #require(record["userIdentity"] as? [String: Any])
            #expect(identity["accessKeyId"] as? String == key)
            #expect(
                (identity["sessionContext"] as? [String: Any]).flatMap { $0["attributes"] as? [String: String] }
                    == ["mfaAuthenticated": "true"])
        }
    }
}
