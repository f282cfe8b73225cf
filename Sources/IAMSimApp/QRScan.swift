import IAMSimCore
import IAMSimDevices
import IAMSimQR

/// An account added to the authenticator from a QR code image, and the URI the code held.
public struct ScannedAccount: Sendable {
    public var account: AuthenticatorAccount
    public var uri: String
}

extension Authenticator {
    /// Adds the account a QR code image holds, as a phone's camera would: the PNG is decoded
    /// with the same reader whatever the front end (zbar, `QRScanner`), and its first
    /// `otpauth://totp/` URI is added.
    ///
    /// - Parameter label: the name to show; the URI's account name by default.
    /// - Throws: `LocalError.invalidValue` when the image cannot be read or holds no QR code
    ///   (the reader's sentence), or when its code is not an authenticator (TOTP) code; what
    ///   `add(uri:label:)` throws.
    @discardableResult
    public func scan(png: [UInt8], label: String?) throws -> ScannedAccount {
        let payloads: [String]
        do {
            payloads = try QRScanner.decode(png: png)
        } catch {
            throw LocalError.invalidValue(error.message)
        }
        guard let uri = payloads.first(where: { $0.lowercased().hasPrefix("otpauth://totp/") }) else {
            throw LocalError.invalidValue(
                "The image's QR code is not an authenticator (TOTP) code: it holds '\(payloads.first?.prefix(60) ?? "")'."
            )
        }
        return ScannedAccount(account: try add(uri: uri, label: label), uri: uri)
    }
}
