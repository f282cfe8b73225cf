import Foundation

/// What a process interrupted by SIGINT (Ctrl-C) or SIGTERM undoes before it ends: a terminal
/// left with echo off at a password prompt, and temporary files not yet renamed into place.
///
/// The handler runs in signal context, so it only calls async-signal-safe functions
/// (`tcsetattr`, `write`, `unlink`, `signal`, `raise`) on memory prepared before it was
/// installed. It then ends the process by the same signal with its default action, so the
/// shell sees an interrupted command (status 130 after Ctrl-C) and stops a script or loop the
/// command was part of.
enum Interruption {
    /// How many temporary files can be pending at once (a command writes one output file).
    private static let fileSlots = 4

    /// The handler's state, allocated once before the handler is installed and never freed.
    private struct State {
        var terminal: UnsafeMutablePointer<termios>
        /// 1 while `terminal` holds settings to restore.
        var terminalSaved: UnsafeMutablePointer<sig_atomic_t>
        /// Paths to unlink (strdup'ed C strings), nil when free.
        var files: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>
    }

    nonisolated(unsafe) private static var state: State?
    private static let lock = NSLock()

    /// Installs the handler for SIGINT and SIGTERM (once), unless a signal is ignored, as a
    /// shell ignores SIGINT for background jobs.
    private static func prepare() -> State {
        lock.lock()
        defer { lock.unlock() }
        if let state { return state }
        let files = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: fileSlots)
        files.initialize(repeating: nil, count: fileSlots)
        let saved = UnsafeMutablePointer<sig_atomic_t>.allocate(capacity: 1)
        saved.initialize(to: 0)
        let made = State(terminal: .allocate(capacity: 1), terminalSaved: saved, files: files)
        state = made
        for signal in [SIGINT, SIGTERM] {
            var current = sigaction()
            sigaction(signal, nil, &current)
            if let handler = current.__sigaction_handler.sa_handler,
                unsafeBitCast(handler, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self)
            {
                continue
            }
            var action = sigaction()
            action.__sigaction_handler.sa_handler = handle
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0
            sigaction(signal, &action, nil)
        }
        return made
    }

    /// Runs in signal context: only async-signal-safe calls, on the prepared state.
    private static let handle: @convention(c) (Int32) -> Void = { number in
        if let state = Interruption.state {
            if state.terminalSaved.pointee == 1 {
                tcsetattr(STDIN_FILENO, TCSANOW, state.terminal)
                // The user's Enter was never echoed: end the prompt's line.
                var newline: UInt8 = 10
                _ = write(STDERR_FILENO, &newline, 1)
            }
            for slot in 0..<Interruption.fileSlots {
                if let path = state.files[slot] { unlink(path) }
            }
        }
        signal(number, SIG_DFL)
        raise(number)
    }

    // MARK: - The terminal

    /// Restores `settings` on the terminal if the process is interrupted before `releaseTerminal`.
    static func protectTerminal(_ settings: termios) {
        let state = prepare()
        state.terminal.pointee = settings
        state.terminalSaved.pointee = 1
    }

    /// The terminal is restored: nothing to do on interruption any more.
    static func releaseTerminal() {
        state?.terminalSaved.pointee = 0
    }

    // MARK: - Temporary files

    /// A temporary file to delete if the process is interrupted before `release(_:)`.
    struct FileToken {
        fileprivate var slot: Int?
    }

    /// Deletes `path` if the process is interrupted before the token is released.
    static func deleteOnInterruption(_ path: String) -> FileToken {
        let state = prepare()
        lock.lock()
        defer { lock.unlock() }
        for slot in 0..<fileSlots where state.files[slot] == nil {
            state.files[slot] = strdup(path)
            return FileToken(slot: slot)
        }
        return FileToken(slot: nil)
    }

    /// The file was renamed into place or deleted: forget it.
    static func release(_ token: FileToken) {
        guard let slot = token.slot, let state else { return }
        lock.lock()
        defer { lock.unlock() }
        let path = state.files[slot]
        state.files[slot] = nil
        free(path)
    }
}
