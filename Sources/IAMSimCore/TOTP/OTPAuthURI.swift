import Foundation
import IAMSimMacros

/// An `otpauth://totp/…` URI: what an authenticator app reads from a QR code.
///
/// Format (Google Authenticator's "Key Uri Format"): `otpauth://totp/ISSUER:ACCOUNT?secret=B32
/// &issuer=ISSUER[&algorithm=SHA1][&digits=6][&period=30]`.
@MemberwiseInit
public struct OTPAuthURI: Hashable, Sendable {
    /// The issuer AWS puts in its QR codes.
    public static let awsIssuer = "Amazon Web Services"

    /// The label's account part, e.g. `root-mfa@123456789012`.
    public var accountName: String
    public var issuer: String?
    public var secret: String
    public var algorithm: TOTP.Algorithm = .sha1
    public var digits: Int = 6
    public var period: Int64 = TOTP.awsPeriod

    /// The URI AWS shows for a virtual device: `Amazon Web Services:DEVICE@ACCOUNT`, where
    /// ACCOUNT is the account alias when one is set, else the account id.
    public static func aws(deviceName: String, accountLabel: String, secret: String) -> OTPAuthURI {
        OTPAuthURI(accountName: "\(deviceName)@\(accountLabel)", issuer: awsIssuer, secret: secret)
    }

    /// The URI text. AWS's own URIs carry only `secret` and `issuer`, so the defaults are left out.
    public var text: String {
        let label = (issuer.map { Self.escape($0) + ":" } ?? "") + Self.escape(accountName)
        var query = "secret=\(secret)"
        if let issuer { query += "&issuer=\(Self.escape(issuer))" }
        if algorithm != .sha1 { query += "&algorithm=\(algorithm.rawValue)" }
        if digits != 6 { query += "&digits=\(digits)" }
        if period != TOTP.awsPeriod { query += "&period=\(period)" }
        return "otpauth://totp/\(label)?\(query)"
    }

    /// The name an authenticator app shows: `Amazon Web Services (root-mfa@123456789012)`.
    public var displayName: String {
        guard let issuer, !issuer.isEmpty else { return accountName }
        return "\(issuer) (\(accountName))"
    }

    /// Parses a TOTP URI as a phone would, rejecting HOTP, missing or non-base32 secrets and
    /// parameters outside what authenticator apps support.
    ///
    /// - Throws: `LocalError.invalidValue` saying why: a URI is the phone's business, not AWS's.
    public init(parsing text: String) throws(LocalError) {
        func invalid(_ reason: String) -> LocalError {
            .invalidValue("Not a usable TOTP URI: \(reason).")
        }
        guard let components = URLComponents(string: text), components.scheme?.lowercased() == "otpauth" else {
            throw invalid("it must start with otpauth://totp/")
        }
        guard components.host?.lowercased() == "totp" else {
            throw invalid("'\(components.host ?? "")' codes are not time-based (only totp is supported)")
        }
        // Optional spaces may precede the account name.
        let (labelIssuer, label) = Self.splitLabel(components.percentEncodedPath)
        let accountName = label.trimmingCharacters(in: .whitespaces)
        var parameters: [String: String] = [:]
        for item in components.queryItems ?? [] { parameters[item.name.lowercased()] = item.value ?? "" }
        guard let secret = parameters["secret"], !secret.isEmpty else { throw invalid("it has no secret") }
        if let problem = Base32.problem(in: secret) {
            throw invalid("its secret is not base32" + (problem.detail.map { ": " + $0 } ?? ""))
        }
        var algorithm = TOTP.Algorithm.sha1
        if let name = parameters["algorithm"] {
            guard let parsed = TOTP.Algorithm(rawValue: name.uppercased()) else {
                throw invalid("unsupported algorithm \(name)")
            }
            algorithm = parsed
        }
        var digits = 6
        if let value = parameters["digits"] {
            guard let parsed = Int(value), (6...8).contains(parsed) else { throw invalid("digits must be 6 to 8") }
            digits = parsed
        }
        var period = TOTP.awsPeriod
        if let value = parameters["period"] {
            guard let parsed = Int64(value), (1...300).contains(parsed) else {
                throw invalid("period must be 1 to 300 seconds")
            }
            period = parsed
        }
        self.init(
            accountName: accountName, issuer: parameters["issuer"] ?? labelIssuer, secret: secret.uppercased(),
            algorithm: algorithm, digits: digits, period: period)
    }

    /// The issuer prefix and the account name of a URI's path, each percent-decoded.
    ///
    /// Key Uri Format: a literal or an encoded colon separates them, and neither may contain
    /// one. Issuers do contain encoded colons in practice (`Text%3A%20More%20Text:Secret`),
    /// so the path is split at its first literal colon before decoding, which keeps such a
    /// colon in the issuer; a label with no literal colon splits at its first encoded one
    /// (the format's own `Big%20Corporation%3A%20alice%40bigco.com`).
    static func splitLabel(_ percentEncodedPath: String) -> (issuer: String?, accountName: String) {
        var raw = Substring(percentEncodedPath)
        if raw.hasPrefix("/") { raw.removeFirst() }
        let decode = { (part: Substring) in String(part).removingPercentEncoding ?? String(part) }
        if let colon = raw.firstIndex(of: ":") {
            return (decode(raw[..<colon]), decode(raw[raw.index(after: colon)...]))
        }
        let label = decode(raw)
        guard let colon = label.firstIndex(of: ":") else { return (nil, label) }
        return (String(label[..<colon]), String(label[label.index(after: colon)...]))
    }

    /// Percent-encodes a label part the way AWS writes it: spaces as `%20`, `@` kept.
    static func escape(_ text: String) -> String {
        let allowed = CharacterSet(
            charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~@+=,")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }

    /// A TOTP generator for this URI's parameters.
    public var totp: TOTP? {
        TOTP(base32Secret: secret, digits: digits, period: period, algorithm: algorithm)
    }
}
