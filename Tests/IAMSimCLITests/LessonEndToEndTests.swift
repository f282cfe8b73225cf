import Foundation
import IAMSimTestSupport
import Testing

/// The whole lesson, one process per step, as a trainee types it; codes come from an
/// independent TOTP implementation. The lesson and the first use of a database file run the
/// built binary; the choice of database path runs in process.
@Suite("End to end: the 16-step lesson through the built binary")
struct LessonEndToEndTests {
    let email = BinaryHarness.email
    let password = BinaryHarness.password

    func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    func statuses(_ dashboard: [String: Any]) -> [String] {
        (dashboard["SecurityStatus"] as? [[String: Any]] ?? []).compactMap { $0["Status"] as? String }
    }

    @Test("every step behaves as the lesson says, and state survives between processes")
    func lesson() throws {
        // The binary: the true end-to-end run, where every step is a process of its own and
        // state lives only in the file between them.
        let h = try BinaryHarness()
        let fixture = try h.writeFastFixture()
        var r = try h.run(["init", "--fixture", fixture])
        #expect(
            r
                == .init(
                    stdout:
                        "Initialized \(h.database) from fixture root-mfa-lesson-fast: account 123456789012, root user trainee@example.com.\n",
                    stderr: "", status: 0))
        r = try h.run(["clock", "set", "2026-01-05T09:30:05Z"])
        #expect(
            r.stdout
                == "2026-01-05 09:30:05 UTC (simulated; stopped until you move it; the current 30-second MFA step ends in 25 s)\n"
        )
        var now: Int64 = 1_767_605_405

        // 1. Sign in as root.
        r = try h.run(["signin", "--email", email, "--password-stdin"], stdin: password + "\n")
        #expect(
            r
                == .init(
                    stdout:
                        "Signed in to account 123456789012 as the root user (trainee@example.com), without MFA. The session lasts until 2026-01-05 21:30:05 UTC.\n",
                    stderr: "", status: 0))

        // 2. The dashboard fails both items.
        r = try h.run(["dashboard", "--output", "json"])
        var dashboard = try json(r.stdout)
        #expect(statuses(dashboard) == ["FAIL", "FAIL", "FAIL", "FAIL", "FAIL"])
        var summary = try #require(dashboard["SummaryMap"] as? [String: Int])
        #expect(summary["AccountAccessKeysPresent"] == 1)
        #expect(summary["AccountMFAEnabled"] == 0)

        // 3–5. Find, deactivate and delete the root key.
        r = try h.run(["access-keys", "list"])
        #expect(
            r.stdout == "ACCESS KEY ID         STATUS  CREATED\nAKIAIOSFODNN7EXAMPLE  Active  2026-01-05 09:00:00 UTC\n"
        )
        r = try h.run(["access-keys", "deactivate", "AKIAIOSFODNN7EXAMPLE"])
        #expect(r.stdout == "Access key AKIAIOSFODNN7EXAMPLE is now Inactive.\n")
        r = try h.run(["access-keys", "delete", "AKIAIOSFODNN7EXAMPLE"])
        #expect(r.stdout == "Deleted access key AKIAIOSFODNN7EXAMPLE.\n")
        r = try h.run(["access-keys", "list", "--output", "json"])
        #expect(try json(r.stdout)["AccessKeyMetadata"] as? [Any] != nil)
        #expect((try json(r.stdout)["AccessKeyMetadata"] as? [Any])?.isEmpty == true)

        // 6. Assign a virtual device; the JSON carries the seed as AWS does (base64 of base32 text).
        r = try h.run(["mfa", "assign", "root-mfa", "--output", "json"])
        #expect(r.status == 0)
        let assigned = try json(r.stdout)
        let device = try #require(assigned["VirtualMFADevice"] as? [String: Any])
        #expect(device["SerialNumber"] as? String == "arn:aws:iam::123456789012:mfa/root-mfa")
        let seedText = try #require(device["Base32StringSeed"] as? String)
        let seedData = try #require(Data(base64Encoded: seedText))
        let seed = String(decoding: seedData, as: UTF8.self)
        #expect(seed.count == 64)
        #expect(
            assigned["OTPAuthURI"] as? String
                == "otpauth://totp/Amazon%20Web%20Services:root-mfa@123456789012?secret=\(seed)&issuer=Amazon%20Web%20Services"
        )

        // 7. Add it to the authenticator.
        r = try h.run(["authenticator", "add", "--secret", seed, "--label", "root-mfa"])
        #expect(r.stdout == "Added root-mfa to the authenticator. See its codes with: iamsim authenticator codes\n")

        // 8–10. Read code 1, wait, read code 2: the phone agrees with the independent TOTP.
        let code1 = IndependentTOTP.code(base32: seed, unixTime: now)
        r = try h.run(["authenticator", "codes"])
        #expect(r.stdout == "LABEL     CODE    CHANGES IN  ACCOUNT\nroot-mfa  \(code1)  25 s        root-mfa\n")
        r = try h.run(["clock", "advance", "30s"])
        #expect(r.status == 0)
        now += 30
        let code2 = IndependentTOTP.code(base32: seed, unixTime: now)
        r = try h.run(["authenticator", "codes", "--output", "json"])
        let codes = try #require(try json(r.stdout)["Codes"] as? [[String: Any]])
        #expect(codes.first?["Code"] as? String == code2)

        // 11. Activate with the two consecutive codes.
        r = try h.run(["mfa", "activate", "root-mfa", "--code1", code1, "--code2", code2])
        #expect(
            r
                == .init(
                    stdout:
                        "MFA device root-mfa is assigned to the root user and active. Signing in now takes a code from it.\n",
                    stderr: "", status: 0))

        // 12. See it assigned.
        // `mfa list` is the console's MFA section: ListMFADevices (root's devices), then the
        // account's virtual devices awaiting activation (ListVirtualMFADevices).
        r = try h.run(["mfa", "list", "--output", "json"])
        let devices = try #require(try json(r.stdout)["MFADevices"] as? [[String: Any]])
        #expect(devices.count == 1)
        #expect(devices[0]["UserName"] as? String == "123456789012")
        #expect(devices[0]["SerialNumber"] as? String == "arn:aws:iam::123456789012:mfa/root-mfa")
        #expect(devices[0]["EnableDate"] as? String == "2026-01-05T09:30:35+00:00")
        r = try h.run(["mfa", "list-virtual", "--output", "json"])
        let virtual = try #require(try json(r.stdout)["VirtualMFADevices"] as? [[String: Any]])
        #expect((virtual.first?["User"] as? [String: Any])?["Arn"] as? String == "arn:aws:iam::123456789012:root")

        // 13. Sign out; the console now refuses.
        r = try h.run(["signout"])
        #expect(r.stdout == "Signed out of account 123456789012 (root user).\n")
        r = try h.run(["dashboard"])
        #expect(r.status == 254)

        // 14–15. A fresh code signs back in with MFA; without one, a script gets a clear error.
        r = try h.run(["signin", "--email", email, "--password-stdin"], stdin: password + "\n")
        #expect(
            r
                == .init(
                    stdout: "",
                    // No terminal to ask for the code: a usage error (exit 64), not AWS's AccessDenied (was 254).
                    stderr:
                        "iamsim: error: MFA code required: this identity has MFA active. Pass --mfa-code CODE (iamsim authenticator codes shows it).\n",
                    status: 64))
        r = try h.run(["clock", "advance", "30s"])
        now += 30
        let fresh = IndependentTOTP.code(base32: seed, unixTime: now)
        r = try h.run(["signin", "--email", email, "--password-stdin", "--mfa-code", fresh], stdin: password + "\n")
        #expect(
            r.stdout
                == "Signed in to account 123456789012 as the root user (trainee@example.com), with MFA. The session lasts until 2026-01-05 21:31:05 UTC.\n"
        )
        r = try h.run(["whoami", "--output", "json"])
        #expect(try json(r.stdout)["MultiFactorAuthPresent"] as? Bool == true)

        // 16. Green.
        r = try h.run(["dashboard", "--output", "json"])
        dashboard = try json(r.stdout)
        // The lesson's two root items pass; users, groups and a password policy are the next lesson.
        #expect(statuses(dashboard) == ["PASS", "PASS", "FAIL", "FAIL", "FAIL"])
        summary = try #require(dashboard["SummaryMap"] as? [String: Int])
        #expect(summary["AccountMFAEnabled"] == 1)
        #expect(summary["AccountAccessKeysPresent"] == 0)

        // Everything is in the event log, in order.
        // JSON Lines, CloudTrail-style: one record per line.
        r = try h.run(["events", "--output", "json"])
        let names = try r.stdout.split(separator: "\n").map { line in
            let record = try json(String(line))
            return "\(record["eventName"] as? String ?? "?"):\(record["errorCode"] == nil ? "Success" : "Failure")"
        }
        #expect(
            names == [
                "LoadFixture:Success", "SetClock:Success", "ConsoleLogin:Success", "GetAccountSummary:Success",
                "ListAccessKeys:Success", "UpdateAccessKey:Success", "DeleteAccessKey:Success",
                "ListAccessKeys:Success",
                "CreateVirtualMFADevice:Success", "AdvanceClock:Success", "EnableMFADevice:Success",
                "ListMFADevices:Success", "ListVirtualMFADevices:Success", "ListVirtualMFADevices:Success",
                "ConsoleSignOut:Success", "GetAccountSummary:Failure",
                "CredentialChallenge:Success", "AdvanceClock:Success", "ConsoleLogin:Success",
                "GetCallerIdentity:Success",
                "GetAccountSummary:Success",
            ])
    }

    @Test("any command on a missing database creates it from the built-in fixture and says so")
    func firstUse() throws {
        // The binary: the subject is a new file (its folder, its mode) made by a process.
        let h = try BinaryHarness()
        let r = try h.runWithoutDatabaseOption(["access-keys", "list"])
        let path = h.folder.appendingPathComponent(".local/share/iamsim/iamsim.sqlite").path
        #expect(
            r
                == .init(
                    stdout: "",
                    stderr: """
                        iamsim: created \(path) from the built-in fixture root-mfa-lesson (account 123456789012, root user trainee@example.com)
                        An error occurred (AccessDenied) when calling the ListAccessKeys operation: You are not signed in to the console. Sign in first: iamsim signin --email EMAIL

                        """,
                    status: 254))
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber
        #expect(mode?.intValue == 0o600)
        // The second run finds it and says nothing more.
        let again = try h.runWithoutDatabaseOption(
            ["signin", "--email", BinaryHarness.email, "--password-stdin"], stdin: BinaryHarness.password)
        #expect(again.stderr == "")
        #expect(again.status == 0)
    }

    @Test("IAMSIM_DB and XDG_DATA_HOME choose the database when --db is absent")
    func databaseLocation() throws {
        // In process, where each path the options resolve to is a database of its own.
        let h = try InProcessHarness()
        let fixture = try h.writeFastFixture()
        let custom = h.folder.appendingPathComponent("custom.sqlite").path
        try h.runWithoutDatabaseOption(["init", "--fixture", fixture, "--db", custom])
        var r = try h.runWithoutDatabaseOption(
            ["clock", "set", "2026-01-05T09:30:05Z"], environment: ["IAMSIM_DB": custom])
        #expect(r.status == 0 && r.stderr == "")
        let xdg = h.folder.appendingPathComponent("xdg").path
        try h.runWithoutDatabaseOption(["init", "--fixture", fixture, "--db", xdg + "/iamsim/iamsim.sqlite"])
        r = try h.runWithoutDatabaseOption(["clock", "show"], environment: ["XDG_DATA_HOME": xdg])
        #expect(r.stdout.hasSuffix("(real time)\n"))
        #expect(r.stderr == "")
    }
}
