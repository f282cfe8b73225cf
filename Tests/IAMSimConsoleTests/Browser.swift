import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import IAMSimApp
import IAMSimConsole
import IAMSimCore
import IAMSimStore
import IAMSimTestSupport
import Testing

/// A browser for handler-level tests: it keeps cookies as a browser does (by name, deleting
/// those set with `Max-Age=0`), sends forms with the CSRF token its cookie holds, and reads
/// pages as text.
final class Browser: @unchecked Sendable {
    let client: any TestClientProtocol
    var cookies: [String: String] = [:]
    /// Every `Set-Cookie` header received, in order.
    var setCookieHeaders: [String] = []
    /// Every URL requested, in order.
    var requestedURLs: [String] = []

    init(_ client: any TestClientProtocol) {
        self.client = client
    }

    /// A page as received.
    struct Page: CustomStringConvertible {
        var status: Int
        var headers: HTTPFields
        var body: String
        var bytes: [UInt8]

        var location: String? { headers[.location] }

        /// Short, for failed expectations: the status, where it leads, and the page's main text.
        var description: String {
            let main =
                body.range(of: "<main").map { String(body[$0.lowerBound...].prefix(1_500)) } ?? String(body.prefix(300))
            return "Page(\(status)\(location.map { " → \($0)" } ?? ""): \(main))"
        }

        /// Whether the body holds `text`, with HTML's escapes for `'` and `"` undone.
        func contains(_ text: String) -> Bool {
            body.replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&quot;", with: "\"")
                .contains(text)
        }

        /// The text of the element whose id is `id` (up to the next `<`).
        func text(ofID id: String) -> String? {
            guard let range = body.range(of: "id=\"\(id)\"") else { return nil }
            guard let start = body[range.upperBound...].firstIndex(of: ">") else { return nil }
            let rest = body[body.index(after: start)...]
            return String(rest[..<(rest.firstIndex(of: "<") ?? rest.endIndex)])
        }
    }

    /// `GET path`; `path` is relative to `/console` unless it starts with `/`.
    @discardableResult
    func get(_ path: String) async throws -> Page {
        try await send(path, method: .get, body: nil, contentType: nil)
    }

    /// `POST path` with `fields`, plus the CSRF token unless `csrf` is false.
    @discardableResult
    func post(_ path: String, _ fields: [(String, String)] = [], csrf: Bool = true, headers: HTTPFields = [:])
        async throws -> Page
    {
        var fields = fields
        if csrf { fields.append(("_csrf", cookies["iamsim_csrf"] ?? "")) }
        let body = fields.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
        return try await send(
            path, method: .post, body: Array(body.utf8), contentType: "application/x-www-form-urlencoded",
            extra: headers)
    }

    /// `POST path` as `multipart/form-data`, with a file.
    @discardableResult
    func postMultipart(
        _ path: String, fields: [(String, String)], file: (name: String, fileName: String, bytes: [UInt8])
    )
        async throws -> Page
    {
        let boundary = "----iamsimBoundary7MA4YWxkTrZu0gW"
        var body: [UInt8] = []
        for (name, value) in fields + [("_csrf", cookies["iamsim_csrf"] ?? "")] {
            body += Array(
                "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
        }
        body += Array(
            "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(file.name)\"; filename=\"\(file.fileName)\"\r\nContent-Type: image/png\r\n\r\n"
                .utf8)
        body += file.bytes
        body += Array("\r\n--\(boundary)--\r\n".utf8)
        return try await send(
            path, method: .post, body: body, contentType: "multipart/form-data; boundary=\(boundary)")
    }

    /// Follows a redirect with a GET, as a browser does after `303 See Other`.
    @discardableResult
    func follow(_ page: Page) async throws -> Page {
        let location = try #require(page.location, "not a redirect: \(page.status)")
        return try await get(location)
    }

    private func send(
        _ path: String, method: HTTPRequest.Method, body: [UInt8]?, contentType: String?, extra: HTTPFields = [:]
    ) async throws -> Page {
        // A browser keeps the fragment to itself.
        let target = path.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0]
        let uri = target.hasPrefix("/") ? String(target) : "/console/" + target
        requestedURLs.append(uri)
        var headers = extra
        if let contentType { headers[.contentType] = contentType }
        if !cookies.isEmpty {
            headers[.cookie] = cookies.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(
                separator: "; ")
        }
        let response = try await client.execute(
            uri: uri, method: method, headers: headers, body: body.map { ByteBuffer(bytes: $0) })
        for header in response.headers[values: .setCookie] {
            setCookieHeaders.append(header)
            let first = header.split(separator: ";")[0]
            let parts = first.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = String(parts[0])
            if header.contains("Max-Age=0") {
                cookies[name] = nil
            } else {
                cookies[name] = parts.count > 1 ? String(parts[1]) : ""
            }
        }
        let bytes = Array(buffer: response.body)
        return Page(
            status: Int(response.status.code), headers: response.headers, body: String(decoding: bytes, as: UTF8.self),
            bytes: bytes)
    }

    static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}

/// The console over a fresh in-memory simulator holding the lesson account, its clock stopped
/// at `TestValues.start`.
struct ConsoleHarness {
    static let instructorToken = "teacher-token-1234"

    let store: StoreHarness
    var simulator: Simulator { store.simulator }

    init(fixture: Fixture? = nil) throws {
        store = try StoreHarness(fixture: fixture)
    }

    /// Runs `body` with a fresh browser on the console.
    func run(_ body: @Sendable (Browser) async throws -> Void) async throws {
        let router = Router(context: ConsoleRequestContext.self)
        ConsoleServer.addConsole(
            to: router, simulator: simulator,
            configuration: ConsoleConfiguration(
                instructorToken: Self.instructorToken, cookieKey: Array(repeating: 7, count: 32)))
        let app = Application(router: router)
        try await app.test(.router) { client in
            try await body(Browser(client))
        }
    }

    /// The lesson account's time.
    var now: Date { get throws { try store.now } }

    /// The code of `seed` at the account's time, `steps` steps away, computed independently.
    func code(_ seed: String, steps: Int64 = 0) throws -> String {
        IndependentTOTP.code(base32: seed, unixTime: Int64(try now.timeIntervalSince1970) + steps * 30)
    }

    /// Moves the account's clock on.
    func advance(_ seconds: Int64) throws {
        try store.advance(seconds)
    }
}

extension Browser {
    /// Signs the lesson's root user in (email, then password), following redirects.
    @discardableResult
    func signInAsRoot(password: String = TestValues.password) async throws -> Page {
        try await get("signin")
        let next = try await post("signin", [("email", TestValues.email)])
        #expect(next.status == 200)
        let signedIn = try await post(
            "signin/password", [("as", "root"), ("email", TestValues.email), ("password", password)])
        return signedIn
    }

    /// Signs the lesson's root user in with a fresh code of the device whose seed is `seed`.
    @discardableResult
    func signInAsRoot(_ harness: ConsoleHarness, seed: String) async throws -> Page {
        let password = try await signInAsRoot()
        #expect(password.location == "/console/signin/mfa")
        let signedIn = try await post("signin/mfa", [("code", try harness.code(seed))])
        #expect(signedIn.location == "/console/dashboard")
        return signedIn
    }
}

extension ConsoleHarness {
    /// The root user as the store's caller, acting outside any console session.
    var root: Caller { .principal(.root(TestValues.account)) }

    /// The lesson account's events, oldest first.
    func events() throws -> [Event] {
        try simulator.eventLog.events(account: TestValues.account, limit: 1_000)
    }

    /// Gives root an active virtual MFA device named `name` (its codes at steps -1 and 0),
    /// then moves the clock one step on, so that the next code is fresh; returns its seed.
    @discardableResult
    func activateRootDevice(_ name: String = "root-mfa") throws -> String {
        let created = try simulator.store.createVirtualMFADevice(caller: root, deviceName: name)
        let seed = created.base32StringSeed
        try simulator.store.enableMFADevice(
            caller: root, serialNumber: created.device.serialNumber, code1: try code(seed, steps: -1),
            code2: try code(seed))
        try advance(30)
        return seed
    }

    /// Root's access keys.
    func rootKeys() throws -> [AccessKeyMetadata] {
        try simulator.store.listAccessKeys(caller: root).items
    }
}
