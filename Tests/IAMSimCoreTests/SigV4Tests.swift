import Foundation
import Testing

@testable import IAMSimCore

/// SigV4 against AWS's published Signature Version 4 test suite (the requests of its cases
/// `get-vanilla`, `post-vanilla`, `post-x-www-form-urlencoded`… with their documented
/// signatures), and the failures a verifier reports in AWS's words.
@Suite("SigV4")
struct SigV4Tests {
    static let secret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"
    static let date = "20150830T123600Z"
    static let scope = "AKIDEXAMPLE/20150830/us-east-1/service/aws4_request"
    static let token =
        "AQoDYXdzEPT//////////wEXAMPLEtc764bNrC9SAPBSM22wDOk4x4HIZ8j4FZTwdQWLWsKWHGBuFqwAeMicRXmxfpSPfIeoIYRqTflfKD8YUuwthAx7mSEI/qkPpKPi/kMcGdQrmGdeehM4IC1NtBmUpp2wUE8phUZampKsburEDy0KPkyQDYwT7WZ0wq5VSXDvp75YU9HFvlRd8Tx6q6fE8YQcHNVXAkiY9q6d+xo0rKwT38xVqr7ZD0u0iPPkUL64lIZbqBAz+scqKmlzm8FDrypNC9Yjc8fPOLn9FX9KSYvKTr4rvx3iSIlTJabIQwj2ICCR/oLxBA=="

    struct Vector: CustomTestStringConvertible, Sendable {
        var name: String
        var method: String
        var target: String
        var headers: [(name: String, value: String)]
        var body: String
        var signedHeaders: String
        var signature: String
        var testDescription: String { name }
    }

    static let vectors: [Vector] = [
        Vector(
            name: "get-vanilla", method: "GET", target: "/",
            headers: [("Host", "example.amazonaws.com"), ("X-Amz-Date", date)], body: "",
            signedHeaders: "host;x-amz-date",
            signature: "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"),
        Vector(
            name: "get-vanilla-query-order-key-case", method: "GET", target: "/?Param2=value2&Param1=value1",
            headers: [("Host", "example.amazonaws.com"), ("X-Amz-Date", date)], body: "",
            signedHeaders: "host;x-amz-date",
            signature: "b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500"),
        Vector(
            name: "post-vanilla", method: "POST", target: "/",
            headers: [("Host", "example.amazonaws.com"), ("X-Amz-Date", date)], body: "",
            signedHeaders: "host;x-amz-date",
            signature: "5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b"),
        Vector(
            name: "post-x-www-form-urlencoded", method: "POST", target: "/",
            headers: [
                ("Content-Type", "application/x-www-form-urlencoded"), ("Host", "example.amazonaws.com"),
                ("X-Amz-Date", date),
            ], body: "Param1=value1", signedHeaders: "content-type;host;x-amz-date",
            signature: "ff11897932ad3f4e8b18135d722051e5ac45fc38421b1da7b9d196a0fe09473a"),
        Vector(
            name: "post-x-www-form-urlencoded-parameters", method: "POST", target: "/",
            headers: [
                ("Content-Type", "application/x-www-form-urlencoded; charset=utf8"), ("Host", "example.amazonaws.com"),
                ("X-Amz-Date", date),
            ], body: "Param1=value1", signedHeaders: "content-type;host;x-amz-date",
            signature: "1a72ec8f64bd914b0e42e42607c7fbce7fb2c7465f63e3092b3b0d39fa77a6fe"),
        Vector(
            name: "post-sts-header-before", method: "POST", target: "/",
            headers: [("Host", "example.amazonaws.com"), ("X-Amz-Date", date), ("X-Amz-Security-Token", token)],
            body: "",
            signedHeaders: "host;x-amz-date;x-amz-security-token",
            signature: "85d96828115b5dc0cfc3bd16ad9e210dd772bbebba041836c64533a82be05ead"),
    ]

    static func request(_ vector: Vector, signature: String? = nil) -> SigV4.Request {
        let parts = vector.target.split(separator: "?", maxSplits: 1).map(String.init)
        let authorization =
            "AWS4-HMAC-SHA256 Credential=\(scope), SignedHeaders=\(vector.signedHeaders), Signature=\(signature ?? vector.signature)"
        return SigV4.Request(
            method: vector.method, path: parts[0], query: parts.count > 1 ? parts[1] : "",
            headers: vector.headers + [("Authorization", authorization)], body: Array(vector.body.utf8))
    }

    @Test("each vector of AWS's test suite gets its documented signature, and verifies", arguments: vectors)
    func suite(_ vector: Vector) throws {
        let request = Self.request(vector)
        let credentials = try SigV4.credentials(of: request)
        #expect(credentials.accessKeyID == "AKIDEXAMPLE")
        #expect(credentials.scope == "20150830/us-east-1/service/aws4_request")
        #expect(SigV4.signature(request, credentials, secret: Self.secret) == vector.signature)
        try SigV4.verify(request, credentials, secret: Self.secret)
    }

    @Test("the canonical request of post-x-www-form-urlencoded, as the suite spells it")
    func canonicalRequest() throws {
        let request = Self.request(Self.vectors[3])
        #expect(
            SigV4.canonicalRequest(request, try SigV4.credentials(of: request)) == """
                POST
                /

                content-type:application/x-www-form-urlencoded
                host:example.amazonaws.com
                x-amz-date:20150830T123600Z

                content-type;host;x-amz-date
                9095672bbd1f56dfc5b65f3e153adc8731a4a654192329106275f4c7b24d0b6e
                """)
    }

    @Test("another secret, a changed body, a changed header: SignatureDoesNotMatch in AWS's words")
    func mismatch() throws {
        let vector = Self.vectors[3]
        let request = Self.request(vector)
        let credentials = try SigV4.credentials(of: request)
        #expect(throws: IAMError.wrongSecret) {
            try SigV4.verify(request, credentials, secret: "wrong")
        }
        var tampered = request
        tampered.body = Array("Param1=value2".utf8)
        #expect(throws: IAMError.wrongSecret) {
            try SigV4.verify(tampered, credentials, secret: Self.secret)
        }
        var otherHost = request
        otherHost.headers[1].value = "elsewhere.amazonaws.com"
        #expect(throws: IAMError.wrongSecret) {
            try SigV4.verify(otherHost, credentials, secret: Self.secret)
        }
    }

    @Test("a signing key the cache keeps verifies as a fresh one; another secret never gets it; a full cache empties")
    func signingKeyCache() throws {
        let cache = SigningKeyCache(capacity: 2)
        let request = Self.request(Self.vectors[3])
        let credentials = try SigV4.credentials(of: request)
        try SigV4.verify(request, credentials, secret: Self.secret, keys: cache)
        try SigV4.verify(request, credentials, secret: Self.secret, keys: cache)
        #expect(cache.count == 1)
        #expect(throws: IAMError.wrongSecret) {
            try SigV4.verify(request, credentials, secret: "wrong", keys: cache)
        }
        #expect(cache.count == 2)
        var otherRegion = credentials
        otherRegion.region = "eu-west-1"
        #expect(throws: IAMError.wrongSecret) {
            try SigV4.verify(request, otherRegion, secret: Self.secret, keys: cache)
        }
        #expect(cache.count == 1)
        try SigV4.verify(request, credentials, secret: Self.secret, keys: cache)
        #expect(cache.count == 2)
    }

    @Test("header names match in any case")
    func headerNames() {
        let request = SigV4.Request(
            method: "POST", path: "/", query: "",
            headers: [
                ("X-Amz-Date", "1"), ("x-amz-date", "2"), ("X-AMZ-DATE", "3"), ("X-Amz-Dates", "4"), ("Host", "h"),
            ],
            body: [])
        #expect(request.values(of: "x-amz-date") == ["1", "2", "3"])
        #expect(request.header("host") == "h")
        #expect(request.header("x-amz-dat") == nil)
    }

    @Test(
        "trimming is Foundation's, for whitespaces and for whitespaces and newlines",
        arguments: [
            "", " ", "a", "  a b  ", "\ta\t", "\u{00A0}a\u{3000}", "\na\r\n", "\u{85}a\u{2028}\u{2029}", " \u{200B}a",
            "e\u{301} ", "\u{0B}\u{0C}a", "é", "\u{1680}\u{2000}\u{200A}a\u{202F}\u{205F}", "\u{200C}a\u{FEFF}",
        ])
    func trimming(_ text: String) {
        #expect(String(SigV4.trimmed(text[...])) == text.trimmingCharacters(in: .whitespaces))
        #expect(
            String(SigV4.trimmed(text[...], newlines: true)) == text.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    @Test("an unsigned request is MissingAuthenticationToken; a malformed one IncompleteSignature, in AWS's words")
    func malformed() {
        let unsigned = SigV4.Request(method: "POST", path: "/", query: "", headers: [("Host", "h")], body: [])
        #expect(throws: IAMError.unsignedRequest) { try SigV4.credentials(of: unsigned) }
        let noEquals =
            "AWS4-HMAC-SHA256 Credential=AKID/20150830/us-east-1/iam/aws4_request, SignedHeaders host, Signature=ab"
        let bad = SigV4.Request(
            method: "POST", path: "/", query: "", headers: [("Authorization", noEquals), ("X-Amz-Date", Self.date)],
            body: [])
        #expect(
            throws: IAMError.incompleteSignature(
                "'SignedHeaders host' not a valid key=value pair (missing equal-sign) in Authorization header: '\(noEquals)'."
            )
        ) { try SigV4.credentials(of: bad) }
        let noSignature = "AWS4-HMAC-SHA256 Credential=AKID/20150830/us-east-1/iam/aws4_request, SignedHeaders=host"
        let incomplete = SigV4.Request(
            method: "POST", path: "/", query: "", headers: [("Authorization", noSignature)], body: [])
        #expect(
            throws: IAMError.incompleteSignature(
                "Authorization header requires 'Signature' parameter. Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. Authorization=\(noSignature)"
            )
        ) { try SigV4.credentials(of: incomplete) }
    }

    @Test("a request signed more than 15 minutes before or after now: AWS's expiry messages")
    func time() throws {
        let request = Self.request(Self.vectors[0])
        let credentials = try SigV4.credentials(of: request)
        let signed = try #require(credentials.date)
        try SigV4.checkTime(credentials, now: signed.addingTimeInterval(15 * 60))
        try SigV4.checkTime(credentials, now: signed.addingTimeInterval(-15 * 60))
        #expect(
            throws: IAMError.signatureDoesNotMatch(
                "Signature expired: 20150830T123600Z is now earlier than 20150830T123601Z (20150830T125101Z - 15 min.)")
        ) { try SigV4.checkTime(credentials, now: signed.addingTimeInterval(15 * 60 + 1)) }
        #expect(
            throws: IAMError.signatureDoesNotMatch(
                "Signature not yet current: 20150830T123600Z is still later than 20150830T123559Z (20150830T122059Z + 15 min.)"
            )
        ) { try SigV4.checkTime(credentials, now: signed.addingTimeInterval(-15 * 60 - 1)) }
    }

    @Test("a presigned query string verifies, its own signature left out of the canonical query")
    func presigned() throws {
        // Signed here with the suite's secret, then verified: the verifier must agree with the
        // signer on the canonical form of a presigned GET (payload: the empty body's hash).
        var query = [
            ("Action", "GetCallerIdentity"), ("Version", "2011-06-15"), ("X-Amz-Algorithm", "AWS4-HMAC-SHA256"),
            ("X-Amz-Credential", Self.scope), ("X-Amz-Date", Self.date), ("X-Amz-Expires", "3600"),
            ("X-Amz-SignedHeaders", "host"),
        ].map { "\(SigV4.uriEncode($0.0))=\(SigV4.uriEncode($0.1))" }.joined(separator: "&")
        var request = SigV4.Request(
            method: "GET", path: "/", query: query, headers: [("Host", "example.amazonaws.com")], body: [])
        let unsigned = try SigV4.credentials(
            of: SigV4.Request(
                method: "GET", path: "/", query: query + "&X-Amz-Signature=00", headers: request.headers, body: []))
        let signature = SigV4.signature(request, unsigned, secret: Self.secret)
        query += "&X-Amz-Signature=\(signature)"
        request.query = query
        let credentials = try SigV4.credentials(of: request)
        #expect(credentials.presigned)
        try SigV4.verify(request, credentials, secret: Self.secret)
        #expect(throws: IAMError.wrongSecret) { try SigV4.verify(request, credentials, secret: "wrong") }
    }

    @Test("form decoding: plus is a space, escapes are bytes, order is kept")
    func form() {
        let items = SigV4.decodeForm("Path=%2Fx+y%2F~z%2A%2F&Tags.member.1.Key=a&flag")
        #expect(items.map(\.name) == ["Path", "Tags.member.1.Key", "flag"])
        #expect(items.map(\.value) == ["/x y/~z*/", "a", ""])
        #expect(SigV4.uriEncode("a b/~*") == "a%20b%2F~%2A")
    }
}
