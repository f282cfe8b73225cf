import Foundation
import IAMSimApp
import IAMSimCore
import IAMSimDevices
import IAMSimStore

/// Plays a lesson from start to end on a scratch database, narrating each step and showing
/// the real output of the command a trainee would type.
///
/// Deterministic: a fixed start time and a seeded random source give the same secrets, codes
/// and transcript on every run.
struct DemoPlayer {
    /// When the demo's simulated clock starts: five seconds into a 30-second MFA step.
    static let startTime = Date(timeIntervalSince1970: 1_767_605_405)  // 2026-01-05T09:30:05Z
    static let seed: UInt64 = 2026
    static let deviceName = "root-mfa"

    let lesson: Lesson
    let fixture: Fixture
    let databasePath: String
    /// Where the narration goes.
    let narrate: (String) -> Void

    /// Plays every step; returns false if a step's command failed.
    func play() throws -> Bool {
        let password = fixture.account.root.password ?? ""
        // The trainee types the password at every prompt.
        let scripted = ScriptedConsole(isInteractive: true, answer: { _, _ in password })
        // A scratch account needs no protection from offline guessing: a cheap hash keeps the
        // demo at about a second even in a debug build. Verification is the real code path.
        let world = World(
            wallClock: .fixed(Self.startTime), random: .seeded(Self.seed), console: scripted.console,
            environment: [:], passwordHasher: PasswordHasher(iterations: 1_000))
        // One simulator for the whole demo: every step's command runs on it, in process.
        let (simulator, _) = try Simulator.open(
            path: databasePath, access: .readWrite, seed: { fixture }, wallClock: world.wallClock, random: world.random,
            hasher: world.passwordHasher)
        let runner = CommandRunner(world: world, simulator: simulator)
        var values = [
            "email": fixture.account.root.email,
            "accessKeyId": fixture.account.root.accessKeys?.first?.accessKeyID ?? "AKIA…",
            "deviceName": Self.deviceName,
        ]
        narrate(
            """
            iamsim demo: AWS lesson "\(lesson.title)", \(lesson.steps.count) steps, played on a scratch
            database (\(databasePath)) with a simulated clock stopped at \(Timestamp.readable(Self.startTime)).
            Every output below is the real output of the command shown.
            """)
        // Set-up a trainee never sees: the fixture account, and a simulated clock.
        let context = try CommandContext(
            world: world, options: try GlobalOptions.parse(["--db", databasePath]), simulator: simulator)
        try simulator.clock.set(Self.startTime, .all)

        for step in lesson.steps {
            if step.id == "sign-in-with-mfa", let code = try currentCode(context) {
                values["code"] = code
            }
            let line = LessonCommandLine.filled(step, values)
            narrate("")
            narrate("Step \(step.number) of \(lesson.steps.count): \(step.title)")
            narrate("  \(LessonCommandLine.explanation(step))")
            narrate("  Console: \(step.consolePath)")
            narrate("  $ \(line)")
            let command = try LessonScript.command(line, database: databasePath)
            scripted.clear()
            switch runner.execute(command) {
            case .output(let output):
                for prompt in scripted.prompts {
                    let typed =
                        prompt.secret
                        ? String(repeating: "*", count: password.count) + " (typed by the demo)" : password
                    narrate("    \(prompt.text)\(typed)")
                }
                let text = output.text(.plain)
                if !text.isEmpty { narrate(Self.indent(text)) }
                collect(output, step: step, into: &values)
            case .failure(let message, _):
                narrate("    \(message)")
                return false
            }
        }
        narrate("")
        narrate("Lesson complete: both root security status items pass. Walk it yourself with: iamsim lesson")
        return true
    }

    /// Remembers what later steps need from this step's output, as a trainee would note it.
    private func collect(_ output: any Renderable, step: LessonStep, into values: inout [String: String]) {
        if let assigned = output as? AssignedDevice {
            values["uri"] = assigned.created.uri
        }
        if let codes = output as? CodeList, let code = codes.codes.first(where: Self.isDemoDevice)?.code {
            values[step.id == "read-code-1" ? "code1" : "code2"] = code
        }
    }

    /// What the authenticator shows now (the trainee glancing at the phone).
    private func currentCode(_ context: CommandContext) throws -> String? {
        try context.authenticator().codes().first(where: Self.isDemoDevice)?.code
    }

    /// Whether a phone entry is the demo's device, as scanning its URI names it (`root-mfa@ACCOUNT`).
    static func isDemoDevice(_ code: AuthenticatorCode) -> Bool {
        code.account.accountName.hasPrefix(deviceName + "@")
    }

    /// `text` indented by four spaces, leaving blank lines blank.
    static func indent(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.isEmpty ? "" : "    " + $0 }
            .joined(separator: "\n")
    }
}
