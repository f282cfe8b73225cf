import Foundation

/// The process's terminal and streams, injected so the demo and tests can script them.
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

    public init(
        isInteractive: Bool, colors: Bool, write: @escaping @Sendable (String) -> Void,
        writeError: @escaping @Sendable (String) -> Void,
        prompt: @escaping @Sendable (String, Bool) -> String?,
        readStandardInput: @escaping @Sendable () -> String?
    ) {
        self.isInteractive = isInteractive
        self.colors = colors
        self.write = write
        self.writeError = writeError
        self.prompt = prompt
        self.readStandardInput = readStandardInput
    }

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
            write: { text in FileHandle.standardOutput.write(Data(text.utf8)) },
            writeError: { text in FileHandle.standardError.write(Data(text.utf8)) },
            prompt: { prompt, secret in
                FileHandle.standardError.write(Data(prompt.utf8))
                return secret ? readWithoutEcho() : Swift.readLine(strippingNewline: true)
            },
            readStandardInput: { Swift.readLine(strippingNewline: true) })
    }

    /// Reads a line with terminal echo off, restoring the terminal even when input ends.
    private static func readWithoutEcho() -> String? {
        var saved = termios()
        guard tcgetattr(STDIN_FILENO, &saved) == 0 else { return Swift.readLine(strippingNewline: true) }
        var silent = saved
        silent.c_lflag &= ~tcflag_t(ECHO)
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &silent)
        defer {
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved)
            FileHandle.standardError.write(Data("\n".utf8))
        }
        return Swift.readLine(strippingNewline: true)
    }
}
