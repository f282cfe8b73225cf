import Foundation
import IAMSimTestSupport
import Testing

/// The two actions added through the whole stack (Core rule → store → CLI): `UpdateUser` and
/// `GetMFADevice`, through the built binary.
@Suite("End to end: users update and mfa get")
struct NewActionsEndToEndTests {
    static let start: Int64 = 1_767_605_405  // 2026-01-05T09:30:05Z

    func signedIn() throws -> BinaryHarness {
        let h = try BinaryHarness()
        try h.run(["init", "--fixture", try h.writeFastFixture()])
        try h.run(["clock", "set", "2026-01-05T09:30:05Z"])
        try h.run(["signin", "--email", BinaryHarness.email, "--password-stdin"], stdin: BinaryHarness.password)
        return h
    }

    @Test("users update renames and moves a user; a taken name, a missing user and no change asked are refused")
    func updateUser() throws {
        let h = try signedIn()
        try h.run(["users", "create", "bob"])
        try h.run(["users", "create", "carol"])
        var r = try h.run(["users", "update", "bob", "--new-user-name", "robert", "--new-path", "/staff/"])
        #expect(
            r
                == .init(
                    stdout: "IAM user bob is now robert, path /staff/ (arn:aws:iam::123456789012:user/staff/robert).\n",
                    stderr: "",
                    status: 0))
        r = try h.run(["users", "update", "robert", "--new-path", "/", "--output", "json"])
        #expect(r == .init(stdout: "{}\n", stderr: "", status: 0))
        r = try h.run(["users", "get", "robert", "--output", "json"])
        #expect(r.stdout.contains("\"Arn\": \"arn:aws:iam::123456789012:user/robert\""))
        r = try h.run(["users", "update", "robert", "--new-user-name", "Carol"])
        #expect(
            r
                == .init(
                    stdout: "",
                    stderr:
                        "An error occurred (EntityAlreadyExists) when calling the UpdateUser operation: User with name Carol already exists.\n",
                    status: 254))
        r = try h.run(["users", "update", "bob", "--new-path", "/x/"])
        #expect(
            r
                == .init(
                    stdout: "",
                    stderr:
                        "An error occurred (NoSuchEntity) when calling the UpdateUser operation: The user with name bob cannot be found.\n",
                    status: 254))
        r = try h.run(["users", "update", "robert"])
        #expect(r.status == 64)
        #expect(r.stderr.hasPrefix("Error: Say what to change: --new-user-name NAME, --new-path PATH, or both."))
        r = try h.run(["events", "--action", "UpdateUser", "--output", "json"])
        #expect(r.stdout.components(separatedBy: "\"UpdateUser\"").count - 1 == 4)
    }

    @Test("mfa get shows a device by name or serial; JSON is GetMFADevice's shape")
    func getMFADevice() throws {
        let h = try signedIn()
        let assigned = try #require(
            try JSONSerialization.jsonObject(
                with: Data(try h.run(["mfa", "assign", "root-mfa", "--output", "json"]).stdout.utf8))
                as? [String: Any])
        let device = try #require(assigned["VirtualMFADevice"] as? [String: Any])
        let seedText = try #require(device["Base32StringSeed"] as? String)
        let seed = String(decoding: try #require(Data(base64Encoded: seedText)), as: UTF8.self)
        try h.run([
            "mfa", "activate", "root-mfa", "--code1", IndependentTOTP.code(base32: seed, unixTime: Self.start - 30),
            "--code2", IndependentTOTP.code(base32: seed, unixTime: Self.start),
        ])
        let serial = "arn:aws:iam::123456789012:mfa/root-mfa"
        for name in ["root-mfa", "ROOT-MFA", serial] {
            let r = try h.run(["mfa", "get", name, "--output", "json"])
            #expect(
                r
                    == .init(
                        stdout: """
                            {
                                "UserName": "123456789012",
                                "SerialNumber": "\(serial)",
                                "EnableDate": "2026-01-05T09:30:05+00:00"
                            }

                            """, stderr: "", status: 0))
        }
        let text = try h.run(["mfa", "get", "root-mfa"]).stdout
        #expect(
            text.hasPrefix(
                "Name:          root-mfa\nSerial number: \(serial)\nType:          virtual\nAssigned to:   root user\n")
        )
        let r = try h.run(["mfa", "get", "nope"])
        #expect(
            r
                == .init(
                    stdout: "",
                    stderr:
                        "An error occurred (NoSuchEntity) when calling the GetMFADevice operation: MFA Device with serial number arn:aws:iam::123456789012:mfa/nope does not exist.\n",
                    status: 254))
    }
}
