import Foundation
import IAMSimApp
import IAMSimServer
import IAMSimStore
import IAMSimTestSupport
import Testing

@testable import IAMSimCore

/// The Query API without HTTP, as botocore calls it: each request a form POST signed with SigV4
/// (`content-type;host;x-amz-date`, the body's hash), answered by `QueryService` over a fresh
/// in-memory simulator holding the lesson fixture, its clocks stopped at `TestValues.start`.
struct QueryClient {
    static let rootKey = TestValues.rootKey
    static let rootSecret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
    static let account = TestValues.account.rawValue

    let simulator: Simulator
    let service: QueryService
    /// The key requests are signed with (root's, unless `as(_:)` changed it).
    var key = rootKey
    var secret = rootSecret
    /// The region requests are signed for (botocore signs the client's region).
    var region = "us-east-1"

    /// - Parameters:
    ///   - codePolicy: the simulator's MFA code policy (`iamsim serve --compat moto` sets
    ///     `.anySixDigits`).
    ///   - compatibility: the service's compatibility mode.
    init(
        seed: UInt64 = 7, codePolicy: MFACodePolicy = .strict, compatibility: ServerConfiguration.Compatibility? = nil
    ) throws {
        simulator = try Simulator.inMemory(seed: seed, codePolicy: codePolicy)
        try simulator.accounts.loadFixture(try Fixture.builtInDefault())
        try simulator.clock.set(TestValues.start, .all)
        service = try QueryService(simulator: simulator, compatibility: compatibility)
    }

    var store: IAMStore { simulator.store }
    /// Root, as the store's caller (to set up state without HTTP).
    var root: Caller { .principal(.root(TestValues.account)) }

    /// The same client signing with `credentials` (an IAM user's key).
    func signing(with credentials: NewAccessKey) -> QueryClient {
        var client = self
        client.key = credentials.metadata.accessKeyID.rawValue
        client.secret = credentials.secretAccessKey
        return client
    }

    /// Creates the IAM user `name` with an access key, as root; returns the key.
    @discardableResult
    func createUserWithKey(_ name: String) throws -> NewAccessKey {
        try store.createUser(caller: root, userName: name)
        return try store.createAccessKey(caller: root, userName: name)
    }

    /// Calls IAM's (or for `sts: true`, STS's) `action` with `parameters`.
    func call(_ action: String, _ parameters: [(String, String)] = [], sts: Bool = false) -> QueryService.Answer {
        let version = sts ? "2011-06-15" : "2010-05-08"
        let request = Self.signed(
            [("Action", action), ("Version", version)] + parameters, key: key, secret: secret,
            service: sts ? "sts" : "iam", region: region)
        return service.handle(request, origin: .init(sourceIPAddress: "127.0.0.1", userAgent: "tests"))
    }

    /// A form POST of `parameters` (encoded as botocore encodes them), signed with `secret`
    /// at `date` for `service` in `region`.
    static func signed(
        _ parameters: [(String, String)], key: String = rootKey, secret: String = rootSecret,
        service: String = "iam", region: String = "us-east-1", date: Date = TestValues.start,
        signedHeaders: [String] = ["content-type", "host", "x-amz-date"]
    ) -> SigV4.Request {
        let body = parameters.map { "\(formEncode($0.0))=\(formEncode($0.1))" }.joined(separator: "&")
        let amzDate = SigV4.amzDate(date)
        var request = SigV4.Request(
            method: "POST", path: "/", query: "",
            headers: [
                ("Content-Type", "application/x-www-form-urlencoded; charset=utf-8"), ("Host", "127.0.0.1:4566"),
                ("X-Amz-Date", amzDate),
            ], body: Array(body.utf8))
        let credentials = SigV4.Credentials(
            accessKeyID: key, scopeDate: String(amzDate.prefix(8)), region: region, service: service,
            amzDate: amzDate, signedHeaders: signedHeaders, signature: "",
            securityToken: nil, presigned: false)
        let signature = SigV4.signature(request, credentials, secret: secret)
        request.headers.append(
            (
                "Authorization",
                "AWS4-HMAC-SHA256 Credential=\(key)/\(credentials.scope), SignedHeaders=\(signedHeaders.joined(separator: ";")), Signature=\(signature)"
            ))
        return request
    }

    /// Python's `urlencode`, as botocore sends a form: unreserved characters as they are, a
    /// space as `+`, every other byte `%XX`.
    static func formEncode(_ text: String) -> String {
        var output = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."),
                UInt8(ascii: "~"):
                output.unicodeScalars.append(Unicode.Scalar(byte))
            case UInt8(ascii: " "): output += "+"
            default: output += String(format: "%%%02X", byte)
            }
        }
        return output
    }
}

// MARK: - Expectations

/// The success envelope of `action` around `result` (the result's elements, unindented; nil for
/// an operation without output), with the answer's request id.
func envelope(_ action: String, _ result: String?, requestID: String, sts: Bool = false) -> String {
    let namespace = sts ? QueryXML.stsNamespace : QueryXML.iamNamespace
    var xml = "<\(action)Response xmlns=\"\(namespace)\">\n"
    if let result {
        if result.isEmpty {
            xml += "  <\(action)Result/>\n"
        } else {
            xml += "  <\(action)Result>\n"
            xml += result.split(separator: "\n").map { "    " + $0 + "\n" }.joined()
            xml += "  </\(action)Result>\n"
        }
    }
    xml += "  <ResponseMetadata>\n    <RequestId>\(requestID)</RequestId>\n  </ResponseMetadata>\n"
    xml += "</\(action)Response>\n"
    return xml
}

/// Expects `answer` to be 200 with exactly `result` inside `action`'s envelope.
func expectResult(
    _ answer: QueryService.Answer, _ action: String, _ result: String?, sts: Bool = false,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    #expect(answer.status == 200, "\(answer.body)", sourceLocation: sourceLocation)
    #expect(
        answer.body == envelope(action, result, requestID: answer.requestID, sts: sts), sourceLocation: sourceLocation)
}

/// Expects `answer` to be the error `code` with `message`, sent with `status`, in IAM's namespace.
func expectError(
    _ answer: QueryService.Answer, _ status: Int, _ code: String, _ message: String, sts: Bool = false,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    let namespace = sts ? QueryXML.stsNamespace : QueryXML.iamNamespace
    #expect(answer.status == status, "\(answer.body)", sourceLocation: sourceLocation)
    #expect(
        answer.body == """
            <ErrorResponse xmlns="\(namespace)">
              <Error>
                <Type>Sender</Type>
                <Code>\(code)</Code>
                <Message>\(QueryXML.escaped(message))</Message>
              </Error>
              <RequestId>\(answer.requestID)</RequestId>
            </ErrorResponse>

            """, sourceLocation: sourceLocation)
}

extension QueryService.Answer {
    /// The text of the first element `name` of the body.
    func value(_ name: String) -> String? {
        guard let start = body.range(of: "<\(name)>"),
            let end = body.range(of: "</\(name)>", range: start.upperBound..<body.endIndex)
        else { return nil }
        return String(body[start.upperBound..<end.lowerBound])
    }

    /// The texts of every element `name` of the body, in order.
    func values(_ name: String) -> [String] {
        var found: [String] = []
        var rest = body[...]
        while let start = rest.range(of: "<\(name)>"),
            let end = rest.range(of: "</\(name)>", range: start.upperBound..<rest.endIndex)
        {
            found.append(String(rest[start.upperBound..<end.lowerBound]))
            rest = rest[end.upperBound...]
        }
        return found
    }
}
