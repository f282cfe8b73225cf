import Testing

@testable import IAMSimCore

@Suite("Lesson progress from observed state")
struct LessonProgressTests {
    typealias E = LessonObservation.LoggedEvent
    let lesson = Lesson.rootMFA
    let seed: [UInt8] = Array(repeating: 7, count: 40)

    func done(_ observation: LessonObservation, previous: LessonProgress? = nil) -> [Int] {
        let progress = LessonProgress.evaluate(lesson, observation, previous: previous)
        return lesson.steps.filter { progress.done.contains($0.id) }.map(\.number)
    }

    @Test("the lesson has 16 steps with distinct ids, numbered in order")
    func shape() {
        #expect(lesson.steps.count == 16)
        #expect(Set(lesson.steps.map(\.id)).count == 16)
        #expect(lesson.steps.map(\.number) == Array(1...16))
    }

    @Test("nothing is done at the start")
    func start() {
        let o = LessonObservation(rootAccessKeys: [.init(id: "AKIAIOSFODNN7EXAMPLE", active: true)])
        #expect(done(o) == [])
        #expect(LessonProgress.evaluate(lesson, o).current?.id == "sign-in")
    }

    @Test("event steps count only in order: the dashboard after the sign-in")
    func ordered() {
        let keys: [LessonObservation.AccessKey] = [.init(id: "AKIAIOSFODNN7EXAMPLE", active: true)]
        let before = LessonObservation(
            events: [
                E(id: 1, name: "GetAccountSummary", succeeded: false), E(id: 2, name: "ConsoleLogin", succeeded: true),
            ],
            rootAccessKeys: keys)
        #expect(done(before) == [1])
        let after = LessonObservation(
            events: before.events + [E(id: 3, name: "GetAccountSummary", succeeded: true)], rootAccessKeys: keys)
        #expect(done(after) == [1, 2])
    }

    @Test("a later milestone implies the observation steps before it")
    func implied() {
        let o = LessonObservation(events: [E(id: 1, name: "ConsoleLogin", succeeded: true)], rootAccessKeys: [])
        #expect(done(o) == [1, 2, 3, 4, 5])
    }

    @Test("an early sign-out proves nothing about step 13")
    func earlySignOut() {
        let o = LessonObservation(
            events: [
                E(id: 1, name: "ConsoleLogin", succeeded: true), E(id: 2, name: "ConsoleSignOut", succeeded: true),
            ],
            rootAccessKeys: [.init(id: "AKIAIOSFODNN7EXAMPLE", active: true)])
        #expect(done(o) == [1])
    }

    @Test("codes 1 and 2 are told apart by when the authenticator showed them")
    func codes() {
        let device = LessonObservation.Device(name: "root-mfa", seed: seed, active: false)
        var o = LessonObservation(
            events: [E(id: 1, name: "ConsoleLogin", succeeded: true)], devices: [device],
            phone: [.init(secret: seed)], clockStep: 100)
        #expect(done(o) == [1, 2, 3, 4, 5, 6, 7])
        o.phone = [.init(secret: seed, firstViewedStep: 100, lastViewedStep: 100)]
        #expect(done(o) == Array(1...8))
        o.clockStep = 101
        #expect(done(o) == Array(1...9))
        o.phone = [.init(secret: seed, firstViewedStep: 100, lastViewedStep: 101)]
        #expect(done(o) == Array(1...10))
    }

    @Test("an authenticator holding another seed does not count")
    func wrongSeed() {
        let o = LessonObservation(
            events: [E(id: 1, name: "ConsoleLogin", succeeded: true)],
            devices: [.init(name: "root-mfa", seed: seed, active: false)],
            phone: [.init(secret: Array(repeating: 8, count: 40), firstViewedStep: 1, lastViewedStep: 2)])
        #expect(done(o) == [1, 2, 3, 4, 5, 6])
    }

    @Test("the whole lesson, ending green")
    func complete() {
        let events = [
            E(id: 1, name: "ConsoleLogin", succeeded: true, mfaUsed: false),
            E(id: 5, name: "EnableMFADevice", succeeded: true),
            E(id: 6, name: "ListVirtualMFADevices", succeeded: true),
            E(id: 7, name: "ConsoleSignOut", succeeded: true),
            E(id: 8, name: "ConsoleLogin", succeeded: true, mfaUsed: true),
        ]
        var o = LessonObservation(
            events: events, devices: [.init(name: "root-mfa", seed: seed, active: true, lastAcceptedStep: 12)],
            phone: [.init(secret: seed, firstViewedStep: 10, lastViewedStep: 11)], clockStep: 12)
        #expect(done(o) == Array(1...15))
        o.events.append(E(id: 9, name: "GetAccountSummary", succeeded: true))
        let progress = LessonProgress.evaluate(lesson, o)
        #expect(progress.isComplete)
        #expect(progress.doneCount == 16)
        #expect(progress.witnesses["dashboard-green"] == 9)
    }

    @Test("progress never goes backwards, and recorded witnesses keep the order")
    func monotonic() {
        let first = LessonObservation(
            events: [
                E(id: 1, name: "ConsoleLogin", succeeded: true), E(id: 2, name: "GetAccountSummary", succeeded: true),
            ],
            rootAccessKeys: [.init(id: "AKIAIOSFODNN7EXAMPLE", active: true)])
        let recorded = LessonProgress.evaluate(lesson, first)
        #expect(recorded.witnesses == ["sign-in": 1, "open-dashboard": 2])
        // A reading that no longer sees those events (say, a limited log) keeps the steps.
        let later = LessonObservation(rootAccessKeys: [.init(id: "AKIAIOSFODNN7EXAMPLE", active: true)])
        #expect(done(later, previous: recorded) == [1, 2])
    }

    // MARK: - The root key steps (issue 9, item 6)

    @Test("assigning MFA before deleting the root key leaves both key steps to do, and the lesson points at them")
    func keyStepsNeedTheirOwnState() {
        let key = LessonObservation.AccessKey(id: "AKIAIOSFODNN7EXAMPLE", active: true)
        var o = LessonObservation(
            events: [
                E(id: 1, name: "ConsoleLogin", succeeded: true),
                E(id: 2, name: "CreateVirtualMFADevice", succeeded: true),
            ],
            rootAccessKeys: [key], devices: [.init(name: "root-mfa", seed: seed, active: false)])
        #expect(done(o) == [1, 2, 3, 6])
        #expect(LessonProgress.evaluate(lesson, o).current?.id == "deactivate-root-key")
        // Even the whole MFA half done, with the key still active, does not tick the key steps.
        o.devices = [.init(name: "root-mfa", seed: seed, active: true, lastAcceptedStep: 12)]
        o.events += [
            E(id: 3, name: "EnableMFADevice", succeeded: true), E(id: 4, name: "ListMFADevices", succeeded: true),
            E(id: 5, name: "ConsoleSignOut", succeeded: true),
            E(id: 6, name: "ConsoleLogin", succeeded: true, mfaUsed: true),
            E(id: 7, name: "GetAccountSummary", succeeded: true),
        ]
        o.clockStep = 13
        let progress = LessonProgress.evaluate(lesson, o)
        #expect(!progress.done.contains("deactivate-root-key"))
        #expect(!progress.done.contains("delete-root-key"))
        #expect(progress.current?.id == "deactivate-root-key")
        #expect(!progress.isComplete)
    }

    @Test("deleting the root key while it is still active skips the deactivate step, and the lesson goes on")
    func deletingAnActiveKeySkipsDeactivation() {
        let o = LessonObservation(
            events: [
                E(id: 1, name: "ConsoleLogin", succeeded: true),
                E(id: 2, name: "DeleteAccessKey", succeeded: true, deletedRootKeyStatus: .active),
            ],
            rootAccessKeys: [])
        let progress = LessonProgress.evaluate(lesson, o)
        #expect(done(o) == [1, 2, 3, 5])
        #expect(progress.skipped == ["deactivate-root-key"])
        #expect(progress.current?.id == "assign-mfa")
        #expect(progress.doneCount == 4)
    }

    @Test("deactivating, then deleting, the root key completes both key steps")
    func deactivatedThenDeleted() {
        let o = LessonObservation(
            events: [
                E(id: 1, name: "ConsoleLogin", succeeded: true), E(id: 2, name: "UpdateAccessKey", succeeded: true),
                E(id: 3, name: "DeleteAccessKey", succeeded: true, deletedRootKeyStatus: .inactive),
            ],
            rootAccessKeys: [])
        #expect(done(o) == [1, 2, 3, 4, 5])
        #expect(LessonProgress.evaluate(lesson, o).skipped.isEmpty)
        // A deactivated key still there: step 4 is done, step 5 is next.
        let inactive = LessonObservation(
            events: [E(id: 1, name: "ConsoleLogin", succeeded: true)],
            rootAccessKeys: [.init(id: "AKIAIOSFODNN7EXAMPLE", active: false)])
        #expect(done(inactive) == [1, 2, 3, 4])
    }

    @Test("a skipped step does not hold the lesson back: it completes with 15 of 16 done")
    func completeWithASkippedStep() {
        let events = [
            E(id: 1, name: "ConsoleLogin", succeeded: true, mfaUsed: false),
            E(id: 2, name: "DeleteAccessKey", succeeded: true, deletedRootKeyStatus: .active),
            E(id: 5, name: "EnableMFADevice", succeeded: true), E(id: 6, name: "ListMFADevices", succeeded: true),
            E(id: 7, name: "ConsoleSignOut", succeeded: true),
            E(id: 8, name: "ConsoleLogin", succeeded: true, mfaUsed: true),
            E(id: 9, name: "GetAccountSummary", succeeded: true),
        ]
        let o = LessonObservation(
            events: events, devices: [.init(name: "root-mfa", seed: seed, active: true, lastAcceptedStep: 12)],
            phone: [.init(secret: seed, firstViewedStep: 10, lastViewedStep: 11)], clockStep: 13)
        let progress = LessonProgress.evaluate(lesson, o)
        #expect(progress.isComplete)
        #expect(progress.doneCount == 15)
        #expect(progress.skippedSteps.map(\.number) == [4])
    }

    @Test("a step recorded done stays done, even if a later reading would call it skipped")
    func recordedBeatsSkipped() {
        let recorded = LessonProgress(
            lesson: lesson, done: ["sign-in", "open-dashboard", "list-root-keys", "deactivate-root-key"])
        let o = LessonObservation(
            events: [
                E(id: 1, name: "ConsoleLogin", succeeded: true),
                E(id: 2, name: "DeleteAccessKey", succeeded: true, deletedRootKeyStatus: .active),
            ])
        let progress = LessonProgress.evaluate(lesson, o, previous: recorded)
        #expect(progress.skipped.isEmpty)
        #expect(done(o, previous: recorded) == [1, 2, 3, 4, 5])
    }

    @Test(
        "step 12 accepts ListMFADevices, and ListVirtualMFADevices from databases before mfa list logged it",
        arguments: ["ListMFADevices", "ListVirtualMFADevices"])
    func deviceListEvents(name: String) {
        let o = LessonObservation(
            events: [
                E(id: 1, name: "ConsoleLogin", succeeded: true), E(id: 5, name: "EnableMFADevice", succeeded: true),
                E(id: 6, name: name, succeeded: true),
            ],
            devices: [.init(name: "root-mfa", seed: seed, active: true, lastAcceptedStep: 12)], clockStep: 12)
        #expect(done(o) == Array(1...12))
    }

    // MARK: - What the lesson may print (issue 9, item 7)

    @Test(
        "the lesson repeats the QR URI only of a virtual device awaiting activation, never of an active device or a hardware token"
    )
    func deviceURIOnlyWhilePending() {
        var o = LessonObservation(devices: [.init(name: "root-mfa", seed: seed, active: false)])
        #expect(
            o.lessonDeviceURI?.hasPrefix("otpauth://totp/Amazon%20Web%20Services:root-mfa@123456789012?secret=") == true
        )
        o.devices = [.init(name: "root-mfa", seed: seed, active: true)]
        #expect(o.lessonDeviceURI == nil)
        #expect(o.commandValues["uri"] == nil)
        o.devices = [.init(name: "fob", seed: seed, active: true, type: .hardware)]
        #expect(o.lessonDeviceURI == nil)
        o.devices = [.init(name: "GAHT12345678", seed: seed, active: false, type: .hardware)]
        #expect(o.lessonDeviceURI == nil)
    }
}
