import Foundation
import IAMSimMacros

/// The process's terminal and streams, injected so the demo and tests can script them.
@MemberwiseInit
public struct Console: Sendable {
    /// Whether stdin and stdout are a terminal a person is typing at.
    public var isInteractive: Bool
    /// Whether text output may be coloured.
    public var colors: Bool
    /// Writes to standard output.
    public var write: @Sendable (String) -> Void
    /// Writes to standard error.
    public var writeError: @Sendable (String) -> Void
    /// Asks for a line of input after `prompt`; `secret` turns echo off. Nil at end of input.
    public var prompt: @Sendable (_ prompt: String, _ secret: Bool) -> String?
    /// Reads one line of standard input without prompting (`--password-stdin`).
    public var readStandardInput: @Sendable () -> String?

    /// Writes `text` and a newline to standard output.
    func print(_ text: String) { write(text + "\n") }

    /// Writes `text` and a newline to standard error.
    func printError(_ text: String) { writeError(text + "\n") }
}

extension Console {
    /// The real terminal.
    public static func live(environment: [String: String] = ProcessInfo.processInfo.environment) -> Console {
        let interactive = isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1
        let colors = isatty(STDOUT_FILENO) == 1 && environment["NO_COLOR"] == nil && environment["TERM"] != "dumb"
        return Console(
            isInteractive: interactive, colors: colors,
            write: { text in writeAll(text, to: STDOUT_FILENO) },
            writeError: { text in writeAll(text, to: STDERR_FILENO) },
            prompt: { prompt, secret in
                writeAll(prompt, to: STDERR_FILENO)
                return secret ? readWithoutEcho() : Swift.readLine(strippingNewline: true)
            },
            readStandardInput: { Swift.readLine(strippingNewline: true) })
    }

    /// Writes all of `text` to `descriptor`, retrying short and interrupted writes. Straight
    /// to the descriptor: `FileHandle.write(Data(text.utf8))` costs a dynamic cast on first use
    /// (docs/performance.md).
    private static func writeAll(_ text: String, to descriptor: Int32) {
        var text = text
        text.withUTF8 { bytes in
            guard var next = bytes.baseAddress else { return }
            var remaining = bytes.count
            while remaining > 0 {
                let written = Foundation.write(descriptor, next, remaining)
                if written < 0 {
                    if errno == EINTR { continue }
                    return
                }
                next += written
                remaining -= written
            }
        }
    }

    /// Reads a line with terminal echo off, restoring the terminal when input ends (Ctrl-D)
    /// and when the process is interrupted (Ctrl-C, SIGTERM; see `Interruption`).
    private static func readWithoutEcho() -> String? {
        var saved = termios()
        guard tcgetattr(STDIN_FILENO, &saved) == 0 else { return Swift.readLine(strippingNewline: true) }
        var silent = saved
        silent.c_lflag &= ~tcflag_t(ECHO)
        // Armed before echo goes off, so no moment leaves the terminal silent for good.
        Interruption.protectTerminal(saved)
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &silent)
        defer {
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved)
            Interruption.releaseTerminal()
            writeAll("\n", to: STDERR_FILENO)
        }
        return Swift.readLine(strippingNewline: true)
    }
}
