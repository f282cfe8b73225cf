import Foundation
import IAMSimApp
import IAMSimCore

/// The XML bodies of Query API answers: a result (`<OpResponse><OpResult>…`) and the
/// `ErrorResponse` envelope, in the service's namespace, each with its request id.
enum QueryResponse {
    /// `<ErrorResponse>` with the error's `Type` (Sender or Receiver), code and message.
    static func error(code: String, message: String, sender: Bool, namespace: String, requestID: String) -> String {
        """
        <ErrorResponse xmlns="\(escape(namespace))">
          <Error>
            <Type>\(sender ? "Sender" : "Receiver")</Type>
            <Code>\(escape(code))</Code>
            <Message>\(escape(message))</Message>
          </Error>
          <RequestId>\(escape(requestID))</RequestId>
        </ErrorResponse>

        """
    }

    /// Text escaped for XML content and attribute values.
    static func escape(_ text: String) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count)
        for character in text.unicodeScalars {
            switch character {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            case "'": output += "&apos;"
            default:
                // XML 1.0 has no way to carry most control characters: leave them out.
                if character.value < 0x20, character != "\t", character != "\n", character != "\r" { continue }
                output.unicodeScalars.append(character)
            }
        }
        return output
    }
}

extension QueryResponse {
    /// `<ActionResponse><ActionResult>…</ActionResult><ResponseMetadata>…` for `result`'s
    /// members, or without the result element for an operation that returns nothing.
    static func result(action: String, _ result: ShapeValue?, namespace: String, requestID: String) -> String {
        var xml = "<\(action)Response xmlns=\"\(escape(namespace))\">\n"
        if let result {
            xml += "  <\(action)Result>\n"
            if case .structure(let members) = result {
                for (name, value) in members { element(name, value, indent: 4, into: &xml) }
            }
            xml += "  </\(action)Result>\n"
        }
        xml += "  <ResponseMetadata>\n    <RequestId>\(escape(requestID))</RequestId>\n  </ResponseMetadata>\n"
        xml += "</\(action)Response>\n"
        return xml
    }

    /// One element, with AWS Query's encodings: lists as `<member>`, maps as
    /// `<entry><key/><value/></entry>`, timestamps in ISO 8601 UTC, blobs in base64.
    static func element(_ name: String, _ value: ShapeValue, indent: Int, into xml: inout String) {
        let pad = String(repeating: " ", count: indent)
        switch value {
        case .string(let text): xml += "\(pad)<\(name)>\(escape(text))</\(name)>\n"
        case .integer(let number): xml += "\(pad)<\(name)>\(number)</\(name)>\n"
        case .boolean(let flag): xml += "\(pad)<\(name)>\(flag ? "true" : "false")</\(name)>\n"
        case .timestamp(let date): xml += "\(pad)<\(name)>\(iso8601(date))</\(name)>\n"
        case .blob(let bytes): xml += "\(pad)<\(name)>\(Data(bytes).base64EncodedString())</\(name)>\n"
        case .list(let items):
            xml += "\(pad)<\(name)>\n"
            for item in items { element("member", item, indent: indent + 2, into: &xml) }
            xml += "\(pad)</\(name)>\n"
        case .structure(let members):
            xml += "\(pad)<\(name)>\n"
            for (member, value) in members { element(member, value, indent: indent + 2, into: &xml) }
            xml += "\(pad)</\(name)>\n"
        case .map(let entries):
            xml += "\(pad)<\(name)>\n"
            for (key, value) in entries {
                xml += "\(pad)  <entry>\n"
                element("key", .string(key), indent: indent + 4, into: &xml)
                element("value", value, indent: indent + 4, into: &xml)
                xml += "\(pad)  </entry>\n"
            }
            xml += "\(pad)</\(name)>\n"
        }
    }

    /// `2026-01-05T09:30:05Z`.
    static func iso8601(_ date: Date) -> String {
        String(Timestamp.iso8601(date).prefix(19)) + "Z"
    }
}
