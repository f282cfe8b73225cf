import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import IAMSimCore
import IAMSimTestSupport
import Logging
import Testing

@testable import IAMSimServer

/// The Hummingbird application over HTTP: what it sends besides the body (status, content type,
/// request id header), for a signed POST, a GET, and a refusal.
@Suite("Query API over HTTP (Hummingbird)")
struct QueryServerTests {
    func application() throws -> some ApplicationProtocol {
        let client = try QueryClient()
        var configuration = ServerConfiguration(databasePath: ":memory:")
        configuration.port = 0
        return QueryServer.application(
            client.service, configuration: configuration, logger: Logger(label: "tests"))
    }

    /// `request`'s headers as HTTP fields (its Host goes as the authority).
    static func fields(_ request: SigV4.Request) -> HTTPFields {
        var fields = HTTPFields()
        for (name, value) in request.headers where name.lowercased() != "host" {
            fields.append(HTTPField(name: HTTPField.Name(name)!, value: value))
        }
        return fields
    }

    @Test("a signed POST answers 200 text/xml with the request id in x-amzn-RequestId and the body")
    func signedPost() async throws {
        let request = QueryClient.signed(
            [("Action", "GetCallerIdentity"), ("Version", "2011-06-15")], service: "sts",
            signedHeaders: ["content-type", "x-amz-date"])
        try await application().test(.live) { client in
            try await client.execute(
                uri: "/", method: .post, headers: Self.fields(request), body: ByteBuffer(bytes: request.body)
            ) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/xml")
                let id = try #require(response.headers[HTTPField.Name("x-amzn-RequestId")!])
                let body = String(buffer: response.body)
                #expect(body.contains("<RequestId>\(id)</RequestId>"))
                #expect(body.contains("<Arn>arn:aws:iam::123456789012:root</Arn>"))
            }
        }
    }

    @Test("an unsigned GET on any path answers AWS's XML error with its status, never an HTML page")
    func unsignedGet() async throws {
        try await application().test(.live) { client in
            try await client.execute(uri: "/some/path?Action=ListUsers&Version=2010-05-08", method: .get) { response in
                #expect(response.status == .forbidden)
                #expect(response.headers[.contentType] == "text/xml")
                let body = String(buffer: response.body)
                #expect(body.hasPrefix("<ErrorResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\">"))
                #expect(body.contains("<Code>MissingAuthenticationToken</Code>"))
            }
        }
    }

    @Test("a body over the limit answers 413 RequestEntityTooLarge in XML")
    func tooLarge() async throws {
        let body = ByteBuffer(repeating: UInt8(ascii: "a"), count: (1 << 20) + 1)
        try await application().test(.live) { client in
            try await client.execute(
                uri: "/", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"], body: body
            ) { response in
                #expect(response.status == .contentTooLarge)
                #expect(String(buffer: response.body).contains("<Code>RequestEntityTooLarge</Code>"))
            }
        }
    }
}
