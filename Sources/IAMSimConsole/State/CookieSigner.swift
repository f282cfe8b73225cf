import Crypto
import Foundation
import IAMSimCore

/// Signs the values the console trusts a browser to hand back unchanged: which account's phone
/// this browser is paired with, and that it proved the instructor's token. HMAC-SHA256 under
/// the console's key; checked in constant time.
struct CookieSigner: Sendable {
    let key: SymmetricKey

    init(key: [UInt8]) {
        self.key = SymmetricKey(data: key)
    }

    /// `value`, a dot, and its signature in base64url: safe as a cookie value when `value` is.
    func signed(_ value: String, purpose: String) -> String {
        "\(value).\(signature(value, purpose: purpose))"
    }

    /// The value of `signed` when its signature is this console's for `purpose`; nil otherwise.
    func verified(_ signed: String?, purpose: String) -> String? {
        guard let signed, let dot = signed.lastIndex(of: ".") else { return nil }
        let value = String(signed[..<dot])
        let given = Array(signed[signed.index(after: dot)...].utf8)
        guard ConstantTime.equals(given, Array(signature(value, purpose: purpose).utf8)) else { return nil }
        return value
    }

    private func signature(_ value: String, purpose: String) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Array("\(purpose)\n\(value)".utf8), using: key)
        return Base64URL.encode(Array(mac))
    }
}

/// Base64url without padding (RFC 4648 §5): random tokens and signatures as cookie values.
enum Base64URL {
    static func encode(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// The bytes of base64url `text`, or nil when it is not base64url.
    static func decode(_ text: String) -> [UInt8]? {
        var standard = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while standard.count % 4 != 0 { standard += "=" }
        return Data(base64Encoded: standard).map { Array($0) }
    }
}
