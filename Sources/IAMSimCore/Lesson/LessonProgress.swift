/// Where a trainee stands in a lesson: which steps are done, and which were skipped.
public struct LessonProgress: Hashable, Sendable {
    public let lesson: Lesson
    /// The ids of the steps done.
    public let done: Set<String>
    /// The ids of the steps that can no longer be done as taught, so the lesson goes on
    /// without them: deactivating the root key, once the key was deleted while still active.
    /// Read again from the event log each time, never recorded as done.
    public let skipped: Set<String>
    /// For steps proved by an event, that event's id: later steps look only after it.
    public let witnesses: [String: Int64]

    public init(lesson: Lesson, done: Set<String>, skipped: Set<String> = [], witnesses: [String: Int64] = [:]) {
        self.lesson = lesson
        self.done = done
        self.skipped = skipped.subtracting(done)
        self.witnesses = witnesses
    }

    /// The first step neither done nor skipped, or nil when the lesson is complete.
    public var current: LessonStep? {
        lesson.steps.first { !done.contains($0.id) && !skipped.contains($0.id) }
    }

    public var isComplete: Bool { current == nil }

    /// Steps done, counted.
    public var doneCount: Int { lesson.steps.filter { done.contains($0.id) }.count }

    /// Steps skipped, in lesson order.
    public var skippedSteps: [LessonStep] { lesson.steps.filter { skipped.contains($0.id) } }

    /// How a step stands in one reading of the account.
    public enum Standing: Hashable, Sendable {
        case done
        /// It cannot be done as taught any more; the lesson goes on without it.
        case skipped
        case notDone
    }

    /// Evaluates every step against `observation`, in order.
    ///
    /// - A step whose check reads the account's state (keys, devices, the authenticator) is
    ///   done when that state holds. Deactivating the root key is skipped instead when a root
    ///   key was deleted while still active.
    /// - A step whose check is an action in the event log (opening the dashboard, signing
    ///   out…) is done when the action happened after the events that proved the steps
    ///   before it, and once every milestone before it is done or skipped: an early sign-out
    ///   proves nothing.
    /// - A step is also done when a later milestone proves it (you cannot delete a key you
    ///   never listed, nor sign in with MFA without waiting for a fresh code), except the root
    ///   key steps, which only their own state proves; or when it was done before: progress
    ///   never goes backwards, and the event that proved it then (`previous.witnesses`) still
    ///   orders the steps after it.
    public static func evaluate(
        _ lesson: Lesson, _ observation: LessonObservation, previous: LessonProgress? = nil
    ) -> LessonProgress {
        let steps = lesson.steps
        // State milestones hold or not whatever the order; a later one proves the earlier
        // steps it builds on, which are then not searched for in the log (their events could
        // be any age).
        let lastStateMilestone = steps.lastIndex { step in
            step.check.isMilestone && !step.check.readsEventLog && check(step.check, observation, after: 0).0 == .done
        }
        var done = previous?.done ?? []
        var skipped: Set<String> = []
        var witnesses = previous?.witnesses ?? [:]
        var cursor: Int64 = 0
        var milestonesSoFar = true
        for (index, step) in steps.enumerated() {
            if let last = lastStateMilestone, index < last, step.check.isProvedByLaterMilestones {
                done.insert(step.id)
            }
            if let witness = witnesses[step.id] {
                cursor = max(cursor, witness)
            } else if step.check.readsEventLog {
                if !done.contains(step.id), milestonesSoFar {
                    let (standing, witness) = check(step.check, observation, after: cursor)
                    if standing == .done {
                        done.insert(step.id)
                        if let witness {
                            witnesses[step.id] = witness
                            cursor = max(cursor, witness)
                        }
                    }
                }
            } else {
                let (standing, witness) = check(step.check, observation, after: cursor)
                switch standing {
                case .done: done.insert(step.id)
                case .skipped: if !done.contains(step.id) { skipped.insert(step.id) }
                case .notDone: break
                }
                if standing != .notDone, let witness { cursor = max(cursor, witness) }
            }
            if step.check.isMilestone, !done.contains(step.id), !skipped.contains(step.id) { milestonesSoFar = false }
        }
        // A milestone done proves the steps before it that it builds on.
        if let last = steps.lastIndex(where: { $0.check.isMilestone && done.contains($0.id) }) {
            for step in steps[...last] where step.check.isProvedByLaterMilestones { done.insert(step.id) }
        }
        return LessonProgress(lesson: lesson, done: done, skipped: skipped, witnesses: witnesses)
    }

    /// How `check` stands, and the id of the event that proves it (to order later checks).
    static func check(_ check: LessonCheck, _ o: LessonObservation, after cursor: Int64) -> (Standing, Int64?) {
        let (passed, witness) = passes(check, o, after: cursor)
        guard passed else { return (.notDone, nil) }
        if check == .noActiveRootKeys, o.deletedActiveRootKey { return (.skipped, witness) }
        return (.done, witness)
    }

    /// Whether `check`'s state or event holds, and the id of the event that proves it.
    static func passes(_ check: LessonCheck, _ o: LessonObservation, after cursor: Int64) -> (Bool, Int64?) {
        func first(_ action: IAMAction, where condition: (LessonObservation.LoggedEvent) -> Bool = { _ in true })
            -> Int64?
        {
            o.events.first { $0.id > cursor && $0.name == action.name && $0.succeeded && $0.byRoot && condition($0) }?
                .id
        }
        func last(_ actions: Set<IAMAction>) -> Int64? {
            o.events.last { event in actions.contains { $0.name == event.name } && event.succeeded }?.id
        }
        let rootMFAActive = o.devices.contains { $0.active }
        switch check {
        case .signedIn:
            let login = first(.consoleLogin)
            return (login != nil || o.rootSessionOpen, login)
        case .event(let name):
            let event = first(name)
            return (event != nil, event)
        case .devicesListed:
            let event = [first(.listMFADevices), first(.listVirtualMFADevices)].compactMap { $0 }.min()
            return (event != nil, event)
        case .noActiveRootKeys:
            return (!o.rootAccessKeys.contains { $0.active }, last([.updateAccessKey, .deleteAccessKey]))
        case .noRootKeys:
            return (o.rootAccessKeys.isEmpty, last([.deleteAccessKey]))
        case .deviceCreated:
            return (!o.devices.isEmpty, last([.createVirtualMFADevice]))
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
            return (rootMFAActive, last([.enableMFADevice]))
        case .freshCodeDue:
            let device = o.devices.first { $0.active }
            guard let device, let accepted = device.lastAcceptedStep else { return (device != nil, nil) }
            return (o.clockStep > accepted, nil)
        case .signedInWithMFA:
            let login = first(.consoleLogin) { $0.mfaUsed == true }
            return (login != nil, login)
        case .securityStatusGreen:
            let view = first(.getAccountSummary)
            return (view != nil && rootMFAActive && o.rootAccessKeys.isEmpty, view)
        }
    }
}
