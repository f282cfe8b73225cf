/// Where a trainee stands in a lesson: which steps are done.
public struct LessonProgress: Hashable, Sendable {
    public let lesson: Lesson
    /// The ids of the steps done.
    public let done: Set<String>
    /// For steps proved by an event, that event's id: later steps look only after it.
    public let witnesses: [String: Int64]

    public init(lesson: Lesson, done: Set<String>, witnesses: [String: Int64] = [:]) {
        self.lesson = lesson
        self.done = done
        self.witnesses = witnesses
    }

    /// The first step not done, or nil when the lesson is complete.
    public var current: LessonStep? {
        lesson.steps.first { !done.contains($0.id) }
    }

    public var isComplete: Bool { current == nil }

    /// Steps done, counted.
    public var doneCount: Int { lesson.steps.filter { done.contains($0.id) }.count }

    /// Evaluates every step against `observation`, in order.
    ///
    /// - A step whose check reads the account's state (keys, devices, the authenticator) is
    ///   done when that state holds.
    /// - A step whose check is an action in the event log (opening the dashboard, signing
    ///   out…) is done when the action happened after the events that proved the steps
    ///   before it, and once every milestone before it is done: an early sign-out proves
    ///   nothing.
    /// - A step is also done when a later milestone is (you cannot delete a key you never
    ///   listed, nor sign in with MFA without waiting for a fresh code), or when it was done
    ///   before: progress never goes backwards, and the event that proved it then
    ///   (`previous.witnesses`) still orders the steps after it.
    public static func evaluate(
        _ lesson: Lesson, _ observation: LessonObservation, previous: LessonProgress? = nil
    ) -> LessonProgress {
        let steps = lesson.steps
        // State milestones hold or not whatever the order; a later one proves earlier steps,
        // which are then not searched for in the log (their events could be any age).
        let lastStateMilestone = steps.lastIndex { step in
            step.check.isMilestone && !step.check.readsEventLog && check(step.check, observation, after: 0).0
        }
        var done = previous?.done ?? []
        var witnesses = previous?.witnesses ?? [:]
        var cursor: Int64 = 0
        var milestonesSoFar = true
        for (index, step) in steps.enumerated() {
            if let last = lastStateMilestone, index < last {
                done.insert(step.id)
            }
            if let witness = witnesses[step.id] {
                cursor = max(cursor, witness)
            } else if step.check.readsEventLog {
                if !done.contains(step.id), milestonesSoFar {
                    let (passed, witness) = check(step.check, observation, after: cursor)
                    if passed {
                        done.insert(step.id)
                        if let witness {
                            witnesses[step.id] = witness
                            cursor = max(cursor, witness)
                        }
                    }
                }
            } else {
                let (passed, witness) = check(step.check, observation, after: cursor)
                if passed {
                    done.insert(step.id)
                    if let witness { cursor = max(cursor, witness) }
                }
            }
            if step.check.isMilestone, !done.contains(step.id) { milestonesSoFar = false }
        }
        // A milestone done proves every step before it.
        if let last = steps.lastIndex(where: { $0.check.isMilestone && done.contains($0.id) }) {
            for step in steps[...last] { done.insert(step.id) }
        }
        return LessonProgress(lesson: lesson, done: done, witnesses: witnesses)
    }

    /// Whether `check` passes, and the id of the event that proves it (to order later checks).
    static func check(_ check: LessonCheck, _ o: LessonObservation, after cursor: Int64) -> (Bool, Int64?) {
        func first(_ name: String, where condition: (LessonObservation.LoggedEvent) -> Bool = { _ in true }) -> Int64? {
            o.events.first { $0.id > cursor && $0.name == name && $0.succeeded && $0.byRoot && condition($0) }?.id
        }
        func last(_ names: Set<String>) -> Int64? {
            o.events.last { names.contains($0.name) && $0.succeeded }?.id
        }
        let rootMFAActive = o.devices.contains { $0.active }
        switch check {
        case .signedIn:
            let login = first("ConsoleLogin")
            return (login != nil || o.rootSessionOpen, login)
        case .event(let name):
            let event = first(name)
            return (event != nil, event)
        case .noActiveRootKeys:
            return (!o.rootAccessKeys.contains { $0.active }, last(["UpdateAccessKey", "DeleteAccessKey"]))
        case .noRootKeys:
            return (o.rootAccessKeys.isEmpty, last(["DeleteAccessKey"]))
        case .deviceCreated:
            return (!o.devices.isEmpty, last(["CreateVirtualMFADevice"]))
        case .authenticatorHoldsDevice:
            return (o.phoneEntry != nil, nil)
        case .firstCodeShown:
            return (o.phoneEntry?.firstViewedStep != nil, nil)
        case .nextCodeDue:
            guard let first = o.phoneEntry?.firstViewedStep else { return (false, nil) }
            return (o.clockStep > first, nil)
        case .secondCodeShown:
            guard let entry = o.phoneEntry, let first = entry.firstViewedStep, let last = entry.lastViewedStep else {
                return (false, nil)
            }
            return (last > first, nil)
        case .rootMFAActive:
            return (rootMFAActive, last(["EnableMFADevice"]))
        case .freshCodeDue:
            let device = o.devices.first { $0.active }
            guard let device, let accepted = device.lastAcceptedStep else { return (device != nil, nil) }
            return (o.clockStep > accepted, nil)
        case .signedInWithMFA:
            let login = first("ConsoleLogin") { $0.mfaUsed == true }
            return (login != nil, login)
        case .securityStatusGreen:
            let view = first("GetAccountSummary")
            return (view != nil && rootMFAActive && o.rootAccessKeys.isEmpty, view)
        }
    }
}
