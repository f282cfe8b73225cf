import Foundation
import IAMSimCore

/// The AWS Query protocol's XML responses, as IAM and STS send them and botocore parses them:
/// the body a Query API front end answers with.
///
/// A success is `<OpResponse xmlns=NS><OpResult>…</OpResult><ResponseMetadata><RequestId>…
/// </RequestId></ResponseMetadata></OpResponse>`, without `<OpResult>` for an operation that
/// has no output. Inside, each member of a structure is an element of its name; a list's items
/// are `<member>` elements; a map's entries are `<entry><key>…</key><value>…</value></entry>`;
/// a timestamp is ISO 8601 UTC to the second (`2026-01-05T09:30:05Z`); a blob is base64; a
/// boolean is `true` or `false`. An error is `<ErrorResponse xmlns=NS><Error><Type>Sender
/// </Type><Code>…</Code><Message>…</Message></Error><RequestId>…</RequestId></ErrorResponse>`,
/// sent with `IAMError.httpStatus`. Elements are indented by two spaces per level, as AWS's
/// examples are; botocore ignores the whitespace between elements.
public enum QueryXML {
    /// IAM's XML namespace (API version 2010-05-08).
    public static let iamNamespace = "https://iam.amazonaws.com/doc/2010-05-08/"
    /// STS's XML namespace (API version 2011-06-15).
    public static let stsNamespace = "https://sts.amazonaws.com/doc/2011-06-15/"

    /// The namespace of the service `action` belongs to: STS's for STS actions, IAM's for the rest.
    public static func namespace(of action: IAMAction) -> String {
        action.service == .sts ? stsNamespace : iamNamespace
    }

    /// The success response of `action`.
    ///
    /// - Parameters:
    ///   - result: the operation's result, a structure (`Shapes`' result builders), whose
    ///     members become `<OpResult>`'s elements; nil for an operation with no output.
    ///   - requestID: the request's id, echoed in `ResponseMetadata`.
    public static func response(_ action: IAMAction, result: ShapeValue?, requestID: String) -> String {
        var xml = XMLWriter()
        xml.open("\(action.name)Response", namespace: namespace(of: action))
        if let result { xml.element("\(action.name)Result", result) }
        xml.open("ResponseMetadata")
        xml.text("RequestId", requestID)
        xml.close("ResponseMetadata")
        xml.close("\(action.name)Response")
        return xml.output
    }

    /// The error response to a request for `action`: `Type` is `Sender` when the caller is at
    /// fault and `Receiver` when the service is (`ServiceFailure`).
    public static func errorResponse(_ error: IAMError, action: IAMAction, requestID: String) -> String {
        errorResponse(error, namespace: namespace(of: action), requestID: requestID)
    }

    /// The error response in `namespace`, for a request whose action is unknown or missing
    /// (the namespace then follows the request's `Version`).
    public static func errorResponse(_ error: IAMError, namespace: String, requestID: String) -> String {
        var xml = XMLWriter()
        xml.open("ErrorResponse", namespace: namespace)
        xml.open("Error")
        xml.text("Type", error.isSenderFault ? "Sender" : "Receiver")
        xml.text("Code", error.code)
        xml.text("Message", error.message)
        xml.close("Error")
        xml.text("RequestId", requestID)
        xml.close("ErrorResponse")
        return xml.output
    }

    /// A timestamp as the Query API sends it: `2026-01-05T09:30:05Z`.
    public static func timestamp(_ date: Date) -> String {
        // `Timestamp.iso8601` ends in `+00:00`; the XML spells UTC `Z`, as AWS's examples do.
        String(Timestamp.iso8601(date).dropLast(6)) + "Z"
    }

    /// `text` as XML character data: `&`, `<`, `>` and `"` escaped, a carriage return kept as
    /// `&#xD;` (a parser would turn a bare one into a line feed), and the characters XML 1.0
    /// cannot hold at all (other control characters, U+FFFE, U+FFFF) replaced by U+FFFD.
    public static func escaped(_ text: String) -> String {
        // Nearly every value (names, ids, ARNs, dates, numbers) is printable ASCII without a
        // character to escape: returned as it is, without rebuilding it scalar by scalar.
        // (Over the contiguous bytes when the string has them: the generic view's loop cost
        // about 500 instructions a value.)
        func plain(_ byte: UInt8) -> Bool {
            byte >= 0x20 && byte < 0x7F && byte != 0x26 && byte != 0x3C && byte != 0x3E && byte != 0x22
        }
        if text.utf8.withContiguousStorageIfAvailable({ $0.allSatisfy(plain) }) ?? text.utf8.allSatisfy(plain) {
            return text
        }
        var out = ""
        out.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\r": out += "&#xD;"
            case "\t", "\n": out.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF:
                out.unicodeScalars.append("\u{FFFD}")
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

/// Writes indented XML, one element per line.
private struct XMLWriter {
    // UTF-8 bytes, appended piece by piece: string interpolation, `String` appends and an
    // indentation string per line made most of a response's cost (docs/performance.md, "The
    // Query API side by side with moto").
    private var bytes: [UInt8] = []
    private var depth = 0

    init() {
        bytes.reserveCapacity(4096)
    }

    var output: String { String(decoding: bytes, as: UTF8.self) }

    private mutating func append(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    private mutating func indent() {
        for _ in 0..<(2 * depth) { bytes.append(0x20) }
    }

    mutating func open(_ name: String, namespace: String? = nil) {
        indent()
        append("<")
        append(name)
        if let namespace {
            append(" xmlns=\"")
            append(QueryXML.escaped(namespace))
            append("\"")
        }
        append(">\n")
        depth += 1
    }

    mutating func close(_ name: String) {
        depth -= 1
        indent()
        append("</")
        append(name)
        append(">\n")
    }

    mutating func text(_ name: String, _ text: String) {
        indent()
        append("<")
        append(name)
        append(">")
        append(QueryXML.escaped(text))
        append("</")
        append(name)
        append(">\n")
    }

    /// `value` as the element `name`: text for a scalar, child elements for the others, and an
    /// empty element for an empty list, structure or map.
    mutating func element(_ name: String, _ value: ShapeValue) {
        switch value {
        case .string(let text): self.text(name, text)
        case .integer(let number): self.text(name, String(number))
        case .boolean(let flag): self.text(name, flag ? "true" : "false")
        case .timestamp(let date): self.text(name, QueryXML.timestamp(date))
        case .blob(let bytes): self.text(name, Data(bytes).base64EncodedString())
        case .list(let items):
            guard !items.isEmpty else { return empty(name) }
            open(name)
            for item in items { element("member", item) }
            close(name)
        case .structure(let members):
            guard !members.isEmpty else { return empty(name) }
            open(name)
            for (member, value) in members { element(member, value) }
            close(name)
        case .map(let entries):
            guard !entries.isEmpty else { return empty(name) }
            open(name)
            for (key, value) in entries {
                open("entry")
                self.text("key", key)
                element("value", value)
                close("entry")
            }
            close(name)
        }
    }

    private mutating func empty(_ name: String) {
        indent()
        append("<")
        append(name)
        append("/>\n")
    }
}
