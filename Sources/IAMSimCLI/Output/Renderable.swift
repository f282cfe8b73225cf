/// A command's result, renderable as text for people or as JSON in AWS's shapes.
public protocol Renderable {
    /// The text output, ending without a newline; empty for none.
    func text(_ style: TextStyle) -> String
    /// The JSON output, with AWS's field names.
    var json: JSONValue { get }
    /// The CSV output, for the commands that have one (nil for the others).
    var csv: String? { get }
    /// The JSON output as JSON Lines (one compact object per line), for the outputs printed
    /// that way instead of as one document (nil for the others).
    var jsonLines: [JSONValue]? { get }
    /// The exit status of a command that produced this output: success, unless the output
    /// decides, as an audit that gates on failures does.
    var exitStatus: Int32 { get }
}

// Optional behaviours are requirements with defaults rather than protocols to cast to: a
// cast to a protocol scans every conformance record in the binary on first use of each
// type, about 0.1 ms each time (docs/performance.md).
extension Renderable {
    public var csv: String? { nil }
    public var jsonLines: [JSONValue]? { nil }
    public var exitStatus: Int32 { ExitStatus.success }
}

/// The `--output` formats.
public enum OutputFormat: String, CaseIterable, Sendable {
    case text
    case json
    /// Only for tabular reports (audit findings); other commands refuse it.
    case csv
}

/// How text is decorated: colour only on a terminal, and never when `NO_COLOR` is set.
public struct TextStyle: Sendable {
    public var colors: Bool

    public init(colors: Bool) {
        self.colors = colors
    }

    public static let plain = TextStyle(colors: false)

    func green(_ text: String) -> String { paint(text, "32") }
    func red(_ text: String) -> String { paint(text, "31") }
    func bold(_ text: String) -> String { paint(text, "1") }
    func dim(_ text: String) -> String { paint(text, "2") }

    private func paint(_ text: String, _ code: String) -> String {
        colors ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
