import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import IAMSimConsole
import IAMSimTestSupport
import NIOCore
import Testing

/// Every field labelled, one heading per page, status in words; and the console mounted as
/// `iamsim serve` mounts it: beside an API that answers every other path, with its own context.
@Suite("Console: accessibility and mounting")
struct AccessibilityAndMountTests {
    /// The ids of the form fields of `html` (inputs other than hidden ones, selects), and the
    /// ids its labels name.
    static func fields(_ html: String) -> (fields: [String], labelled: Set<String>, unnamed: Int) {
        var fields: [String] = []
        var unnamed = 0
        for tag in html.components(separatedBy: "<").dropFirst()
        where tag.hasPrefix("input ") || tag.hasPrefix("select ") {
            let head = tag.prefix { $0 != ">" }
            if head.contains("type=\"hidden\"") { continue }
            if let id = head.firstMatch(of: /id="([^"]+)"/) {
                fields.append(String(id.1))
            } else {
                unnamed += 1
            }
        }
        let labelled = Set(html.matches(of: /<label for="([^"]+)"/).map { String($0.1) })
        return (fields, labelled, unnamed)
    }

    @Test("every field of every page has a label, and every page one h1, a title and a language")
    func labels() async throws {
        let harness = try ConsoleHarness()
        try harness.simulator.store.createUser(caller: harness.root, userName: "lena")
        try await harness.run { browser in
            var pages: [(String, Browser.Page)] = []
            for path in ["signin", "signin?as=iam", "signin/resync", "instructor"] {
                pages.append((path, try await browser.get(path)))
            }
            pages.append(("password page", try await browser.post("signin", [("email", "trainee@example.com")])))
            try await browser.signInAsRoot()
            for path in [
                "dashboard", "security-credentials", "mfa/assign", "users", "users/create", "user?name=lena", "groups",
                "phone", "access-keys/delete?key=AKIAIOSFODNN7EXAMPLE", "user/delete?name=lena", "password",
                "password-policy",
            ] {
                pages.append((path, try await browser.get(path)))
            }
            let setup = try await browser.follow(
                try await browser.post("mfa/assign", [("name", "root-mfa"), ("type", "authenticator-app")]))
            pages.append(("mfa/setup", setup))
            pages.append(
                ("mfa/hardware", try await browser.post("mfa/assign", [("name", "token"), ("type", "hardware-totp")])))
            for (path, page) in pages {
                #expect(page.status == 200, "\(path): \(page.status)")
                let (fields, labelled, unnamed) = Self.fields(page.body)
                #expect(unnamed == 0, "\(path): a field without an id")
                for field in fields { #expect(labelled.contains(field), "\(path): #\(field) has no label") }
                #expect(page.body.components(separatedBy: "<h1").count == 2, "\(path): not one h1")
                #expect(page.body.contains("<html lang=\"en\">"))
                #expect(page.body.contains("<title>"))
                #expect(page.body.contains("<a class=\"skip\" href=\"#main\">Skip to main content</a>"))
            }
        }
    }

    /// A request context of its own, as the Query API's server has.
    struct APIContext: ClientAddressRequestContext {
        var coreContext: CoreRequestContextStorage
        var remoteAddress: String? { nil }
        init(source: ApplicationRequestContextSource) {
            coreContext = .init(source: source)
        }
    }

    @Test("mounted under /console beside an API that answers every other path")
    func besideAnAPI() async throws {
        let harness = try ConsoleHarness()
        let router = Router(context: APIContext.self)
        let api: @Sendable (Request, APIContext) async throws -> Response = { _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/xml"], body: .init(byteBuffer: ByteBuffer(string: "<api/>")))
        }
        router.post("/", use: api)
        router.get("/", use: api)
        router.post("**", use: api)
        router.get("**", use: api)
        ConsoleRoutes<APIContext>(simulator: harness.simulator).add(to: router.group("console"))
        try await Application(router: router).test(.router) { client in
            let browser = Browser(client)
            let page = try await browser.get("signin")
            #expect(page.status == 200)
            #expect(page.contains("Root user email address"))
            #expect(try await browser.get("/console").location == "/console/signin")
            #expect(try await browser.get("/console/").location == "/console/signin")
            #expect(try await browser.get("/").body == "<api/>")
            #expect(try await browser.post("/", [("Action", "GetCallerIdentity")], csrf: false).body == "<api/>")
            #expect(try await browser.get("/users").body == "<api/>")
            let signedIn = try await browser.signInAsRoot()
            #expect(signedIn.location == "/console/dashboard")
        }
    }
}
