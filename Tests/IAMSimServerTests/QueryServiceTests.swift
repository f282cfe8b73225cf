import Foundation
import IAMSimTestSupport
import Testing

@testable import IAMSimApp
@testable import IAMSimCore
@testable import IAMSimDatabase
@testable import IAMSimServer

/// The Query API without HTTP: requests signed here with SigV4, answered by `QueryService`.
@Suite("Query API: protocol, signatures and errors")
struct QueryServiceTests {
    static let start = Date(timeIntervalSince1970: 1_767_605_405)  // 2026-01-05T09:30:05Z
    static let key = "AKIAIOSFODNN7EXAMPLE"
    static let secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"

    let service: QueryService

    init() throws {
        let simulator = Simulator(
            database: try AppDatabase.inMemory(), wallClock: .fixed(Self.start), random: .seeded(7),
            hasher: PasswordHasher(iterations: 1_000))
        try simulator.classroom.load(try Fixture.builtInDefault())
        service = try QueryService(simulator: simulator)
    }

    /// A form POST of `parameters`, signed with `secret` at `date` for `service` in us-east-1.
    static func request(
        _ parameters: [(String, String)], key: String = key, secret: String = secret, service: String = "iam",
        date: Date = start
    ) -> SigV4.Request {
        let body = parameters.map { "\(SigV4.uriEncode($0.0))=\(SigV4.uriEncode($0.1))" }.joined(separator: "&")
        let amzDate = SigV4.amzDate(date)
        var request = SigV4.Request(
            method: "POST", path: "/", query: "",
            headers: [
                ("Content-Type", "application/x-www-form-urlencoded; charset=utf-8"), ("Host", "127.0.0.1:4566"),
                ("X-Amz-Date", amzDate),
            ], body: Array(body.utf8))
        let credentials = SigV4.Credentials(
            accessKeyID: key, scopeDate: String(amzDate.prefix(8)), region: "us-east-1", service: service,
            amzDate: amzDate, signedHeaders: ["content-type", "host", "x-amz-date"], signature: "", securityToken: nil,
            presigned: false)
        let signature = SigV4.signature(request, credentials, secret: secret)
        request.headers.append(
            (
                "Authorization",
                "AWS4-HMAC-SHA256 Credential=\(key)/\(credentials.scope), SignedHeaders=content-type;host;x-amz-date, Signature=\(signature)"
            ))
        return request
    }

    func answer(_ request: SigV4.Request) -> QueryService.Answer {
        service.handle(request, origin: .init(sourceIPAddress: "127.0.0.1", userAgent: "tests"))
    }

    @Test("GetCallerIdentity signed by root's key answers root, in STS's namespace")
    func callerIdentity() {
        let answer = answer(Self.request([("Action", "GetCallerIdentity"), ("Version", "2011-06-15")], service: "sts"))
        #expect(answer.status == 200)
        #expect(
            answer.body == """
                <GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
                  <GetCallerIdentityResult>
                    <UserId>123456789012</UserId>
                    <Account>123456789012</Account>
                    <Arn>arn:aws:iam::123456789012:root</Arn>
                  </GetCallerIdentityResult>
                  <ResponseMetadata>
                    <RequestId>\(answer.requestID)</RequestId>
                  </ResponseMetadata>
                </GetCallerIdentityResponse>

                """)
        #expect(answer.identity == "arn:aws:iam::123456789012:root")
    }

    struct Refusal: CustomTestStringConvertible, Sendable {
        var name: String
        var request: SigV4.Request
        var status: Int
        var code: String
        var message: String
        var namespace = QueryXML.stsNamespace
        var testDescription: String { name }
    }

    static let identity = [("Action", "GetCallerIdentity"), ("Version", "2011-06-15")]

    static let refusals: [Refusal] = {
        var unsigned = request(identity, service: "sts")
        unsigned.headers.removeAll { $0.name == "Authorization" }
        return [
            Refusal(
                name: "no signature", request: unsigned, status: 403, code: "MissingAuthenticationToken",
                message: "Request is missing Authentication Token"),
            Refusal(
                name: "an unknown key", request: request(identity, key: "AKIAUNKNOWNKEY000000", service: "sts"),
                status: 403, code: "InvalidClientTokenId",
                message: "The security token included in the request is invalid."),
            Refusal(
                name: "the wrong secret", request: request(identity, secret: "wrong", service: "sts"),
                status: 403, code: "SignatureDoesNotMatch", message: IAMError.wrongSecret.message),
            Refusal(
                name: "signed 16 minutes ago",
                request: request(identity, service: "sts", date: start.addingTimeInterval(-16 * 60)),
                status: 403, code: "SignatureDoesNotMatch",
                message:
                    "Signature expired: 20260105T091405Z is now earlier than 20260105T091505Z (20260105T093005Z - 15 min.)"
            ),
            Refusal(
                name: "an unknown action", request: request([("Action", "FlyToTheMoon"), ("Version", "2010-05-08")]),
                status: 400, code: "InvalidAction",
                message: "Could not find operation FlyToTheMoon for version 2010-05-08",
                namespace: QueryXML.iamNamespace),
            Refusal(
                name: "no action", request: request([("Version", "2010-05-08")]), status: 400, code: "MissingAction",
                message: "Missing Action", namespace: QueryXML.iamNamespace),
            Refusal(
                name: "parameters off the model",
                request: request([
                    ("Action", "ListUsers"), ("Version", "2010-05-08"), ("MaxItems", "0"), ("PathPrefix", "x"),
                ]),
                status: 400, code: "ValidationError",
                message:
                    "2 validation errors detected: Value 'x' at 'pathPrefix' failed to satisfy constraint: Member must satisfy regular expression pattern: \\u002F[\\u0021-\\u007F]*; Value '0' at 'maxItems' failed to satisfy constraint: Member must have value greater than or equal to 1",
                namespace: QueryXML.iamNamespace),
            Refusal(
                name: "a required parameter missing",
                request: request([("Action", "DeleteUser"), ("Version", "2010-05-08")]),
                status: 400, code: "ValidationError",
                message:
                    "1 validation error detected: Value null at 'userName' failed to satisfy constraint: Member must not be null",
                namespace: QueryXML.iamNamespace),
            Refusal(
                name: "an operation iamsim does not simulate",
                request: request([("Action", "CreateRole"), ("Version", "2010-05-08")]),
                status: 400, code: "NotImplemented",
                message:
                    "iamsim does not simulate roles, so CreateRole is not available. See docs/api.md for the actions iamsim answers.",
                namespace: QueryXML.iamNamespace),
        ]
    }()

    @Test("every refusal is AWS's code, status and message in an ErrorResponse", arguments: refusals)
    func refusal(_ refusal: Refusal) {
        let answer = answer(refusal.request)
        #expect(answer.status == refusal.status)
        #expect(answer.errorCode == refusal.code)
        #expect(answer.body.contains("<Code>\(refusal.code)</Code>"))
        #expect(answer.body.contains("<Message>\(QueryXML.escaped(refusal.message))</Message>"))
        #expect(answer.body.hasPrefix("<ErrorResponse xmlns=\"\(refusal.namespace)\">"))
    }

    @Test("a binary body, a body of another type, a truncated escape: 4xx XML, never a crash")
    func garbage() {
        var binary = Self.request(Self.identity, service: "sts")
        binary.body = [0xFF, 0xFE, 0x00, 0x41]
        #expect(answer(binary).status == 400)
        var json = Self.request(Self.identity, service: "sts")
        json.headers[0].value = "application/json"
        #expect(answer(json).status == 400)
        var truncated = Self.request(Self.identity, service: "sts")
        truncated.body = Array("Action=GetCallerIdentity&Version=2011-06-15&Marker=%E".utf8)
        // The signature no longer matches the body: 403, an XML error.
        let answered = answer(truncated)
        #expect(answered.status == 403)
        #expect(answered.body.contains("<ErrorResponse"))
    }

    @Test("the generated model decodes and knows IAM's and STS's operations and errors")
    func model() throws {
        let model = try QueryModel.decoded()
        #expect(model.iam.operations.count > 150)
        #expect(
            model.iam.operations["EnableMFADevice"]?.input.compactMap(\.name) == [
                "UserName", "SerialNumber", "AuthenticationCode1", "AuthenticationCode2",
            ])
        #expect(model.iam.errors["InvalidAuthenticationCode"]?.status == 403)
        #expect(model.iam.errors["ReportNotPresent"]?.status == 410)
        #expect(model.sts.operations["GetSessionToken"] != nil)
    }
}

@Suite("Query API: accounts served, and the request log")
struct QueryServiceAccountTests {
    @Test(
        "with an account to serve, another account's key is unknown (InvalidClientTokenId); without, each key its own")
    func oneAccount() throws {
        let simulator = try Simulator.inMemory(seed: 3)
        try simulator.accounts.loadFixture(try Fixture.builtInDefault())
        let other = try Fixture.builtInDefault().personalized(
            for: Trainee(
                accountID: AccountID(known: "210987654321"), email: "other@example.com", password: "Pw-1234-abcd-EFGH"),
            secrets: SecretGenerator(random: .seeded(4)))
        let otherAccount = try simulator.accounts.loadFixture(other)
        let otherKey = try simulator.store.createAccessKey(caller: .principal(.root(otherAccount)))
        let identity = [("Action", "GetCallerIdentity"), ("Version", "2011-06-15")]
        let request = QueryClient.signed(
            identity, key: otherKey.metadata.accessKeyID.rawValue, secret: otherKey.secretAccessKey, service: "sts")
        let origin = QueryService.Origin(sourceIPAddress: nil, userAgent: nil)
        let every = try QueryService(simulator: simulator)
        #expect(every.handle(request, origin: origin).identity == "arn:aws:iam::210987654321:root")
        let lesson = try QueryService(simulator: simulator, account: TestValues.account)
        let refused = lesson.handle(request, origin: origin)
        #expect(refused.status == 403)
        #expect(refused.errorCode == "InvalidClientTokenId")
        #expect(lesson.handle(QueryClient.signed(identity, service: "sts"), origin: origin).status == 200)
    }

    @Test("the request log shows a client's unknown action as printable text, never a forged line")
    func loggableAction() {
        #expect(QueryService.loggable("ListUsers") == "ListUsers")
        #expect(QueryService.loggable("Evil\n2026 info forged") == "Evil?2026?info?forged")
        #expect(QueryService.loggable(String(repeating: "A", count: 100)).count == 64)
    }
}

@Suite("iamsim-server's options")
struct ServerOptionsTests {
    @Test("--db is required; --host, --port and --account are read; anything else is a usage error")
    func options() throws {
        let parsed = try ServerMain.parse([
            "--db", "f.sqlite", "--host", "0.0.0.0", "--port", "0", "--account", "class-1",
        ])
        #expect(parsed.databasePath == "f.sqlite")
        #expect(parsed.host == "0.0.0.0")
        #expect(!parsed.isLoopback)
        #expect(parsed.port == 0)
        #expect(parsed.account == "class-1")
        #expect(try ServerMain.parse(["--db", "f.sqlite"]) == ServerConfiguration(databasePath: "f.sqlite"))
        for arguments in [
            ["--host", "h"], ["--db", "f", "--port", "70000"], ["--db", "f", "--verbose", "x"], ["--db"],
        ] {
            #expect(throws: ServerMain.UsageError.self) { try ServerMain.parse(arguments) }
        }
    }
}
