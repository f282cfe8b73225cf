import Crypto
import Foundation
import IAMSimMacros

/// AWS Signature Version 4, as a verifier: the canonical request, the string to sign and the
/// signature of a request signed with an `Authorization` header or a presigned query string.
///
/// Pure: no clock, no store. The caller parses the request (`SigV4.Request`), looks up the
/// secret of the access key the request names (`SigV4.Credentials.accessKeyID`), checks the
/// signing time against its clock (`SigV4.checkTime`), and compares signatures
/// (`SigV4.verify`), which runs in constant time.
///
/// Source: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-create-signed-request.html
/// and botocore's `auth.py` (SigV4Auth, SigV4QueryAuth).
public enum SigV4 {
    /// The only algorithm AWS accepts for SigV4.
    public static let algorithm = "AWS4-HMAC-SHA256"
    /// How far a request's signing time may be from the service's time, either way.
    public static let allowedSkew: TimeInterval = 15 * 60

    /// A request as received, before its body is decoded.
    @MemberwiseInit
    public struct Request: Sendable {
        public var method: String
        /// The path, as sent (still percent-encoded).
        public var path: String
        /// The query string, as sent (after `?`, without it; empty for none).
        public var query: String
        /// Every header, in any order; names are matched case-insensitively.
        public var headers: [(name: String, value: String)]
        /// The raw body bytes.
        public var body: [UInt8]

        /// The values of every header named `name` (in lower case), in order.
        public func values(of name: String) -> [String] {
            // Compared byte by byte, ASCII case folded: `lowercased()` would allocate a string per
            // header for each of the dozen lookups a request's check makes.
            let wanted = name.utf8
            return headers.filter { header in
                header.name.utf8.count == wanted.count
                    && zip(header.name.utf8, wanted).allSatisfy {
                        (0x41...0x5A).contains($0) ? $0 | 0x20 == $1 : $0 == $1
                    }
            }.map(\.value)
        }

        /// The first value of the header named `name`.
        public func header(_ name: String) -> String? { values(of: name).first }

        /// The query's parameters, percent-decoded, in order.
        public var queryItems: [(name: String, value: String)] { SigV4.decodeForm(query) }
    }

    /// What a signed request claims: who signed it, when, and for which scope.
    public struct Credentials: Hashable, Sendable {
        public var accessKeyID: String
        /// `YYYYMMDD`, the scope's date.
        public var scopeDate: String
        public var region: String
        public var service: String
        /// `YYYYMMDDTHHMMSSZ`, the signing time.
        public var amzDate: String
        /// Lower-case header names, in the order the signer listed them.
        public var signedHeaders: [String]
        /// The signature, in lower-case hex.
        public var signature: String
        /// The session token (`X-Amz-Security-Token`), for temporary credentials.
        public var securityToken: String?
        /// True for a presigned query string rather than an `Authorization` header.
        public var presigned: Bool

        /// `AKID/YYYYMMDD/region/service/aws4_request` without the key id.
        public var scope: String { "\(scopeDate)/\(region)/\(service)/aws4_request" }

        /// The signing time.
        public var date: Date? { SigV4.parseAmzDate(amzDate) }
    }

    // MARK: - Reading the claim

    /// The credentials `request` claims, from its `Authorization` header or its presigned query.
    ///
    /// - Throws: `MissingAuthenticationToken` when the request is not signed at all;
    ///   `IncompleteSignature` when a part is missing or malformed, in AWS's words.
    public static func credentials(of request: Request) throws(IAMError) -> Credentials {
        if let header = request.header("authorization") {
            return try credentials(authorization: header, request: request)
        }
        let query = Dictionary(request.queryItems.map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first })
        if query["X-Amz-Algorithm"] != nil {
            return try credentials(query: query)
        }
        throw IAMError.unsignedRequest
    }

    private static func credentials(authorization header: String, request: Request) throws(IAMError) -> Credentials {
        let trimmed = Self.trimmed(header[...])
        guard trimmed.hasPrefix(algorithm + " ") else {
            throw .incompleteSignature(
                "Authorization header requires the algorithm \(algorithm). Authorization=\(header)")
        }
        var parts: [String: String] = [:]
        // Split on the byte, not on `Character`s: grapheme breaking made this loop a tenth of a
        // request's work (docs/performance.md, "The Query API side by side with moto").
        for part in trimmed.dropFirst(algorithm.count + 1).utf8.split(separator: UInt8(ascii: ",")) {
            let text = Self.trimmed(Substring(part))
            guard let equals = text.firstIndex(of: "=") else {
                throw .incompleteSignature(
                    "'\(text)' not a valid key=value pair (missing equal-sign) in Authorization header: '\(header)'.")
            }
            parts[String(text[..<equals])] = String(text[text.index(after: equals)...])
        }
        var gaps: [String] = []
        for name in ["Credential", "Signature", "SignedHeaders"] where parts[name] == nil {
            gaps.append("Authorization header requires '\(name)' parameter.")
        }
        let amzDate = request.header("x-amz-date")
        if amzDate == nil {
            gaps.append("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.")
        }
        guard gaps.isEmpty, let credential = parts["Credential"], let signature = parts["Signature"],
            let signedHeaders = parts["SignedHeaders"], let amzDate
        else { throw .incompleteSignature(gaps.joined(separator: " ") + " Authorization=\(header)") }
        return try credentials(
            credential: credential, amzDate: amzDate, signedHeaders: signedHeaders, signature: signature,
            securityToken: request.header("x-amz-security-token"), presigned: false)
    }

    private static func credentials(query: [String: String]) throws(IAMError) -> Credentials {
        guard query["X-Amz-Algorithm"] == algorithm else {
            throw .incompleteSignature("X-Amz-Algorithm only supports \(algorithm).")
        }
        var gaps: [String] = []
        for name in ["X-Amz-Credential", "X-Amz-Signature", "X-Amz-SignedHeaders", "X-Amz-Date"]
        where query[name] == nil {
            gaps.append("AWS query-string parameters must include '\(name)'.")
        }
        guard gaps.isEmpty, let credential = query["X-Amz-Credential"], let signature = query["X-Amz-Signature"],
            let signedHeaders = query["X-Amz-SignedHeaders"], let amzDate = query["X-Amz-Date"]
        else { throw .incompleteSignature(gaps.joined(separator: " ") + " Re-examine the query-string parameters.") }
        return try credentials(
            credential: credential, amzDate: amzDate, signedHeaders: signedHeaders, signature: signature,
            securityToken: query["X-Amz-Security-Token"], presigned: true)
    }

    private static func credentials(
        credential: String, amzDate: String, signedHeaders: String, signature: String, securityToken: String?,
        presigned: Bool
    ) throws(IAMError) -> Credentials {
        let scope = credential.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard scope.count == 5, scope[4] == "aws4_request", !scope[0].isEmpty else {
            throw .incompleteSignature(
                "Credential should be scoped to a valid region and service, as AKID/YYYYMMDD/REGION/SERVICE/aws4_request, not '\(credential)'."
            )
        }
        guard parseAmzDate(amzDate) != nil else {
            throw .incompleteSignature(
                "Date must be in ISO-8601 'basic format'. Got '\(amzDate)'. See http://en.wikipedia.org/wiki/ISO_8601")
        }
        return Credentials(
            accessKeyID: scope[0], scopeDate: scope[1], region: scope[2], service: scope[3], amzDate: amzDate,
            signedHeaders: signedHeaders.split(separator: ";").map { $0.lowercased() },
            signature: signature.lowercased(),
            securityToken: securityToken, presigned: presigned)
    }

    // MARK: - Checking it

    /// Checks the signing time against `now` (AWS allows 15 minutes either way) and the scope's
    /// date against the signing time, before any secret is used.
    ///
    /// - Throws: `SignatureDoesNotMatch` with AWS's "Signature expired" / "not yet current"
    ///   sentence, or the scope-date mismatch; `IncompleteSignature` for an unreadable date.
    public static func checkTime(_ credentials: Credentials, now: Date) throws(IAMError) {
        guard let signed = credentials.date else {
            throw .incompleteSignature("Date must be in ISO-8601 'basic format'. Got '\(credentials.amzDate)'.")
        }
        guard credentials.amzDate.hasPrefix(credentials.scopeDate) else {
            throw .signatureDoesNotMatch(
                "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '\(credentials.scopeDate)' != '\(credentials.amzDate.prefix(8))', from '\(credentials.amzDate)'."
            )
        }
        if signed < now.addingTimeInterval(-allowedSkew) {
            throw .signatureDoesNotMatch(
                "Signature expired: \(credentials.amzDate) is now earlier than \(amzDate(now.addingTimeInterval(-allowedSkew))) (\(amzDate(now)) - 15 min.)"
            )
        }
        if signed > now.addingTimeInterval(allowedSkew) {
            throw .signatureDoesNotMatch(
                "Signature not yet current: \(credentials.amzDate) is still later than \(amzDate(now.addingTimeInterval(allowedSkew))) (\(amzDate(now)) + 15 min.)"
            )
        }
    }

    /// Whether `request`'s signature is the one `secret` makes, compared in constant time.
    ///
    /// - Throws: `IAMError.wrongSecret` (SignatureDoesNotMatch, AWS's message) when it is not.
    public static func verify(_ request: Request, _ credentials: Credentials, secret: String) throws(IAMError) {
        try verify(request, credentials, signingKey: signingKey(secret: secret, credentials))
    }

    /// `verify(_:_:secret:)` with the signing key from `keys`, which derives it once per secret
    /// and scope (a day, a region, a service) rather than once per request, as AWS's SDKs keep it.
    ///
    /// - Throws: `IAMError.wrongSecret` (SignatureDoesNotMatch, AWS's message) when it is not.
    public static func verify(
        _ request: Request, _ credentials: Credentials, secret: String, keys: SigningKeyCache
    ) throws(IAMError) {
        try verify(request, credentials, signingKey: keys.key(secret: secret, credentials))
    }

    /// Whether `request`'s signature is the one `signingKey` (`signingKey(secret:_:)` for
    /// `credentials`' scope) makes, compared in constant time.
    static func verify(_ request: Request, _ credentials: Credentials, signingKey: SymmetricKey) throws(IAMError) {
        let expected = Array(signature(request, credentials, signingKey: signingKey).utf8)
        guard ConstantTime.equals(expected, Array(credentials.signature.utf8)) else {
            throw IAMError.wrongSecret
        }
    }

    // MARK: - Computing it

    /// The signature `secret` gives `request` under `credentials`' scope and signed headers, in
    /// lower-case hex.
    public static func signature(_ request: Request, _ credentials: Credentials, secret: String) -> String {
        signature(request, credentials, signingKey: signingKey(secret: secret, credentials))
    }

    /// The key `secret` derives for `credentials`' scope (its date, region and service).
    static func signingKey(secret: String, _ credentials: Credentials) -> SymmetricKey {
        signingKey(
            secret: secret, date: credentials.scopeDate, region: credentials.region, service: credentials.service)
    }

    /// The signature `signingKey` gives `request` under `credentials`' scope and signed headers,
    /// in lower-case hex.
    static func signature(_ request: Request, _ credentials: Credentials, signingKey key: SymmetricKey) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Array(stringToSign(request, credentials).utf8), using: key)
        return hex(Array(mac))
    }

    /// `AWS4-HMAC-SHA256\nAMZDATE\nSCOPE\nHEX(SHA256(canonical request))`.
    public static func stringToSign(_ request: Request, _ credentials: Credentials) -> String {
        let hashed = hex(Array(SHA256.hash(data: Array(canonicalRequest(request, credentials).utf8))))
        return [algorithm, credentials.amzDate, credentials.scope, hashed].joined(separator: "\n")
    }

    /// The canonical request: method, path, query, signed headers and the payload's hash.
    public static func canonicalRequest(_ request: Request, _ credentials: Credentials) -> String {
        let headers = credentials.signedHeaders.map { name in
            let value = request.values(of: name).map(normalizedHeaderValue).joined(separator: ",")
            return "\(name):\(value)\n"
        }.joined()
        let payload =
            request.header("x-amz-content-sha256")
            ?? hex(Array(SHA256.hash(data: credentials.presigned ? [] : request.body)))
        return [
            request.method.uppercased(), canonicalPath(request.path),
            canonicalQuery(request.query, presigned: credentials.presigned),
            headers, credentials.signedHeaders.joined(separator: ";"), payload,
        ].joined(separator: "\n")
    }

    /// The key the signature is made with: `AWS4`+secret, then the date, region, service and
    /// `aws4_request`, each an HMAC-SHA256 of the one before.
    static func signingKey(secret: String, date: String, region: String, service: String) -> SymmetricKey {
        var key = SymmetricKey(data: Array(("AWS4" + secret).utf8))
        for part in [date, region, service, "aws4_request"] {
            key = SymmetricKey(data: Array(HMAC<SHA256>.authenticationCode(for: Array(part.utf8), using: key)))
        }
        return key
    }

    /// Each path segment percent-encoded (RFC 3986) after its dot segments are removed; the
    /// segments arrive encoded already, so they are encoded twice, as AWS does for every
    /// service but S3.
    static func canonicalPath(_ path: String) -> String {
        guard !path.isEmpty else { return "/" }
        var segments: [Substring] = []
        for segment in path.split(separator: "/", omittingEmptySubsequences: false).dropFirst() {
            switch segment {
            case ".": continue
            case "..": if !segments.isEmpty { segments.removeLast() }
            default: segments.append(segment)
            }
        }
        return "/" + segments.map { uriEncode(String($0)) }.joined(separator: "/")
    }

    /// The query's parameters decoded, then re-encoded (RFC 3986) and sorted by name, then value;
    /// a presigned request's own signature left out.
    static func canonicalQuery(_ query: String, presigned: Bool) -> String {
        var pairs: [(name: String, value: String)] = []
        for item in decodeForm(query) where !(presigned && item.name == "X-Amz-Signature") {
            pairs.append((uriEncode(item.name), uriEncode(item.value)))
        }
        pairs.sort { left, right in left.name == right.name ? left.value < right.value : left.name < right.name }
        return pairs.map { $0.name + "=" + $0.value }.joined(separator: "&")
    }

    /// A header value as signed: trimmed, runs of spaces collapsed to one.
    static func normalizedHeaderValue(_ value: String) -> String {
        String(
            trimmed(
                value.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")[...], newlines: true
            ))
    }

    /// `text` without the characters Foundation's `CharacterSet.whitespaces` holds at either end
    /// (tab, space, U+00A0, U+1680, U+2000 to U+200B, U+202F, U+205F, U+3000), or with
    /// `newlines` those of `.whitespacesAndNewlines` (also U+000A to U+000D, U+0085, U+2028 and
    /// U+2029): `trimmingCharacters(in:)`'s result (the test compares them), without a character
    /// set query per character, which was a tenth of a request's work (docs/performance.md).
    static func trimmed(_ text: Substring, newlines: Bool = false) -> Substring {
        func isSpace(_ scalar: Unicode.Scalar) -> Bool {
            switch scalar.value {
            case 0x20, 0x09, 0xA0, 0x1680, 0x2000...0x200B, 0x202F, 0x205F, 0x3000: true
            case 0x0A...0x0D, 0x85, 0x2028, 0x2029: newlines
            default: false
            }
        }
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isSpace($0) }),
            let last = scalars.lastIndex(where: { !isSpace($0) })
        else { return text[text.endIndex...] }
        return Substring(scalars[first...last])
    }

    // MARK: - Encodings

    /// `application/x-www-form-urlencoded` (or a query string) decoded: `+` is a space,
    /// `%XX` a byte, in order; a pair without `=` has an empty value.
    public static func decodeForm(_ text: String) -> [(name: String, value: String)] {
        text.split(separator: "&", omittingEmptySubsequences: true).map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            return (percentDecode(parts[0]), parts.count > 1 ? percentDecode(parts[1]) : "")
        }
    }

    /// Percent-decodes form text (`+` as a space); an invalid escape is kept as it is.
    static func percentDecode<S: StringProtocol>(_ text: S) -> String {
        var bytes: [UInt8] = []
        var iterator = Array(text.utf8)[...]
        while let byte = iterator.popFirst() {
            if byte == UInt8(ascii: "+") {
                bytes.append(UInt8(ascii: " "))
            } else if byte == UInt8(ascii: "%"), iterator.count >= 2,
                let high = hexValue(iterator[iterator.startIndex]),
                let low = hexValue(iterator[iterator.startIndex + 1])
            {
                bytes.append(high << 4 | low)
                iterator = iterator.dropFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// RFC 3986 percent-encoding: letters, digits and `-_.~` as they are, every other byte as
    /// `%XX` in upper-case hex.
    static func uriEncode(_ text: String) -> String {
        let hexDigits = Array("0123456789ABCDEF".utf8)
        var output: [UInt8] = []
        for byte in text.utf8 {
            if isUnreserved(byte) {
                output.append(byte)
            } else {
                output.append(UInt8(ascii: "%"))
                output.append(hexDigits[Int(byte >> 4)])
                output.append(hexDigits[Int(byte & 0x0F)])
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// RFC 3986's unreserved characters: `A-Z a-z 0-9 - _ . ~`.
    private static func isUnreserved(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
            || byte == 0x2D || byte == 0x5F || byte == 0x2E || byte == 0x7E
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            output.append(digits[Int(byte >> 4)])
            output.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: output, as: UTF8.self)
    }

    // MARK: - Dates

    /// `YYYYMMDDTHHMMSSZ` as a date, or nil.
    public static func parseAmzDate(_ text: String) -> Date? {
        let bytes = Array(text.utf8)
        guard bytes.count == 16, bytes[8] == UInt8(ascii: "T"), bytes[15] == UInt8(ascii: "Z") else { return nil }
        let digits = String(decoding: bytes[0..<8] + bytes[9..<15], as: UTF8.self)
        guard digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber) else { return nil }
        let iso =
            "\(digits.prefix(4))-\(digits.dropFirst(4).prefix(2))-\(digits.dropFirst(6).prefix(2))T"
            + "\(digits.dropFirst(8).prefix(2)):\(digits.dropFirst(10).prefix(2)):\(digits.dropFirst(12).prefix(2))Z"
        return try? Timestamp.parsing(iso)
    }

    /// `date` as `YYYYMMDDTHHMMSSZ`.
    public static func amzDate(_ date: Date) -> String {
        let iso = Timestamp.iso8601(date)  // 2026-11-30T15:22:28+00:00
        return iso.prefix(19).filter { $0 != "-" && $0 != ":" } + "Z"
    }
}
