import Foundation

@testable import IAMSimCore

/// Signs Query requests as botocore does (SigV4 with an `Authorization` header over
/// `content-type;host;x-amz-date`, plus `x-amz-security-token` for temporary credentials), for
/// tests that drive `QueryService` or the server over HTTP.
struct Signer: Sendable {
    var key: String
    var secret: String
    /// The session token of temporary credentials.
    var token: String?
    var region = "us-east-1"

    static let root = Signer(key: TestKeys.rootKey, secret: TestKeys.rootSecret)

    /// The form body of `parameters`, encoded as botocore encodes it.
    static func form(_ parameters: [(String, String)]) -> [UInt8] {
        Array(parameters.map { "\(SigV4.uriEncode($0.0))=\(SigV4.uriEncode($0.1))" }.joined(separator: "&").utf8)
    }

    /// A form POST of `body`, signed at `date` for `service`, with `host` as its Host header.
    func request(
        body: [UInt8], service: String, date: Date, host: String = "127.0.0.1:4566", userAgent: String? = nil
    ) -> SigV4.Request {
        let amzDate = SigV4.amzDate(date)
        var headers: [(name: String, value: String)] = [
            ("Content-Type", "application/x-www-form-urlencoded; charset=utf-8"), ("Host", host),
            ("X-Amz-Date", amzDate),
        ]
        var signed = ["content-type", "host", "x-amz-date"]
        if let token {
            headers.append(("X-Amz-Security-Token", token))
            signed.append("x-amz-security-token")
        }
        if let userAgent { headers.append(("User-Agent", userAgent)) }
        var request = SigV4.Request(method: "POST", path: "/", query: "", headers: headers, body: body)
        let credentials = SigV4.Credentials(
            accessKeyID: key, scopeDate: String(amzDate.prefix(8)), region: region, service: service,
            amzDate: amzDate, signedHeaders: signed, signature: "", securityToken: token, presigned: false)
        let signature = SigV4.signature(request, credentials, secret: secret)
        request.headers.append(
            (
                "Authorization",
                "AWS4-HMAC-SHA256 Credential=\(key)/\(credentials.scope), SignedHeaders=\(signed.joined(separator: ";")), Signature=\(signature)"
            ))
        return request
    }

    /// A signed form POST of `parameters`; the service (and its scope) follows `Version`.
    func request(_ parameters: [(String, String)], date: Date, userAgent: String? = nil) -> SigV4.Request {
        let version = parameters.first { $0.0 == "Version" }?.1
        return request(
            body: Self.form(parameters), service: version == "2011-06-15" ? "sts" : "iam", date: date,
            userAgent: userAgent)
    }
}

/// The lesson fixture's root key, as tests sign with it.
enum TestKeys {
    static let rootKey = "AKIAIOSFODNN7EXAMPLE"
    static let rootSecret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
}

/// The text of the first `<name>` element of `xml`.
func element(_ name: String, in xml: String) -> String? {
    guard let open = xml.range(of: "<\(name)>"),
        let close = xml.range(of: "</\(name)>", range: open.upperBound..<xml.endIndex)
    else { return nil }
    return String(xml[open.upperBound..<close.lowerBound])
}
