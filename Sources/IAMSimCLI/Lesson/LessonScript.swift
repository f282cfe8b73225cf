import ArgumentParser
import IAMSimApp
import IAMSimCore

/// Turns a lesson step's command line into a command that runs in-process, as the trainee
/// would type it. Shared by the demo and the guided lesson, so both run the real commands.
enum LessonScript {
    /// The command for `line` (`iamsim …`), on the database at `database`, for `account` when
    /// one is chosen (a classroom).
    static func command(_ line: String, database: String, account: String? = nil) throws -> any ConsoleCommand {
        let arguments = split(line).dropFirst() + ["--db", database] + (account.map { ["--account", $0] } ?? [])
        let parsed = try IAMSimCommand.fastParse(Array(arguments)) ?? IAMSimCommand.parseAsRoot(Array(arguments))
        guard let command = parsed as? any ConsoleCommand else {
            throw CommandError(
                message: "The lesson command '\(line)' cannot be run from here.", status: ExitStatus.unexpected)
        }
        return command
    }

    /// The step's command for display: known values filled in, unknown codes as CODE1, CODE2, CODE.
    static func display(_ step: LessonStep, values: [String: String]) -> String {
        var line = LessonCommandLine.filled(step, values)
        for (placeholder, shown) in [("{code1}", "CODE1"), ("{code2}", "CODE2"), ("{code}", "CODE")] {
            line = line.replacingOccurrences(of: placeholder, with: shown)
        }
        return line
    }

    /// The step's command to run on a terminal: options whose value is still unknown are left
    /// out, so the command asks for them (MFA codes) itself.
    static func runnable(_ step: LessonStep, values: [String: String]) -> String {
        runnable(command: LessonCommandLine.filled(step, values))
    }

    /// `line` to run on a terminal: options whose value is a placeholder (`{code1}`, `CODE1`)
    /// are left out, so the command asks for them itself.
    static func runnable(command line: String) -> String {
        let words = split(line)
        var kept: [String] = []
        var index = 0
        while index < words.count {
            if words[index].hasPrefix("--"), index + 1 < words.count,
                words[index + 1].hasPrefix("{") || ["CODE1", "CODE2", "CODE"].contains(words[index + 1])
            {
                index += 2
                continue
            }
            kept.append(words[index].contains(" ") ? "'\(words[index])'" : words[index])
            index += 1
        }
        return kept.joined(separator: " ")
    }

    /// Splits a command line as a shell would for lesson commands: on spaces, keeping
    /// single-quoted words (such as an `otpauth://` URI with its `&`) whole.
    static func split(_ line: String) -> [String] {
        var words: [String] = []
        var word = ""
        var quoted = false
        var inWord = false
        for char in line {
            switch char {
            case "'":
                quoted.toggle()
                inWord = true
            case " " where !quoted:
                if inWord { words.append(word) }
                word = ""
                inWord = false
            default:
                word.append(char)
                inWord = true
            }
        }
        if inWord { words.append(word) }
        return words
    }
}
