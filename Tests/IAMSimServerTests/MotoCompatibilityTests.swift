import Foundation
import IAMSimApp
import IAMSimStore
import IAMSimTestSupport
import Testing

@testable import IAMSimConsole
@testable import IAMSimCore
@testable import IAMSimServer

/// `iamsim serve --compat moto`: moto's reset route, unknown keys acting as the default
/// account's root, any six-digit MFA code; and strict mode, the default, without any of them.
@Suite("Query API: moto's compatibility mode, and strict mode without it")
struct MotoCompatibilityTests {
    static let rootARN = "<Arn>arn:aws:iam::123456789012:root</Arn>"
    static let invalidKey = "The security token included in the request is invalid."

    /// A client in moto's mode: the service's and the simulator's halves of it.
    func moto() throws -> QueryClient {
        try QueryClient(codePolicy: .anySixDigits, compatibility: .moto)
    }

    /// `client` signing with moto's dummy credentials.
    func dummy(_ client: QueryClient) -> QueryClient {
        var dummy = client
        dummy.key = "testing"
        dummy.secret = "testing"
        return dummy
    }

    // MARK: - Unknown access keys

    @Test("an unknown key (moto's \"testing\") acts as the first account's root in moto's mode, unverified")
    func unknownKeyActsAsRoot() throws {
        let client = dummy(try moto())
        let identity = client.call("GetCallerIdentity", sts: true)
        #expect(identity.status == 200, "\(identity.body)")
        #expect(identity.body.contains(Self.rootARN))
        #expect(identity.identity == "arn:aws:iam::123456789012:root")
        // Root's authority: it creates users; the event log names the key it was signed with.
        #expect(client.call("CreateUser", [("UserName", "alice")]).status == 200)
        let created = try #require(try client.simulator.eventLog.events(account: nil, limit: 100).last)
        #expect(created.eventName == "CreateUser")
        #expect(created.actorARN == "arn:aws:iam::123456789012:root")
        // A well-formed key id the database does not hold, with any secret.
        var other = client
        other.key = "AKIAZZZZZZZZZZZZZZZZ"
        other.secret = "anything"
        #expect(other.call("ListUsers").body.contains("<UserName>alice</UserName>"))
    }

    @Test("in moto's mode a known key still decides its identity and its signature is still verified")
    func knownKeysStayVerified() throws {
        let client = try moto()
        let key = try client.createUserWithKey("bob")
        let bob = client.signing(with: key)
        #expect(
            bob.call("GetCallerIdentity", sts: true).body.contains("<Arn>arn:aws:iam::123456789012:user/bob</Arn>"))
        var forged = bob
        forged.secret = "testing"
        let refused = forged.call("GetCallerIdentity", sts: true)
        #expect(refused.status == 403)
        #expect(refused.errorCode == "SignatureDoesNotMatch")
        // Root's known key signs as root, verified.
        var wrongRoot = client
        wrongRoot.secret = "testing"
        #expect(wrongRoot.call("ListUsers").errorCode == "SignatureDoesNotMatch")
    }

    @Test("in moto's mode an unknown key still needs a SigV4 signature, on time, for the right service")
    func unknownKeysStillSign() throws {
        let client = dummy(try moto())
        let unsigned = client.service.handle(
            SigV4.Request(
                method: "POST", path: "/", query: "Action=ListUsers&Version=2010-05-08", headers: [("Host", "h")],
                body: []),
            origin: .init(sourceIPAddress: nil, userAgent: nil))
        #expect(unsigned.status == 403)
        #expect(unsigned.errorCode == "MissingAuthenticationToken")
        let late = client.service.handle(
            QueryClient.signed(
                [("Action", "ListUsers"), ("Version", "2010-05-08")], key: "testing", secret: "testing",
                date: TestValues.start.addingTimeInterval(3_600)),
            origin: .init(sourceIPAddress: nil, userAgent: nil))
        #expect(late.errorCode == "SignatureDoesNotMatch")
        let wrongService = client.service.handle(
            QueryClient.signed(
                [("Action", "ListUsers"), ("Version", "2010-05-08")], key: "testing", secret: "testing", service: "sts"),
            origin: .init(sourceIPAddress: nil, userAgent: nil))
        #expect(wrongService.errorCode == "SignatureDoesNotMatch")
    }

    @Test("in strict mode, the default, an unknown key is InvalidClientTokenId")
    func strictRefusesUnknownKeys() throws {
        let client = dummy(try QueryClient())
        expectError(
            client.call("GetCallerIdentity", sts: true), 403, "InvalidClientTokenId", Self.invalidKey, sts: true)
        expectError(client.call("ListUsers"), 403, "InvalidClientTokenId", Self.invalidKey)
    }

    // MARK: - MFA codes

    /// Enables a new virtual device for the new user `name` with `code1`, `code2`.
    func enable(_ client: QueryClient, _ name: String, _ code1: String, _ code2: String) throws
        -> QueryService.Answer
    {
        try client.store.createUser(caller: client.root, userName: name)
        try client.store.createVirtualMFADevice(caller: client.root, deviceName: name)
        return client.call(
            "EnableMFADevice",
            [
                ("UserName", name), ("SerialNumber", "arn:aws:iam::123456789012:mfa/\(name)"),
                ("AuthenticationCode1", code1), ("AuthenticationCode2", code2),
            ])
    }

    @Test("EnableMFADevice takes moto's fake codes in moto's mode and refuses them in strict mode")
    func fakeCodesOverTheAPI() throws {
        expectResult(try enable(try moto(), "alice", "123456", "654321"), "EnableMFADevice", nil)
        expectResult(try enable(try moto(), "alice", "123456", "123456"), "EnableMFADevice", nil)
        expectError(
            try enable(try QueryClient(), "alice", "123456", "654321"), 403, "InvalidAuthenticationCode",
            "Authentication code for device is not valid.")
    }

    @Test("codes that are not six digits are a ValidationError in both modes")
    func malformedCodesInBothModes() throws {
        for client in [try moto(), try QueryClient()] {
            let answer = try enable(client, "alice", "12345", "654321")
            expectError(
                answer, 400, "ValidationError",
                "1 validation error detected: Value '12345' at 'authenticationCode1' failed to satisfy constraint: Member must have length greater than or equal to 6"
            )
        }
    }

    // MARK: - The reset route

    /// `method` on `path`, over a real connection to `port`.
    static func send(_ method: String, _ path: String, port: Int) throws -> RawConnection.Response {
        let connection = try RawConnection(port: port)
        try connection.send("\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\n\r\n")
        return try #require(try connection.response())
    }

    @Test("POST /moto-api/reset puts the account back to its fixture and answers as moto does; GET is a 400")
    func resetRoute() async throws {
        let client = dummy(try moto())
        #expect(client.call("CreateUser", [("UserName", "alice")]).status == 200)
        try await LiveServer.run(client.service, compatibility: .moto) { port in
            try await blocking {
                let reset = try Self.send("POST", "/moto-api/reset", port: port)
                #expect(reset.status == 200)
                #expect(reset.headers["content-type"] == "application/json")
                #expect(reset.body == #"{"status": "ok"}"#)
                let get = try Self.send("GET", "/moto-api/reset", port: port)
                #expect(get.status == 400)
                #expect(get.body == #"{"Error": "Need to POST to reset Moto"}"#)
            }
        }
        #expect(try client.store.listUsers(caller: client.root).items.isEmpty)
        #expect(
            try client.simulator.eventLog.events(account: nil, limit: 1_000).contains { $0.eventName == "ResetAccount" }
        )
    }

    @Test("in strict mode /moto-api/reset is one more Query API endpoint: an XML MissingAction, nothing reset")
    func noResetRouteInStrictMode() async throws {
        let client = try QueryClient()
        try client.store.createUser(caller: client.root, userName: "alice")
        try await LiveServer.run(client.service) { port in
            try await blocking {
                let reset = try Self.send("POST", "/moto-api/reset", port: port)
                #expect(reset.status == 400)
                #expect(reset.headers["content-type"] == "text/xml")
                #expect(reset.body.contains("<Code>MissingAction</Code>"))
            }
        }
        #expect(try client.store.listUsers(caller: client.root).items.map(\.userName) == ["alice"])
    }

    // MARK: - Options and banner

    @Test("--compat moto is parsed; any other mode is a usage error; strict is the default")
    func parsing() throws {
        #expect(try ServerMain.parse(["--db", "x.db"]).compatibility == nil)
        #expect(try ServerMain.parse(["--db", "x.db", "--compat", "moto"]).compatibility == .moto)
        #expect(throws: ServerMain.UsageError.self) { try ServerMain.parse(["--db", "x.db", "--compat", "aws"]) }
        do {
            _ = try ServerMain.parse(["--db", "x.db", "--compat", "localstack"])
        } catch {
            #expect(error.message == "--compat must be one of: moto; not localstack")
        }
    }

    @Test("the banner says what moto's mode changes, and nothing of it in strict mode")
    func banner() throws {
        var configuration = ServerConfiguration(databasePath: "class.db")
        let console = ConsoleConfiguration(instructorToken: "token")
        let strict = ServerMain.banner(configuration, port: 4566, console: console)
        #expect(!strict.contains("moto"))
        #expect(strict.contains("Sign requests with an access key of the database"))
        configuration.compatibility = .moto
        let moto = ServerMain.banner(
            configuration, port: 4566, console: console, rootAccount: AccountID(known: "123456789012"))
        #expect(
            moto.split(separator: "\n").dropFirst(3).prefix(4).joined(separator: "\n") == """
                  Compatibility mode moto (--compat moto), not AWS's rules: for test suites written for moto's server mode, not for a class.
                    POST http://127.0.0.1:4566/moto-api/reset resets every account to its fixture.
                    A request signed with an access key the database does not hold (such as "testing") acts as the root user of account 123456789012, unverified.
                    Any six-digit MFA code is accepted (EnableMFADevice, ResyncMFADevice, GetSessionToken, console sign-in).
                """)
        #expect(moto.hasSuffix("Ctrl-C stops the server once requests in flight are answered."))
    }
}
