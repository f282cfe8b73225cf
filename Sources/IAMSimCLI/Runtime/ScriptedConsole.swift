import Foundation

/// A console that plays a script instead of a terminal: the demo's, and the tests' that run
/// commands in process.
///
/// Standard input is text given up front, read a line at a time as a command reads a pipe
/// (`readLine`); a prompt is written to standard error, as on a terminal, and answered by the
/// `answer` closure when there is one, else by the next line of standard input. Everything
/// written is kept: each stream, and both in the order written (`transcript`).
public final class ScriptedConsole: @unchecked Sendable {
    /// A question a command asked, and the answer it got (nil: end of input).
    public struct Prompt: Equatable, Sendable {
        public var text: String
        /// Whether the answer was typed with echo off (a password).
        public var secret: Bool
        public var answer: String?
    }

    /// Whether commands see a person typing at a terminal (they may then prompt).
    public let isInteractive: Bool
    private let answer: (@Sendable (_ prompt: String, _ secret: Bool) -> String?)?
    private let lock = NSLock()
    private var input: [String]
    private var output = ""
    private var errors = ""
    private var everything = ""
    private var asked: [Prompt] = []

    /// - Parameters:
    ///   - isInteractive: false for a pipe (the binary under a test harness), true for a
    ///     terminal (the demo, a test of a prompt).
    ///   - standardInput: what is piped in; nil for nothing.
    ///   - answer: answers prompts instead of standard input (the demo types the password).
    public init(
        isInteractive: Bool = false, standardInput: String? = nil,
        answer: (@Sendable (_ prompt: String, _ secret: Bool) -> String?)? = nil
    ) {
        self.isInteractive = isInteractive
        self.answer = answer
        self.input = standardInput.map(Self.lines) ?? []
    }

    /// The console commands use: colourless, as on a pipe or with `NO_COLOR`.
    public var console: Console {
        Console(
            isInteractive: isInteractive, colors: false,
            write: { [self] text in
                record {
                    $0.output += text
                    $0.everything += text
                }
            },
            writeError: { [self] text in
                record {
                    $0.errors += text
                    $0.everything += text
                }
            },
            prompt: { [self] prompt, secret in
                record { console in
                    console.errors += prompt
                    console.everything += prompt
                    let reply = console.answer.map { $0(prompt, secret) } ?? console.nextLine()
                    console.asked.append(Prompt(text: prompt, secret: secret, answer: reply))
                    return reply
                }
            },
            readStandardInput: { [self] in record { $0.nextLine() } })
    }

    /// What was written to standard output.
    public var standardOutput: String { record { $0.output } }

    /// What was written to standard error, prompts included.
    public var standardError: String { record { $0.errors } }

    /// Both streams, in the order written.
    public var transcript: String { record { $0.everything } }

    /// The prompts, in order.
    public var prompts: [Prompt] { record { $0.asked } }

    /// Forgets what was written and asked (the demo, between steps); the input left stays.
    public func clear() {
        record { console in
            console.output = ""
            console.errors = ""
            console.everything = ""
            console.asked = []
        }
    }

    private func record<T>(_ body: (ScriptedConsole) -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body(self)
    }

    /// The next line of input (called under the lock); nil at its end.
    private func nextLine() -> String? {
        input.isEmpty ? nil : input.removeFirst()
    }

    /// `text` as `readLine(strippingNewline: true)` reads it from a pipe: lines without their
    /// newline; a last line without one still counts; nothing at all is no line.
    static func lines(_ text: String) -> [String] {
        let newline = { (character: Character) in character == "\n" || character == "\r\n" }
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: newline).map(String.init)
        if text.last.map(newline) ?? true { lines.removeLast() }
        return lines
    }
}
