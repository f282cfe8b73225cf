import Foundation

/// A one-line progress bar on standard error, drawn only on a terminal.
final class ProgressBar: @unchecked Sendable {
    private let total: Int
    private let title: String
    private let console: Console
    private let lock = NSLock()
    private var shown = -1

    init(title: String, total: Int, console: Console) {
        self.title = title
        self.total = max(total, 1)
        self.console = console
    }

    /// Redraws the bar when `done` moves it by at least a percent.
    func update(_ done: Int) {
        guard console.isInteractive else { return }
        lock.lock()
        defer { lock.unlock() }
        let percent = min(100, done * 100 / total)
        guard percent != shown else { return }
        shown = percent
        let filled = percent * 30 / 100
        let bar = String(repeating: "#", count: filled) + String(repeating: " ", count: 30 - filled)
        console.writeError("\r\(title) [\(bar)] \(min(done, total))/\(total)")
    }

    /// Clears the bar's line.
    func finish() {
        guard console.isInteractive, shown >= 0 else { return }
        console.writeError("\r" + String(repeating: " ", count: title.count + 50) + "\r")
    }
}
