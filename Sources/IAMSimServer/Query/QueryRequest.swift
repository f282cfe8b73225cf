import Foundation
import IAMSimCore

/// An AWS Query request: its `Action`, its `Version`, and its other parameters as sent
/// (`Tags.member.1.Key=a`), from a form-encoded POST body or a GET query string.
struct QueryRequest: Sendable {
    var action: String
    var version: String
    /// Every parameter but `Action`, `Version` and the presigned `X-Amz-*` ones, as sent.
    var parameters: [String: String]

    /// The request's parameters from `query` and, for a form POST, `body`.
    ///
    /// - Throws: `MissingAction` without an `Action`; `MalformedQueryString` for a body that is
    ///   not form text (binary; truncated escapes are kept as sent).
    init(query: String, body: [UInt8], contentType: String?) throws(IAMError) {
        var items = SigV4.decodeForm(query)
        if !body.isEmpty {
            if let contentType, !contentType.lowercased().hasPrefix("application/x-www-form-urlencoded") {
                throw .malformedQueryString(
                    "The request body must be application/x-www-form-urlencoded, not \(contentType).")
            }
            guard let text = String(validating: body, as: UTF8.self) else {
                throw .malformedQueryString("The request body is not UTF-8 form text.")
            }
            items += SigV4.decodeForm(text)
        }
        var parameters: [String: String] = [:]
        for item in items where !item.name.hasPrefix("X-Amz-") {
            // A repeated parameter keeps its first value, as AWS's query parser does.
            if parameters[item.name] == nil { parameters[item.name] = item.value }
        }
        guard let action = parameters.removeValue(forKey: "Action"), !action.isEmpty else {
            throw .missingAction("Missing Action")
        }
        self.action = action
        self.version = parameters.removeValue(forKey: "Version") ?? ""
        self.parameters = parameters
    }
}
