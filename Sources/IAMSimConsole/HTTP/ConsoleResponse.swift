import Foundation

/// What the console answers, before the adapter turns it into the web framework's response.
struct ConsoleResponse: Sendable {
    var status = 200
    /// Headers other than cookies, in order.
    var headers: [(name: String, value: String)] = []
    var cookies: [SetCookie] = []
    var body: [UInt8] = []

    /// An HTML page.
    static func html(_ text: String, status: Int = 200) -> ConsoleResponse {
        ConsoleResponse(
            status: status, headers: [("Content-Type", "text/html; charset=utf-8")], body: Array(text.utf8))
    }

    /// `303 See Other` to `location` (a path the browser then GETs): the answer to a form
    /// that changed something, so that reloading the next page never submits it again.
    static func redirect(_ location: String) -> ConsoleResponse {
        ConsoleResponse(status: 303, headers: [("Location", location)])
    }

    /// The same response, also setting `cookie`.
    func setting(_ cookie: SetCookie) -> ConsoleResponse {
        var response = self
        response.cookies.append(cookie)
        return response
    }

    /// The same response, also setting each of `cookies`.
    func setting(_ cookies: [SetCookie]) -> ConsoleResponse {
        var response = self
        response.cookies += cookies
        return response
    }
}

/// A cookie the console sets: always HttpOnly and SameSite=Strict, scoped to the console's path.
struct SetCookie: Sendable, Equatable {
    var name: String
    /// Only cookie-safe characters (the console's values are base64url, digits and dots).
    var value: String
    /// Seconds until the browser forgets it; nil for a cookie that ends with the browser; 0 deletes it.
    var maxAge: Int?

    /// The `Set-Cookie` header value for a console mounted at `path`.
    func header(path: String, secure: Bool) -> String {
        var text = "\(name)=\(value); Path=\(path.isEmpty ? "/" : path); HttpOnly; SameSite=Strict"
        if let maxAge { text += "; Max-Age=\(maxAge)" }
        if secure { text += "; Secure" }
        return text
    }

    /// Deletes the cookie `name`.
    static func delete(_ name: String) -> SetCookie {
        SetCookie(name: name, value: "", maxAge: 0)
    }
}
