import Foundation
import Testing

@testable import IAMSimCLI
@testable import IAMSimCore

@Suite("The guided lesson")
struct LessonPlayerTests {
    func status(_ h: BinaryHarness) throws -> (done: Int, current: String?) {
        let r = try h.run(["lesson", "status", "--output", "json"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let current = (json["CurrentStep"] as? [String: Any])?["Id"] as? String
        return (json["StepsDone"] as? Int ?? -1, current)
    }

    @Test("progress is read from real state, survives between processes, and reset starts over")
    func acrossProcesses() throws {
        let h = try BinaryHarness()
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
        try h.run(["signin", "--email", BinaryHarness.email, "--password-stdin"], stdin: BinaryHarness.password)
        r = try h.run(["lesson"])
        #expect(r.stdout.hasPrefix("Step 1 of 16 ✓  Sign in to the console as the root user\n\n1 of 16 steps done.\n"))
        #expect(r.stdout.contains("Run:  iamsim dashboard\n"))
        // A step done out of order (deleting the key without looking) implies the ones before.
        try h.run(["access-keys", "delete", "AKIAIOSFODNN7EXAMPLE"])
        #expect(try status(h) == (5, "assign-mfa"))
        try h.run(["clock", "set", "2026-01-05T09:30:05Z"])
        try h.run(["mfa", "assign", "root-mfa"])
        r = try h.run(["lesson"])
        #expect(r.stdout.contains("Run:  iamsim authenticator add --uri 'otpauth://totp/Amazon%20Web%20Services:root-mfa@123456789012?secret="))
        // The waiting step explains why, and offers the simulated clock.
        let start = try #require(r.stdout.range(of: "--uri '"))
        let uri = String(r.stdout[start.upperBound...].prefix { $0 != "'" })
        try h.run(["authenticator", "add", "--uri", uri])
        try h.run(["authenticator", "codes"])
        r = try h.run(["lesson"])
        #expect(r.stdout.contains("Step 9 of 16: Wait for the next code"))
        #expect(r.stdout.contains("The clock is simulated and stands still, so the code changes only when you move it:\n  Run:  iamsim clock advance 30s"))
        #expect(try status(h) == (8, "wait-for-code-2"))

        r = try h.run(["lesson", "reset"])
        #expect(r.status == 0)
        #expect(try status(h) == (0, "sign-in"))
        #expect(try h.run(["authenticator", "list"]).stdout.hasPrefix("The authenticator has no accounts."))
    }

    @Test("the demo and the lesson play one description of the 16 steps")
    func oneDescription() throws {
        // The demo's transcript names every step of Lesson.rootMFA, in order.
        let transcript = try String(
            contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots/demo.txt"),
            encoding: .utf8)
        for step in Lesson.rootMFA.steps {
            #expect(transcript.contains("Step \(step.number) of 16: \(step.title)"))
        }
    }

    @Test("on a terminal, the player offers to run each step and reports progress as it goes")
    func interactive() throws {
        let h = try BinaryHarness()
        try h.run(["init", "--fixture", try h.writeFastFixture()])
        let answers = ScriptedAnswers(["y", BinaryHarness.password, "y", "n"])
        let output = OutputRecorder()
        let console = Console(
            isInteractive: true, colors: false, write: { output.append($0) }, writeError: { output.append($0) },
            prompt: { prompt, _ in
                output.append(prompt)
                return answers.next()
            }, readStandardInput: { nil })
        let world = World(wallClock: .fixed(Date(timeIntervalSince1970: 1_767_605_405)), random: .seeded(1), console: console, environment: [:])
        let command = try LessonCommands.Next.parse(["--db", h.database])
        #expect(CommandRunner(world: world).run(command) == 0)
        let text = output.text
        #expect(text.contains("Step 1 of 16: Sign in to the console as the root user"))
        #expect(text.contains("Run it now? [Y/n] \n$ iamsim signin --email trainee@example.com\nPassword: Signed in to account 123456789012"))
        #expect(text.contains("Step 1 of 16 ✓  Sign in to the console as the root user"))
        #expect(text.contains("$ iamsim dashboard\nIAM dashboard — account 123456789012"))
        #expect(text.contains("Step 2 of 16 ✓  Open the IAM dashboard and read the security status"))
        #expect(text.hasSuffix("Run it when you are ready; 'iamsim lesson' picks up where you left off.\n"))
        #expect(try status(h) == (2, "list-root-keys"))
    }

    @Test("without a terminal, output is never coloured, even without NO_COLOR")
    func noColourWhenPiped() throws {
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

/// Collects everything written to a scripted console.
final class OutputRecorder: @unchecked Sendable {
    private var buffer = ""
    private let lock = NSLock()

    func append(_ text: String) {
        lock.lock()
        buffer += text
        lock.unlock()
    }

    var text: String {
        lock.lock()
        defer { lock.unlock() }
        return buffer
    }
}
