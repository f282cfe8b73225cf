import Foundation
import IAMSimApp
import IAMSimCore
import IAMSimDatabase
import IAMSimStore

/// The guided lesson on a terminal: reads progress through the application layer's
/// `LessonTracker` and says what to do next.
struct LessonGuide {
    let context: CommandContext
    let lesson: Lesson

    /// Evaluates the lesson against the current account and its trainee's phone, and records
    /// progress.
    func read() throws -> LessonReading {
        try LessonTracker(simulator: try context.simulator(), lesson: lesson).read(
            account: try context.currentAccount())
    }

    /// Starts over: the account back to its fixture, the trainee's devices as the fixture hands
    /// them out (the phone wiped), progress cleared, all in one transaction.
    func reset() throws -> AccountID {
        let account = try context.currentAccount()
        try LessonTracker(simulator: try context.simulator(), lesson: lesson).reset(account: account)
        return account
    }

    // MARK: - Playing on a terminal

    /// Offers to run each step's command, re-reading progress after each, until the trainee
    /// stops or the lesson is complete. Writes to the console as it goes.
    func play() throws -> LessonReading {
        let console = context.console
        let runner = context.runner()
        var reading = try read()
        while true {
            console.print(LessonView(reading: reading, mode: .next).text(context.style))
            guard let step = reading.progress.current else { return reading }
            let waitsOnRealClock = Self.isWait(step) && !reading.clock.isSimulated
            let question = waitsOnRealClock ? "Wait for the next code now? [Y/n] " : "Run it now? [Y/n] "
            guard let answer = console.prompt(question, false), Self.isYes(answer) else {
                console.print("Run it when you are ready; 'iamsim lesson' picks up where you left off.")
                return reading
            }
            console.print("")
            if waitsOnRealClock {
                let seconds = TOTP.secondsRemaining(at: reading.clock.date)
                console.print("Waiting \(seconds) s for the next code…")
                Thread.sleep(forTimeInterval: TimeInterval(seconds))
            } else {
                let line =
                    LessonView.command(for: step, reading.observation).map { LessonScript.runnable(command: $0) }
                    ?? LessonScript.runnable(step, values: reading.observation.commandValues)
                console.print("$ \(line)")
                let account = try context.selectedAccount()?.rawValue
                runner.run(try LessonScript.command(line, database: context.databasePath, account: account))
            }
            console.print("")
            let before = reading
            reading = try read()
            // A fix for what keeps the last step from passing is not the step itself: it worked
            // if root's keys or devices changed.
            let fixed =
                LessonView.command(for: step, before.observation) != nil
                && (reading.observation.rootAccessKeys != before.observation.rootAccessKeys
                    || reading.observation.devices != before.observation.devices)
            if reading.progress.doneCount == before.progress.doneCount, reading.progress.current == step, !fixed {
                console.print("Step \(step.number) is not done yet. \(Self.hint(for: step))")
            }
        }
    }

    static func isYes(_ answer: String) -> Bool {
        let trimmed = answer.trimmingCharacters(in: .whitespaces).lowercased()
        return trimmed.isEmpty || trimmed == "y" || trimmed == "yes"
    }

    static func isWait(_ step: LessonStep) -> Bool {
        step.check == .nextCodeDue || step.check == .freshCodeDue
    }

    /// What to look at when a step's command did not complete it.
    static func hint(for step: LessonStep) -> String {
        switch step.check {
        case .rootMFAActive:
            "Enter the code the authenticator shows now as code 1, then the next one as code 2 (iamsim authenticator codes)."
        case .signedInWithMFA:
            "Use a code newer than the ones used to activate the device (iamsim authenticator codes)."
        case .authenticatorHoldsDevice:
            "Add the device you assigned (its URI or secret key) to the authenticator."
        default:
            "Check the command's message above and try again."
        }
    }
}
