import Foundation
import IAMSimCore
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
        switch mode {
        case .status:
            lines.append(style.bold("Lesson: \(lesson.title)") + " — account \(reading.account)")
            for step in lesson.steps {
                let mark =
                    reading.progress.done.contains(step.id)
                    ? style.green("✓") : (step == reading.progress.current ? "→" : "·")
                lines.append("  \(mark) \(String(format: "%2d", step.number)). \(step.title)")
            }
            lines.append("\(reading.progress.doneCount) of \(total) steps done.")
        case .next:
            for step in reading.newlyDone {
                lines.append("Step \(step.number) of \(total) \(style.green("✓"))  \(step.title)")
            }
        }
        guard let step = reading.progress.current else {
            lines.append(
                "Lesson complete: the root user has no access keys and has MFA, and both root items of the dashboard are green. Start over with: iamsim lesson reset"
            )
            return lines.joined(separator: "\n")
        }
        if mode == .next {
            if !reading.newlyDone.isEmpty { lines.append("") }
            lines.append("\(reading.progress.doneCount) of \(total) steps done.")
        }
        lines += ["", style.bold("Step \(step.number) of \(total): \(step.title)"), "  \(step.explanation)"]
        lines.append("  In the AWS console: \(step.consolePath)")
        lines += nextAction(step).map { "  " + $0 }
        return lines.joined(separator: "\n")
    }

    /// The command to run, and for the waiting steps, why and how to wait.
    func nextAction(_ step: LessonStep) -> [String] {
        let command = LessonScript.display(step, values: values)
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
                    ("Command", .string(LessonScript.display(step, values: values))),
                ])
            } ?? .null
        let steps: [JSONValue] = lesson.steps.map { step in
            let status = reading.progress.done.contains(step.id) ? "done" : (step == current ? "current" : "todo")
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
            ("TotalSteps", .int(lesson.steps.count)),
            ("Complete", .bool(reading.progress.isComplete)),
            ("CurrentStep", currentJSON),
            ("Steps", .array(steps)),
        ])
    }
}
