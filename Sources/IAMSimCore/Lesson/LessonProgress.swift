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
    ///   out…) is done when the action happened after the event that proved the step before,
    ///   so order matters and an early sign-out proves nothing.
    /// - A step is also done when a later state milestone holds (you cannot delete a key you
    ///   never listed), or when it was done before: progress never goes backwards, and the
    ///   event that proved it then (`previous.witnesses`) still orders the steps after it.
    public static func evaluate(
        _ lesson: Lesson, _ observation: LessonObservation, previous: LessonProgress? = nil
    ) -> LessonProgress {
        let steps = lesson.steps
        let stateChecks = steps.map { step -> (passed: Bool, witness: Int64?) in
            step.check.readsEventLog ? (false, nil) : check(step.check, observation, after: 0)
        }
        var done = previous?.done ?? []
        var witnesses = previous?.witnesses ?? [:]
        var cursor: Int64 = 0
        for (index, step) in steps.enumerated() {
            let impliedByLater = steps.indices.contains { later in
                later > index && stateChecks[later].passed && steps[later].check.isMilestone
            }
            if let witness = witnesses[step.id] {
                cursor = max(cursor, witness)
            } else if step.check.readsEventLog {
                let previousDone = index == 0 || done.contains(steps[index - 1].id)
                if !done.contains(step.id), !impliedByLater, previousDone {
                    let (passed, witness) = check(step.check, observation, after: cursor)
                    if passed {
                        done.insert(step.id)
                        if let witness {
                            witnesses[step.id] = witness
                            cursor = max(cursor, witness)
                        }
                    }
                }
            } else if stateChecks[index].passed {
                done.insert(step.id)
                if let witness = stateChecks[index].witness { cursor = max(cursor, witness) }
            }
            if impliedByLater { done.insert(step.id) }
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
