/// JSON's string literal, for the front ends that write JSON themselves: the CLI's `JSONValue`
/// and the server's errors for services it does not simulate.
public enum JSONString {
    /// `text` as a JSON string literal (RFC 8259): quotes and backslashes escaped; line feed,
    /// carriage return and tab as `\n`, `\r`, `\t`; other control characters as `\u00XX`;
    /// everything else as is, as the aws CLI prints JSON (Python's `json.dumps` with
    /// `ensure_ascii=False`).
    public static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
