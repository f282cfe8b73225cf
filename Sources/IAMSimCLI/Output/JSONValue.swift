import IAMSimApp

/// A JSON document with ordered object keys, so output follows AWS's response order the way
/// the aws CLI prints it.
public indirect enum JSONValue: Equatable, Sendable {
    case string(String)
    case int(Int)
    case bool(Bool)
    case null
    case array([JSONValue])
    case object([(String, JSONValue)])
    /// A document already serialized as JSON, printed as is.
    case verbatim(String)

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.string(let a), .string(let b)): a == b
        case (.int(let a), .int(let b)): a == b
        case (.bool(let a), .bool(let b)): a == b
        case (.null, .null): true
        case (.array(let a), .array(let b)): a == b
        case (.object(let a), .object(let b)): a.elementsEqual(b) { $0.0 == $1.0 && $0.1 == $1.1 }
        case (.verbatim(let a), .verbatim(let b)): a == b
        default: false
        }
    }

    /// An object from key-value pairs, leaving out keys whose value is nil (as AWS omits them).
    public static func object(_ pairs: KeyValuePairs<String, JSONValue?>) -> JSONValue {
        .object(pairs.compactMap { key, value in value.map { (key, $0) } })
    }

    /// `{"KEY": [...]}`, one element per item: how iamsim's own answers wrap a list.
    static func list<Item>(_ key: String, _ items: [Item], _ element: (Item) -> JSONValue) -> JSONValue {
        .object([(key, .array(items.map(element)))])
    }

    /// Pretty-printed with four-space indents, like the aws CLI.
    public func rendered(indent: Int = 0) -> String {
        let pad = String(repeating: " ", count: indent)
        let inner = String(repeating: " ", count: indent + 4)
        switch self {
        case .string(let text): return JSONString.quoted(text)
        case .int(let value): return String(value)
        case .bool(let value): return value ? "true" : "false"
        case .null: return "null"
        case .verbatim(let text): return text
        case .array(let items):
            guard !items.isEmpty else { return "[]" }
            let body = items.map { inner + $0.rendered(indent: indent + 4) }.joined(separator: ",\n")
            return "[\n\(body)\n\(pad)]"
        case .object(let pairs):
            guard !pairs.isEmpty else { return "{}" }
            let body = pairs.map { "\(inner)\(JSONString.quoted($0.0)): \($0.1.rendered(indent: indent + 4))" }
                .joined(separator: ",\n")
            return "{\n\(body)\n\(pad)}"
        }
    }

    /// The one-line form, for JSON Lines.
    public var compact: String {
        switch self {
        case .string, .int, .bool, .null, .verbatim: rendered()
        case .array(let items): "[" + items.map(\.compact).joined(separator: ",") + "]"
        case .object(let pairs):
            "{" + pairs.map { "\(JSONString.quoted($0.0)):\($0.1.compact)" }.joined(separator: ",") + "}"
        }
    }
}
