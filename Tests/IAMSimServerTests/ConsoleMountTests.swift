import Foundation
import Hummingbird
import HummingbirdTesting
import IAMSimConsole
import IAMSimServer
import Logging
import Testing

/// `iamsim serve` serves the web console beside the Query API, on the same port.
@Suite("The console mounted in the Query API's server")
struct ConsoleMountTests {
    static func application(console: ConsoleConfiguration?) throws -> some ApplicationProtocol {
        let client = try QueryClient()
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
}
