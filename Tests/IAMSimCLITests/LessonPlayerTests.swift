import Foundation
import IAMSimTestSupport
import Testing

@testable import IAMSimCLI
@testable import IAMSimCore

@Suite("The guided lesson")
struct LessonPlayerTests {
    func status(_ h: InProcessHarness) throws -> (done: Int, current: String?) {
        let r = try h.run(["lesson", "status", "--output", "json"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let current = (json["CurrentStep"] as? [String: Any])?["Id"] as? String
        return (json["StepsDone"] as? Int ?? -1, current)
    }

    @Test("progress is read from real state, survives between commands, and reset starts over")
    func acrossProcesses() throws {
        let h = try InProcessHarness()
        try h.run(["init", "--fixture", try h.writeFastFixture()])
        #expect(try status(h) == (0, "sign-in"))
        var r = try h.run(["lesson"])
        #expect(
            r.stdout == """
                0 of 16 steps done.

                Step 1 of 16: Sign in to the console as the root user
                  Root signs in with the account's email address and password. Until MFA is active, that password alone opens the whole account.
                  In the AWS console: Sign in → Root user → email → password
                  Run:  iamsim signin --email trainee@example.com

                """)
        try h.run(["signin", "--email", InProcessHarness.email, "--password-stdin"], stdin: InProcessHarness.password)
        r = try h.run(["lesson"])
        #expect(r.stdout.hasPrefix("Step 1 of 16 ✓  Sign in to the console as the root user\n\n1 of 16 steps done.\n"))
        #expect(r.stdout.contains("Run:  iamsim dashboard\n"))
        // A step done out of order (deleting the key without looking) implies the ones before,
        // but deleting the key while still active skips "deactivate" (it no longer counts as done).
        try h.run(["access-keys", "delete", "AKIAIOSFODNN7EXAMPLE"])
        #expect(try status(h) == (4, "assign-mfa"))
        try h.run(["clock", "set", "2026-01-05T09:30:05Z"])
        try h.run(["mfa", "assign", "root-mfa"])
        r = try h.run(["lesson"])
        #expect(
            r.stdout.contains(
                "Run:  iamsim authenticator add --uri 'otpauth://totp/Amazon%20Web%20Services:root-mfa@123456789012?secret="
            ))
        // The waiting step explains why, and offers the simulated clock.
        let start = try #require(r.stdout.range(of: "--uri '"))
        let uri = String(r.stdout[start.upperBound...].prefix { $0 != "'" })
        try h.run(["authenticator", "add", "--uri", uri])
        try h.run(["authenticator", "codes"])
        r = try h.run(["lesson"])
        #expect(r.stdout.contains("Step 9 of 16: Wait for the next code"))
        #expect(
            r.stdout.contains(
                "The clock is simulated and stands still, so the code changes only when you move it:\n  Run:  iamsim clock advance 30s"
            ))
        #expect(try status(h) == (7, "wait-for-code-2"))  // 1–8 but the skipped step 4

        r = try h.run(["lesson", "reset"])
        #expect(r.status == 0)
        #expect(try status(h) == (0, "sign-in"))
        #expect(try h.run(["authenticator", "list"]).stdout.hasPrefix("The authenticator has no accounts."))
    }

    @Test("a fresh hardware-token account: lesson status records nothing, and no output shows the token's seed")
    func hardwareTokenFreshStatus() throws {
        let (fixture, _, seed) = try MFAEndToEndTests.hardwareFixture()
        let h = try InProcessHarness()
        try h.run(["init", "--fixture", fixture])
        let text = try h.run(["lesson", "status"])
        #expect(text.stdout.contains("0 of 16 steps done."))
        #expect(text.stdout.contains("  →  1. Sign in to the console as the root user"))
        #expect(try status(h) == (0, "sign-in"))
        let next = try h.run(["lesson"])
        #expect(next.stdout.contains("Run:  iamsim signin --email trainee@example.com"))
        for output in [text.stdout, next.stdout, try h.run(["lesson", "status", "--output", "json"]).stdout] {
            #expect(!output.uppercased().contains(seed.uppercased()))
            #expect(!output.contains("otpauth://"))
        }
        // The class report agrees: nothing done.
        let report = try #require(
            try JSONSerialization.jsonObject(
                with: Data(try h.run(["class", "report", "--output", "json"]).stdout.utf8)) as? [String: Any])
        #expect((report["Accounts"] as? [[String: Any]])?.first?["StepsDone"] as? Int == 0)
    }

    @Test("assigning MFA before deleting the root key: the key steps stay to do, and the guide points at the key")
    func keyStepsBeforeMFA() throws {
        let h = try InProcessHarness()
        try h.run(["init", "--fixture", try h.writeFastFixture()])
        try h.run(["signin", "--email", InProcessHarness.email, "--password-stdin"], stdin: InProcessHarness.password)
        try h.run(["mfa", "assign", "root-mfa"])
        let r = try h.run(["lesson"])
        #expect(r.stdout.contains("Step 4 of 16: Deactivate the root access key"))
        #expect(r.stdout.contains("Run:  iamsim access-keys deactivate AKIAIOSFODNN7EXAMPLE"))
        #expect(try status(h) == (4, "deactivate-root-key"))  // 1–3 and 6
        let steps = try h.run(["lesson", "status"]).stdout
        #expect(steps.contains("  ·  5. Delete the root access key"))
        #expect(steps.contains("  ✓  6. Assign a virtual MFA device and show its QR code"))
    }

    @Test("deleting the root key while still active: step 4 is skipped, said once, and the lesson goes on")
    func deletingAnActiveKey() throws {
        let h = try InProcessHarness()
        try h.run(["init", "--fixture", try h.writeFastFixture()])
        try h.run(["signin", "--email", InProcessHarness.email, "--password-stdin"], stdin: InProcessHarness.password)
        try h.run(["access-keys", "delete", "AKIAIOSFODNN7EXAMPLE"])
        let note =
            "Step 4 skipped: the root access key was deleted while still active. The console deletes only a deactivated key, so that anything still using it fails visibly first, while the key can still be turned back on; iamsim follows the DeleteAccessKey API, which deletes an active key too. The lesson goes on without this step."
        var r = try h.run(["lesson"])
        #expect(r.stdout.hasPrefix("Step 1 of 16 ✓  Sign in to the console as the root user\n"))
        #expect(
            r.stdout.contains("Step 5 of 16 ✓  Delete the root access key\n\(note)\n\n4 of 16 steps done, 1 skipped.\n")
        )
        #expect(!r.stdout.contains("Step 4 of 16 ✓"))
        #expect(r.stdout.contains("Step 6 of 16: Assign a virtual MFA device and show its QR code"))
        r = try h.run(["lesson"])
        #expect(r.stdout.hasPrefix("4 of 16 steps done, 1 skipped.\n"))
        #expect(!r.stdout.contains(note))
        let steps = try h.run(["lesson", "status"]).stdout
        #expect(steps.contains("  ✗  4. Deactivate the root access key (skipped)\n"))
        #expect(steps.contains(note))
        let json = try #require(
            try JSONSerialization.jsonObject(
                with: Data(try h.run(["lesson", "status", "--output", "json"]).stdout.utf8))
                as? [String: Any])
        #expect(json["StepsSkipped"] as? Int == 1)
        let fourth = (json["Steps"] as? [[String: Any]])?[3]
        #expect(fourth?["Status"] as? String == "skipped")
        // The class report shows the same.
        let report = try h.run(["class", "report"]).stdout
        #expect(report.contains("4/16, 1 skipped → 6. Assign a virtual MFA device"))
    }

    /// An account whose recorded progress has steps 1–15 done while root still has an active key
    /// (as an older iamsim recorded it), with MFA active.
    func stuckAtStep16() throws -> InProcessHarness {
        let h = try InProcessHarness()
        let fixture = h.folder.appendingPathComponent("stuck.json").path
        let fifteen = Lesson.rootMFA.steps.prefix(15).map { "\"\($0.id)\"" }.joined(separator: ", ")
        try Data(
            """
            {"FormatVersion": 1, "Name": "stuck-at-16", "Account": {"AccountId": "123456789012",
             "CreateDate": "2026-01-05T09:00:00Z",
             "Root": {"Email": "\(InProcessHarness.email)", "PasswordHash": "\(InProcessHarness.cheapHash)",
              "AccessKeys": [{"AccessKeyId": "AKIAIOSFODNN7EXAMPLE", "SecretAccessKey": "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
               "Status": "Active", "CreateDate": "2026-01-05T09:00:00Z"}],
              "MFADevices": [{"DeviceName": "root-mfa", "Type": "virtual",
               "Base32StringSeed": "V7LEYZLKKSE22DN4HNPJKDNHBZNCJCZNWDULLI7EALCW3VDHFFW6WVHNDBCEEMSF",
               "EnableDate": "2026-01-05T09:30:35Z"}]},
             "LessonProgress": [{"LessonId": "root-mfa", "CompletedSteps": [\(fifteen)]}]}}
            """.utf8
        ).write(to: URL(fileURLWithPath: fixture))
        #expect(try h.run(["init", "--fixture", fixture]).status == 0)
        return h
    }

    @Test("at the last step with the root key still there, the guide names it and its fix, not the dashboard again")
    func lastStepNamesWhatFails() throws {
        let h = try stuckAtStep16()
        let r = try h.run(["lesson"])
        #expect(
            r.stdout.hasSuffix(
                """
                  In the AWS console: IAM → Dashboard → Security status
                  The dashboard cannot turn green yet.
                  The root user still has an active access key, AKIAIOSFODNN7EXAMPLE: deactivate it, then delete it.
                  Run:  iamsim access-keys deactivate AKIAIOSFODNN7EXAMPLE
                  Then open the dashboard again: iamsim dashboard

                """))
        let json = try #require(
            try JSONSerialization.jsonObject(
                with: Data(try h.run(["lesson", "status", "--output", "json"]).stdout.utf8))
                as? [String: Any])
        #expect(
            (json["CurrentStep"] as? [String: Any])?["Command"] as? String
                == "iamsim access-keys deactivate AKIAIOSFODNN7EXAMPLE")
    }

    @Test("on a terminal at the last step, the player runs the fixes for what still fails")
    func playerRunsTheFix() throws {
        let h = try stuckAtStep16()
        try h.run(["clock", "set", "2026-01-05T09:30:05Z"])
        let code = IndependentTOTP.code(
            base32: "V7LEYZLKKSE22DN4HNPJKDNHBZNCJCZNWDULLI7EALCW3VDHFFW6WVHNDBCEEMSF", unixTime: 1_767_605_405)
        let signIn = try h.run(
            ["signin", "--email", InProcessHarness.email, "--password-stdin", "--mfa-code", code],
            stdin: InProcessHarness.password)
        #expect(signIn.status == 0, "\(signIn.stderr)")
        let answers = ScriptedAnswers(["y", "y", "n"])
        let terminal = ScriptedConsole(isInteractive: true, answer: { _, _ in answers.next() })
        #expect(h.run(["lesson", "next", "--db", h.database], console: terminal.console) == 0)
        let text = terminal.transcript
        #expect(
            text.contains(
                "$ iamsim access-keys deactivate AKIAIOSFODNN7EXAMPLE\nAccess key AKIAIOSFODNN7EXAMPLE is now Inactive."
            ))
        #expect(
            text.contains("$ iamsim access-keys delete AKIAIOSFODNN7EXAMPLE\nDeleted access key AKIAIOSFODNN7EXAMPLE."))
        #expect(!text.contains("is not done yet"))
        #expect(text.contains("Run:  iamsim dashboard\nRun it now? [Y/n] "))
    }

    @Test("the demo and the lesson play one description of the 16 steps")
    func oneDescription() throws {
        // The demo's transcript names every step of Lesson.rootMFA, in order.
        let transcript = try String(
            contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
                "Snapshots/demo.txt"),
            encoding: .utf8)
        for step in Lesson.rootMFA.steps {
            #expect(transcript.contains("Step \(step.number) of 16: \(step.title)"))
        }
    }

    @Test("on a terminal, the player offers to run each step and reports progress as it goes")
    func interactive() throws {
        let h = try InProcessHarness(wallClock: .fixed(TestValues.start))
        try h.run(["init", "--fixture", try h.writeFastFixture()])
        let answers = ScriptedAnswers(["y", InProcessHarness.password, "y", "n"])
        let terminal = ScriptedConsole(isInteractive: true, answer: { _, _ in answers.next() })
        #expect(h.run(["lesson", "next", "--db", h.database], console: terminal.console) == 0)
        let text = terminal.transcript
        #expect(text.contains("Step 1 of 16: Sign in to the console as the root user"))
        #expect(
            text.contains(
                "Run it now? [Y/n] \n$ iamsim signin --email trainee@example.com\nPassword: Signed in to account 123456789012"
            ))
        #expect(text.contains("Step 1 of 16 ✓  Sign in to the console as the root user"))
        #expect(text.contains("$ iamsim dashboard\nIAM dashboard — account 123456789012"))
        #expect(text.contains("Step 2 of 16 ✓  Open the IAM dashboard and read the security status"))
        #expect(text.hasSuffix("Run it when you are ready; 'iamsim lesson' picks up where you left off.\n"))
        #expect(try status(h) == (2, "list-root-keys"))
    }

    @Test("without a terminal, output is never coloured, even without NO_COLOR")
    func noColourWhenPiped() throws {
        // The binary: whether output is coloured depends on whether the process's standard
        // output is a terminal, which only a process has.
        let h = try BinaryHarness()
        try h.run(["init", "--fixture", try h.writeFastFixture()])
        try h.run(["signin", "--email", BinaryHarness.email, "--password-stdin"], stdin: BinaryHarness.password)
        let r = try h.run(["dashboard"], environment: ["NO_COLOR": "", "TERM": "xterm-256color"])
        #expect(r.stdout.contains("[FAIL] Delete your root access keys"))
        #expect(!r.stdout.contains("\u{1B}["))
    }
}

/// Answers prompts in order; nil once they run out (end of input).
final class ScriptedAnswers: @unchecked Sendable {
    private var answers: [String]
    private let lock = NSLock()

    init(_ answers: [String]) { self.answers = answers }

    func next() -> String? {
        lock.lock()
        defer { lock.unlock() }
        return answers.isEmpty ? nil : answers.removeFirst()
    }
}
