import Foundation
import IAMSimTestSupport
import Testing

@Suite("Console: smoke")
struct SmokeTests {
    @Test("the sign-in page renders and root signs in")
    func signIn() async throws {
        let harness = try ConsoleHarness()
        try await harness.run { browser in
            let root = try await browser.get("/")
            #expect(root.status == 303)
            let page = try await browser.get("signin")
            #expect(page.status == 200)
            print(page.body)
            let signedIn = try await browser.signInAsRoot()
            #expect(signedIn.status == 303)
            let dashboard = try await browser.follow(signedIn)
            print(dashboard.body)
            #expect(dashboard.status == 200)
        }
    }
}
