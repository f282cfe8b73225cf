import Foundation
import IAMSimCore
import IAMSimDatabase
import IAMSimDevices
import IAMSimStore

/// Where a trainee stands in a lesson, as read from the simulator's real state.
public struct LessonReading: Sendable {
    public var account: AccountID
    public var progress: LessonProgress
    /// Steps found done by this reading that were not recorded before.
    public var newlyDone: [LessonStep]
    public var observation: LessonObservation
    public var completionDates: [String: Date]
    public var clock: SimulationClock.Reading
}

/// The guided lesson: judges a trainee's progress from the account's state and the trainee's
/// phone, and records it so it never goes backwards. `iamsim lesson`, the class report and a
/// web console's lesson panel read progress through here and `ClassProgress`.
public struct LessonTracker: Sendable {
    let simulator: Simulator
    public let lesson: Lesson

    public init(simulator: Simulator, lesson: Lesson = .rootMFA) {
        self.simulator = simulator
        self.lesson = lesson
    }

    /// Evaluates the lesson against `account` and its trainee's phone, and records progress.
    ///
    /// - Throws: `LocalError.noSuchAccount` when there is no such account.
    public func read(account: AccountID) throws -> LessonReading {
        let store = simulator.lessonRecords
        var observation = try store.lessonObservation(account: account, lesson: lesson)
        observation.phone = try simulator.authenticator(for: account).accounts().map(Self.phoneAccount)
        let before = try store.recordedLessonProgress(account: account, lesson: lesson)
        let progress = LessonProgress.evaluate(lesson, observation, previous: before)
        let newlyDone = try store.recordLessonProgress(progress, account: account)
        return LessonReading(
            account: account, progress: progress, newlyDone: newlyDone, observation: observation,
            completionDates: try store.lessonCompletionDates(account: account, lesson: lesson),
            clock: try simulator.clock.read(account: account))
    }

    /// Starts over: the account back to its fixture, the trainee's devices as the fixture hands
    /// them out (the phone wiped), progress cleared, all in one transaction.
    /// - Throws: `LocalError.noSuchAccount` for an account the database does not hold;
    ///   `LocalError.invalidValue` when it has no stored fixture; `DatabaseFileError`.
    public func reset(account: AccountID) throws {
        try simulator.classroom.reset([account], to: nil)
    }

    /// What the lesson sees of one of the phone's accounts.
    static func phoneAccount(_ account: AuthenticatorAccount) -> LessonObservation.PhoneAccount {
        LessonObservation.PhoneAccount(
            secret: account.totp.secret, firstViewedStep: account.firstViewedStep,
            lastViewedStep: account.lastViewedStep)
    }
}
