import Foundation
import IAMSimTestSupport
import Testing

/// The built binary: the demo narrates on the terminal itself, on a scratch database file of its
/// own (kept with --keep), so only the binary shows what a user sees.
@Suite("End to end: the demo")
struct DemoTests {
    @Test("demo plays all 16 steps with real output, the same transcript every run")
    func transcript() throws {
        let h = try BinaryHarness()
        let kept = h.folder.appendingPathComponent("demo.sqlite").path
        let r = try h.runWithoutDatabaseOption(["demo", "--keep", kept])
        #expect(r.status == 0)
        #expect(r.stderr == "")
        try assertSnapshot(r.stdout.replacingOccurrences(of: kept, with: "SCRATCH"), named: "demo")
        // The kept database holds the finished lesson.
        let dashboard = try h.runWithoutDatabaseOption(["dashboard", "--output", "json", "--db", kept])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(dashboard.stdout.utf8)) as? [String: Any])
        let items = try #require(json["SecurityStatus"] as? [[String: Any]])
        #expect(items.prefix(2).map { $0["Status"] as? String } == ["PASS", "PASS"])
    }

    @Test("docs/lesson.md shows the demo's exact transcript")
    func documented() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let doc = try String(contentsOf: root.appendingPathComponent("docs/lesson.md"), encoding: .utf8)
        let transcript = try String(
            contentsOf: root.appendingPathComponent("Tests/IAMSimCLITests/Snapshots/demo.txt"), encoding: .utf8)
        #expect(doc.contains("```text\n" + transcript + "```"))
    }

    @Test("demo refuses to overwrite an existing file")
    func keepExisting() throws {
        let h = try BinaryHarness()
        let existing = h.folder.appendingPathComponent("mine.sqlite")
        try Data("keep me".utf8).write(to: existing)
        let r = try h.runWithoutDatabaseOption(["demo", "--keep", existing.path])
        #expect(r.status == 64)
        #expect(r.stderr == "iamsim: error: \(existing.path) already exists; choose a new path for --keep.\n")
        #expect(try Data(contentsOf: existing) == Data("keep me".utf8))
    }
}
