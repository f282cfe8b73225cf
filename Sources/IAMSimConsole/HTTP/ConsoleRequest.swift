import Foundation
import IAMSimCore

/// A request to the console, as its pages read it: already taken apart by the adapter that
/// received it (`ConsoleRoutes`), so the pages never see the web framework.
struct ConsoleRequest: Sendable {
    enum Method: String, Sendable {
        case get = "GET"
        case post = "POST"
    }

    var method: Method
    /// The path inside the console, from its root: `/signin`, `/users/alice`.
    var path: String
    /// The query string's parameters (never a secret: forms that carry one are POSTed).
    var query: [String: String] = [:]
    /// The cookies the browser sent.
    var cookies: [String: String] = [:]
    /// A POSTed form's fields (URL-encoded or multipart), text only.
    var form: [String: String] = [:]
    /// Files of a multipart form, by field name.
    var files: [String: UploadedFile] = [:]
    /// The `Origin` header, when the browser sent one (it does on POST).
    var origin: String?
    /// The `Host` header (the request's authority).
    var host: String?
    /// The browser's address and `User-Agent`: the events of the request record them.
    var client = RequestOrigin(sourceIPAddress: nil, userAgent: nil)

    /// A form field with surrounding whitespace removed; nil when absent or empty.
    func field(_ name: String) -> String? {
        guard let value = form[name]?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else {
            return nil
        }
        return value
    }

    /// A form field exactly as typed (passwords keep their spaces); nil when absent.
    func secretField(_ name: String) -> String? {
        form[name]
    }

    /// A query parameter, nil when absent or empty.
    func parameter(_ name: String) -> String? {
        guard let value = query[name], !value.isEmpty else { return nil }
        return value
    }
}

/// A file sent with a multipart form.
struct UploadedFile: Sendable, Equatable {
    var fileName: String
    var contentType: String?
    var bytes: [UInt8]
}
