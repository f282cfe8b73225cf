import Foundation
import Hummingbird
import HummingbirdTesting
import IAMSimConsole
import IAMSimServer
import IAMSimTestSupport
import Logging
import Testing

/// `iamsim serve` serves the web console beside the Query API, on the same port.
@Suite("The console mounted in the Query API's server")
struct ConsoleMountTests {
    static func application(console: ConsoleConfiguration?, client: QueryClient? = nil) throws
        -> some ApplicationProtocol
    {
        let client = try client ?? QueryClient()
        return QueryServer.application(
            client.service, configuration: ServerConfiguration(databasePath: ":memory:"),
            logger: Logger(label: "test"), console: console)
    }

    @Test("a browser opening / is led to the console; its pages answer under /console/")
    func browserIsLedToTheConsole() async throws {
        try await Self.application(console: ConsoleConfiguration()).test(.router) { client in
            let root = try await client.execute(uri: "/", method: .get)
            #expect(root.status == .seeOther)
            #expect(root.headers[.location] == "/console/")
            let signIn = try await client.execute(uri: "/console/signin", method: .get)
            #expect(signIn.status == .ok)
            #expect(String(buffer: signIn.body).contains("Root user email address"))
        }
    }

    @Test("API requests at / still reach the Query API: a GET with a query string, any POST")
    func apiRequestsStillReachTheAPI() async throws {
        try await Self.application(console: ConsoleConfiguration()).test(.router) { client in
            let get = try await client.execute(uri: "/?Action=GetCallerIdentity&Version=2011-06-15", method: .get)
            #expect(get.status == .forbidden)
            #expect(String(buffer: get.body).contains("<Code>MissingAuthenticationToken</Code>"))
            let post = try await client.execute(
                uri: "/", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "Action=GetCallerIdentity&Version=2011-06-15"))
            #expect(post.status == .forbidden)
            #expect(String(buffer: post.body).contains("<Code>MissingAuthenticationToken</Code>"))
        }
    }

    @Test("without the console, GET / is an API request like any other")
    func withoutTheConsole() async throws {
        try await Self.application(console: nil).test(.router) { client in
            let root = try await client.execute(uri: "/", method: .get)
            #expect(root.status != .seeOther)
            #expect(String(buffer: root.body).contains("<ErrorResponse"))
        }
    }

    @Test("the console's events record the browser: its address and User-Agent, not the command line's")
    func consoleEventsRecordTheBrowser() async throws {
        let client = try QueryClient()
        let browser = "Mozilla/5.0 (X11; Linux x86_64) iamsim-test"
        try await Self.application(console: ConsoleConfiguration(), client: client).test(.live) { http in
            let page = try await http.execute(uri: "/console/signin", method: .get)
            let cookie = try #require(
                page.headers[values: .setCookie].first { $0.hasPrefix("iamsim_csrf=") }?.split(separator: ";").first)
            let csrf = String(cookie.dropFirst("iamsim_csrf=".count))
            let form = [
                ("as", "root"), ("email", TestValues.email), ("password", TestValues.password), ("_csrf", csrf),
            ]
            .map { "\($0.0)=\(QueryClient.formEncode($0.1))" }.joined(separator: "&")
            let signIn = try await http.execute(
                uri: "/console/signin/password", method: .post,
                headers: [
                    .contentType: "application/x-www-form-urlencoded", .cookie: String(cookie), .userAgent: browser,
                ],
                body: ByteBuffer(string: form))
            #expect(signIn.status == .seeOther)
        }
        let login = try #require(
            try client.simulator.eventLog.events(account: TestValues.account).last { $0.eventName == "ConsoleLogin" })
        #expect(login.sourceIPAddress == "127.0.0.1")
        #expect(login.userAgent == browser)
    }
}
