import Foundation
import Testing

/// Compares `actual` with `Snapshots/NAME.txt` beside this file (NAME may name a folder:
/// `help/iamsim`). Run with
/// `IAMSIM_RECORD_SNAPSHOTS=1` to (re)record, review the diff, and commit it; a recording run
/// always fails so that it cannot pass unseen.
func assertSnapshot(_ actual: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
        "Snapshots/\(name).txt")
    if ProcessInfo.processInfo.environment["IAMSIM_RECORD_SNAPSHOTS"] != nil {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(actual.utf8).write(to: url)
        Issue.record(
            "Recorded snapshot \(name); rerun without IAMSIM_RECORD_SNAPSHOTS.", sourceLocation: sourceLocation)
        return
    }
    guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
        Issue.record("No snapshot \(name): record it with IAMSIM_RECORD_SNAPSHOTS=1.", sourceLocation: sourceLocation)
        return
    }
    #expect(actual == expected, sourceLocation: sourceLocation)
}
