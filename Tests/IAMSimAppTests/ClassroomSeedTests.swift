import Foundation
import IAMSimTestSupport
import Testing

@testable import IAMSimApp
@testable import IAMSimCore
@testable import IAMSimDatabase
@testable import IAMSimStore

@Suite("The application layer: seeding and loading accounts with their trainees' devices")
struct ClassroomSeedTests {
    static let start = TestValues.start

    func temporaryPath() throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("iamsim-app-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder.appendingPathComponent("iamsim.sqlite").path
    }

    @Test("seeding happens once, however many processes race to do it")
    func seedOnce() throws {
        let path = try temporaryPath()
        let simulators = try (0..<2).map { seed in
            Simulator(
                database: try AppDatabase.open(path: path), wallClock: .fixed(Self.start),
                random: .seeded(UInt64(seed)),
                hasher: TestValues.cheapHasher)
        }
        let fixture = try Fixture.builtInDefault()
        #expect(try simulators[0].classroom.seedIfEmpty { fixture }?.name == "root-mfa-lesson")
        #expect(try simulators[1].classroom.seedIfEmpty { fixture } == nil)
        #expect(try simulators[1].accounts.listAccounts().map(\.accountID.rawValue) == ["123456789012"])
    }

    @Test("a fixture's hardware tokens reach the trainee in the transaction that loads the account")
    func tokensWithTheAccount() throws {
        let simulator = try Simulator.inMemory()
        let fixture = try FixtureCatalog.load(
            URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().appendingPathComponent("Fixtures/hardware-token-lesson.json").path)
        let account = try simulator.classroom.load(fixture)
        let serials = try simulator.hardwareTokens(for: account).displays().map(\.serialNumber)
        #expect(serials == (fixture.account.hardwareTokens ?? []).map(\.serialNumber))
        #expect(!serials.isEmpty)
        // Loading it again fails as a whole: no second account, no second set of tokens.
        #expect(throws: LocalError.invalidValue("The account 123456789012 already exists in this database.")) {
            try simulator.classroom.load(fixture)
        }
        #expect(try simulator.hardwareTokens(for: account).displays().count == serials.count)
    }
}
