import Foundation
import IAMSimCore
import IAMSimTestSupport
import Testing

@testable import IAMSimConsole

/// The console's security as a real console needs it: the policy on every answer, the cookie
/// rules, the CSRF token on every form, and secrets never in URLs.
@Suite("Console: security headers, cookies, CSRF")
struct SecurityTests {
    static let policy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

    @Test("every answer carries the Content-Security-Policy, which forbids inline and remote script")
    func contentSecurityPolicy() async throws {
        try await ConsoleHarness().run { browser in
            var pages = [
                try await browser.get("signin"), try await browser.get("assets/console.css"),
                try await browser.get("no-such-page"),
            ]
            pages.append(try await browser.signInAsRoot())
            pages.append(try await browser.get("dashboard"))
            for page in pages {
                #expect(page.headers[.init("Content-Security-Policy")!] == Self.policy)
                #expect(page.headers[.init("X-Frame-Options")!] == "DENY")
                #expect(page.headers[.init("X-Content-Type-Options")!] == "nosniff")
                #expect(page.headers[.cacheControl] == "no-store")
            }
            #expect(!Self.policy.contains("unsafe"))
        }
    }

    @Test("pages hold no inline script, no inline style and nothing from another origin")
    func noInlineScript() async throws {
        try await ConsoleHarness().run { browser in
            try await browser.signInAsRoot()
            for path in ["dashboard", "security-credentials", "mfa/assign", "users", "groups", "phone"] {
                let page = try await browser.get(path)
                #expect(page.status == 200, "\(path)")
                #expect(!page.body.contains("<script>"), "\(path)")
                #expect(!page.body.contains("style="), "\(path)")
                #expect(!page.body.contains("onclick"), "\(path)")
                #expect(!page.body.contains("http://") && !page.body.contains("https://"), "\(path)")
            }
        }
    }

    @Test("every cookie is HttpOnly, SameSite=Strict and scoped to /console")
    func cookieRules() async throws {
        try await ConsoleHarness().run { browser in
            let signedIn = try await browser.signInAsRoot()
            #expect(signedIn.status == 303)
            #expect(browser.cookies["iamsim_session"] != nil)
            #expect(browser.setCookieHeaders.contains { $0.hasPrefix("iamsim_session=") })
            for header in browser.setCookieHeaders {
                #expect(header.contains("; HttpOnly"), "\(header)")
                #expect(header.contains("; SameSite=Strict"), "\(header)")
                #expect(header.contains("; Path=/console;"), "\(header)")
            }
        }
    }

    @Test("a form without the browser's CSRF token is refused and changes nothing")
    func missingToken() async throws {
        let harness = try ConsoleHarness()
        try await harness.run { browser in
            try await browser.signInAsRoot()
            let refused = try await browser.post(
                "access-keys/status", [("key", TestValues.rootKey), ("status", "Inactive")], csrf: false)
            #expect(refused.status == 403)
            #expect(refused.contains("security token is missing or out of date"))
            let forged = try await browser.post(
                "access-keys/status",
                [("key", TestValues.rootKey), ("status", "Inactive"), ("_csrf", String(repeating: "A", count: 43))],
                csrf: false)
            #expect(forged.status == 403)
            #expect(try harness.rootKeys().map(\.status) == [.active])
        }
    }

    @Test("a form sent from another origin is refused")
    func foreignOrigin() async throws {
        let harness = try ConsoleHarness()
        try await harness.run { browser in
            try await browser.signInAsRoot()
            let refused = try await browser.post(
                "access-keys/status", [("key", TestValues.rootKey), ("status", "Inactive")],
                headers: [.origin: "http://attacker.example"])
            #expect(refused.status == 403)
            #expect(refused.contains("sent from another site"))
            #expect(try harness.rootKeys().map(\.status) == [.active])
        }
    }

    @Test("a browser without the token cookie cannot post its first form")
    func firstPostNeedsCookie() async throws {
        try await ConsoleHarness().run { browser in
            let refused = try await browser.post("signin", [("email", TestValues.email)])
            #expect(refused.status == 403)
        }
    }

    @Test("pages that act need a session: without one they lead to the sign-in page")
    func signInRequired() async throws {
        try await ConsoleHarness().run { browser in
            for path in ["dashboard", "security-credentials", "users", "mfa/assign"] {
                let page = try await browser.get(path)
                #expect(page.status == 303, "\(path)")
                #expect(page.location == "/console/signin")
            }
            let signIn = try await browser.get("signin")
            #expect(signIn.contains("Sign in to use the console."))
            let forged = try await browser.get("dashboard")
            #expect(forged.status == 303)
        }
    }

    @Test("a session cookie the store does not know opens nothing")
    func unknownSession() async throws {
        try await ConsoleHarness().run { browser in
            browser.cookies["iamsim_session"] = String(repeating: "x", count: 40)
            let page = try await browser.get("dashboard")
            #expect(page.status == 303)
            #expect(browser.cookies["iamsim_session"] == nil)
        }
    }

    @Test("passwords and MFA codes never appear in a URL")
    func noSecretsInURLs() async throws {
        let harness = try ConsoleHarness()
        let seed = try harness.activateRootDevice()
        let code = try harness.code(seed)
        try await harness.run { browser in
            let password = try await browser.signInAsRoot()
            let mfa = try await browser.follow(password)
            #expect(mfa.contains("MFA code"))
            let signedIn = try await browser.post("signin/mfa", [("code", code)])
            #expect(signedIn.status == 303)
            for url in browser.requestedURLs + [password.location, signedIn.location].compactMap({ $0 }) {
                #expect(!url.contains(TestValues.password) && !url.contains(code), "\(url)")
            }
        }
    }

    @Test("every form of every template is a POST with the CSRF field, or a GET without secrets")
    func formsCarryTheToken() throws {
        for (name, template) in Templates.all {
            let forms = template.components(separatedBy: "<form").dropFirst()
            for form in forms {
                let head = form.prefix { $0 != ">" }
                #expect(head.contains("method=\"post\""), "\(name): \(head)")
                #expect(form.contains("{{>csrf}}"), "\(name): a form without the token")
            }
        }
    }

    @Test("text from the request is escaped")
    func escaping() async throws {
        try await ConsoleHarness().run { browser in
            try await browser.get("signin")
            let page = try await browser.post("signin", [("email", "<script>alert(1)</script>@example.com")])
            #expect(!page.body.contains("<script>alert"))
            #expect(page.body.contains("&lt;script&gt;alert(1)&lt;/script&gt;@example.com"))
        }
    }
}
