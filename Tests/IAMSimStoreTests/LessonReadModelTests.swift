import Foundation
import IAMSimTestSupport
import Testing

@testable import IAMSimCore
@testable import IAMSimStore

/// The lesson, the class report and the audit read an account through one read model, so
/// they cannot disagree (issue 9, items 6–8).
@Suite("One read model for the lesson, the class report and the audit")
struct LessonReadModelTests {
    static let fixturesFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// Every fixture shipped in Fixtures/, by file name.
    static let shippedFixtures: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: fixturesFolder.path)) ?? []
        return names.filter { $0.hasSuffix(".json") && $0 != "fixture.schema.json" }.sorted()
    }()

    static func fixture(_ name: String) throws -> Fixture {
        let url = fixturesFolder.appendingPathComponent(name)
        return try Fixture.load(try Data(contentsOf: url), source: url.path)
    }

    /// The lesson's reading and the class report's reading of the harness's only account.
    func readings(_ h: StoreHarness) throws -> (lesson: LessonObservation, report: ClassReportEntry) {
        let account = try #require(try h.accounts.firstAccount())
        let lesson = try h.lessonRecords.lessonObservation(account: account, lesson: .rootMFA)
        let report = try #require(
            try h.auditReader.classReport(lesson: .rootMFA).first { $0.account.accountID == account })
        return (lesson, report)
    }

    @Test("the shipped fixtures list is not empty")
    func fixturesFound() {
        #expect(Self.shippedFixtures.count >= 5)
    }

    @Test("the lesson, the class report and the audit read each shipped fixture alike", arguments: shippedFixtures)
    func sameReading(name: String) throws {
        let h = try StoreHarness(fixture: try Self.fixture(name))
        let (lesson, report) = try readings(h)
        #expect(lesson == report.observation)
        let progress = LessonProgress.evaluate(
            .rootMFA, lesson,
            previous: try h.lessonRecords.recordedLessonProgress(account: report.account.accountID, lesson: .rootMFA))
        #expect(progress == LessonProgress.evaluate(.rootMFA, report.observation, previous: report.recorded))
        // The audit and the class report's checklist judge the same snapshot.
        let account = report.account.accountID
        let audit = try h.database.read { db in try AccountReadModel.auditSnapshot(account, clock: h.store.clock, db) }
        #expect(audit == report.snapshot)
    }

    @Test(
        "an unassigned hardware token is nobody's device: the lesson records nothing on a fresh hardware-token account")
    func hardwareTokenInTheDrawer() throws {
        let h = try StoreHarness(fixture: try Self.fixture("hardware-token-lesson.json"))
        let (lesson, report) = try readings(h)
        #expect(lesson.devices.isEmpty)
        #expect(report.observation.devices.isEmpty)
        #expect(lesson.lessonDeviceURI == nil)
        let progress = LessonProgress.evaluate(.rootMFA, lesson)
        #expect(progress.done.isEmpty)
        #expect(progress.current?.id == "sign-in")
    }

    @Test("a hardware token assigned to root is root's device, its seed never offered as a URI")
    func hardwareTokenOnRoot() throws {
        let h = try StoreHarness(fixture: try Self.fixture("hardware-token-lesson.json"))
        try h.signIn()
        let seed = try #require(
            try Self.fixture("hardware-token-lesson.json").account.hardwareTokens?.first?.base32StringSeed)
        try h.store.enableHardwareMFADevice(
            caller: h.console, deviceName: "fob", serialNumber: "GAHT12345678", code1: try h.code(seed, stepOffset: -1),
            code2: try h.code(seed))
        let (lesson, report) = try readings(h)
        #expect(lesson == report.observation)
        #expect(lesson.devices.map(\.name) == ["fob"])
        #expect(lesson.devices.map(\.type) == [.hardware])
        #expect(lesson.lessonDeviceURI == nil)
        #expect(report.snapshot.rootMFADevices == [.hardware])
    }

    @Test("the root key steps: the lesson and the class report agree after each move")
    func keyStepsAgree() throws {
        let h = try StoreHarness()
        try h.signIn()
        try h.store.createVirtualMFADevice(caller: h.console, deviceName: "root-mfa")
        var (lesson, report) = try readings(h)
        #expect(lesson == report.observation)
        #expect(LessonProgress.evaluate(.rootMFA, lesson).current?.id == "deactivate-root-key")
        try h.store.deleteAccessKey(caller: h.console, accessKeyID: StoreHarness.rootKey)
        (lesson, report) = try readings(h)
        #expect(lesson == report.observation)
        let progress = LessonProgress.evaluate(.rootMFA, lesson)
        #expect(progress.skipped == ["deactivate-root-key"])
        #expect(progress == LessonProgress.evaluate(.rootMFA, report.observation, previous: report.recorded))
    }

    @Test("DeleteAccessKey records the status a root key had; a user's key records nothing")
    func deletionEvidence() throws {
        let h = try StoreHarness()
        try h.signIn()
        try h.store.updateAccessKey(caller: h.console, accessKeyID: StoreHarness.rootKey, status: .inactive)
        try h.store.deleteAccessKey(caller: h.console, accessKeyID: StoreHarness.rootKey)
        let second = try h.store.createAccessKey(caller: h.console).metadata.accessKeyID.rawValue
        try h.store.deleteAccessKey(caller: h.console, accessKeyID: second)
        try h.store.createUser(caller: h.console, userName: "bob")
        let bobs = try h.store.createAccessKey(caller: h.console, userName: "bob").metadata.accessKeyID.rawValue
        try h.store.deleteAccessKey(caller: h.console, accessKeyID: bobs, userName: "bob")
        let lesson = try h.lessonRecords.lessonObservation(account: StoreHarness.account, lesson: .rootMFA)
        let deletions = lesson.events.filter { $0.name == "DeleteAccessKey" }.map(\.deletedRootKeyStatus)
        #expect(deletions == [.inactive, .active, nil])
        #expect(lesson.deletedActiveRootKey)
    }
}
