import Foundation
import IAMSimTestSupport
import Testing

/// `export` → `init --fixture` → `export` gives the same file, byte for byte, for every
/// shipped fixture: nothing drifts (the fixture's name used to grow `-export` each time).
@Suite("End to end: exact export round trips")
struct ExportRoundTripTests {
    static let shipped = [
        "root-mfa-lesson", "root-mfa-lesson-completed", "users-and-groups-lesson", "messy-account",
        "hardware-token-lesson", "audit-practice",
    ]

    @Test("export, load the export into a new database, export again: the same bytes", arguments: shipped)
    func exact(fixture: String) throws {
        let h = try InProcessHarness()
        let source = ClassroomEndToEndTests.fixtures.appendingPathComponent("\(fixture).json").path
        var r = try h.run(["init", "--fixture", source])
        #expect(r.status == 0, "\(r.stderr)")
        let first = h.folder.appendingPathComponent("first.json").path
        r = try h.run(["export", "--file", first])
        #expect(r.status == 0, "\(r.stderr)")

        var previous = try Data(contentsOf: URL(fileURLWithPath: first))
        // Twice more, so that a name that grows (or any other drift) shows either way.
        for generation in 2...3 {
            let database = h.folder.appendingPathComponent("generation-\(generation).sqlite").path
            let exported = h.folder.appendingPathComponent("generation-\(generation).json").path
            r = try h.runWithoutDatabaseOption([
                "init", "--fixture",
                h.folder.appendingPathComponent(generation == 2 ? "first.json" : "generation-2.json").path,
                "--db", database,
            ])
            #expect(r.status == 0, "\(r.stderr)")
            r = try h.runWithoutDatabaseOption(["export", "--file", exported, "--db", database])
            #expect(r.status == 0, "\(r.stderr)")
            let again = try Data(contentsOf: URL(fileURLWithPath: exported))
            #expect(
                again == previous,
                "generation \(generation):\n\(String(decoding: again, as: UTF8.self))\nafter\n\(String(decoding: previous, as: UTF8.self))"
            )
            previous = again
        }
        let exported = try #require(
            try JSONSerialization.jsonObject(with: previous) as? [String: Any])
        #expect(exported["Name"] as? String == "\(fixture)-export")
    }
}
