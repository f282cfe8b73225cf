import Foundation
import IAMSimApp
import IAMSimCore
import IAMSimDatabase
import IAMSimStore

/// A lesson reading as text (the next step, or the whole checklist) or JSON.
struct LessonView: Renderable {
    enum Mode {
        /// What was just done and what to do next.
        case next
        /// Every step with its status.
        case status
    }

    var reading: LessonReading
    var mode: Mode

    var lesson: Lesson { reading.progress.lesson }
    var values: [String: String] { reading.observation.commandValues }

    func text(_ style: TextStyle) -> String {
        var lines: [String] = []
        let total = lesson.steps.count
        let progress = reading.progress
        switch mode {
        case .status:
            lines.append(style.bold("Lesson: \(lesson.title)") + " — account \(reading.account)")
            for step in lesson.steps {
                let skipped = progress.skipped.contains(step.id)
                let mark =
                    progress.done.contains(step.id)
                    ? style.green("✓") : skipped ? "✗" : (step == progress.current ? "→" : "·")
                lines.append(
                    "  \(mark) \(String(format: "%2d", step.number)). \(step.title)" + (skipped ? " (skipped)" : ""))
            }
            lines.append(countLine)
            lines += progress.skippedSteps.map(Self.skippedNote)
        case .next:
            for step in reading.newlyDone {
                lines.append("Step \(step.number) of \(total) \(style.green("✓"))  \(step.title)")
            }
            // Said once, when the trainee moves past it (or is stuck right after it).
            for skipped in progress.skippedSteps {
                let next = lesson.steps.first { $0.number == skipped.number + 1 }
                if let next, reading.newlyDone.contains(next) || progress.current == next {
                    lines.append(Self.skippedNote(skipped))
                }
            }
        }
        guard let step = progress.current else {
            let skipped = progress.skippedSteps.map { "step \($0.number)" }
            lines.append(
                "Lesson complete" + (skipped.isEmpty ? "" : " (\(skipped.joined(separator: ", ")) skipped)")
                    + ": the root user has no access keys and has MFA, and both root items of the dashboard are green. Start over with: iamsim lesson reset"
            )
            return lines.joined(separator: "\n")
        }
        if mode == .next {
            if !lines.isEmpty { lines.append("") }
            lines.append(countLine)
        }
        lines += [
            "", style.bold("Step \(step.number) of \(total): \(step.title)"),
            "  \(LessonCommandLine.explanation(step))",
        ]
        lines.append("  In the AWS console: \(step.consolePath)")
        lines += nextAction(step).map { "  " + $0 }
        return lines.joined(separator: "\n")
    }

    /// `4 of 16 steps done.`, with the skipped steps counted when there are any.
    var countLine: String {
        let skipped = reading.progress.skipped.count
        return "\(reading.progress.doneCount) of \(lesson.steps.count) steps done"
            + (skipped == 0 ? "." : ", \(skipped) skipped.")
    }

    /// Why a step was skipped and why it matters.
    static func skippedNote(_ step: LessonStep) -> String {
        switch step.check {
        case .noActiveRootKeys:
            "Step \(step.number) skipped: the root access key was deleted while still active. The console deletes only a deactivated key, so that anything still using it fails visibly first, while the key can still be turned back on; iamsim follows the DeleteAccessKey API, which deletes an active key too. The lesson goes on without this step."
        default:
            "Step \(step.number) skipped: it can no longer be done as taught. The lesson goes on without it."
        }
    }

    /// What still keeps the dashboard's two root items from passing, each with the command that
    /// fixes it: the last step cannot be done by opening the dashboard again until then.
    static func stillFailing(_ observation: LessonObservation) -> [(reason: String, command: String)] {
        var failing: [(String, String)] = []
        if let key = observation.rootAccessKeys.first(where: \.active) {
            failing.append(
                (
                    "The root user still has an active access key, \(key.id): deactivate it, then delete it.",
                    "iamsim access-keys deactivate \(key.id)"
                ))
        } else if let key = observation.rootAccessKeys.first {
            failing.append(
                (
                    "The root user still has an access key, \(key.id) (inactive): delete it.",
                    "iamsim access-keys delete \(key.id)"
                ))
        }
        if !observation.devices.contains(where: \.active) {
            if let pending = observation.lessonDevice {
                failing.append(
                    (
                        "The root user has no active MFA device: activate \(pending.name) with two consecutive codes.",
                        "iamsim mfa activate \(pending.name) --code1 CODE1 --code2 CODE2"
                    ))
            } else {
                failing.append(
                    (
                        "The root user has no active MFA device: assign one, then activate it with two codes.",
                        "iamsim mfa assign root-mfa"
                    ))
            }
        }
        return failing
    }

    /// What to run for `step`: its own command, or at the last step, the fix for what still fails.
    static func command(for step: LessonStep, _ observation: LessonObservation) -> String? {
        guard step.check == .securityStatusGreen else { return nil }
        return stillFailing(observation).first?.command
    }

    /// The command to run, and for the waiting steps, why and how to wait.
    func nextAction(_ step: LessonStep) -> [String] {
        let command = LessonScript.display(step, values: values)
        if step.check == .securityStatusGreen {
            let failing = Self.stillFailing(reading.observation)
            if let first = failing.first {
                return ["The dashboard cannot turn green yet."] + failing.map(\.reason) + [
                    "Run:  \(first.command)", "Then open the dashboard again: \(command)",
                ]
            }
        }
        guard LessonGuide.isWait(step) else {
            var lines = ["Run:  \(command)"]
            if command.contains("CODE") { lines.append("      (read the codes with: iamsim authenticator codes)") }
            return lines
        }
        let seconds = TOTP.secondsRemaining(at: reading.clock.date)
        if reading.clock.isSimulated {
            return [
                "The clock is simulated and stands still, so the code changes only when you move it:",
                "Run:  \(command)",
            ]
        }
        return [
            "The authenticator shows a new code in \(seconds) s; wait for it.",
            "(Or simulate the wait with: \(command) — but a phone follows real time and will then disagree.)",
        ]
    }

    var json: JSONValue {
        let current = reading.progress.current
        let currentJSON: JSONValue =
            current.map { step in
                .object([
                    ("Number", .int(step.number)), ("Id", .string(step.id)), ("Title", .string(step.title)),
                    (
                        "Command",
                        .string(
                            Self.command(for: step, reading.observation) ?? LessonScript.display(step, values: values))
                    ),
                ])
            } ?? .null
        let steps: [JSONValue] = lesson.steps.map { step in
            let status =
                reading.progress.done.contains(step.id)
                ? "done"
                : reading.progress.skipped.contains(step.id) ? "skipped" : (step == current ? "current" : "todo")
            return .object([
                "Number": .int(step.number), "Id": .string(step.id), "Title": .string(step.title),
                "Status": .string(status), "CompletedDate": .date(reading.completionDates[step.id]),
            ])
        }
        return .object([
            ("Lesson", .string(lesson.id)),
            ("Title", .string(lesson.title)),
            ("AccountId", .string(reading.account.rawValue)),
            ("StepsDone", .int(reading.progress.doneCount)),
            ("StepsSkipped", .int(reading.progress.skipped.count)),
            ("TotalSteps", .int(lesson.steps.count)),
            ("Complete", .bool(reading.progress.isComplete)),
            ("CurrentStep", currentJSON),
            ("Steps", .array(steps)),
        ])
    }
}
