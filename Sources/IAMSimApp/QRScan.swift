import IAMSimCore
import IAMSimDevices
import IAMSimQR

/// An account added to the authenticator from a QR code image, and the URI the code held.
public struct ScannedAccount: Sendable {
    public var account: AuthenticatorAccount
    public var uri: String
}

/// Why a QR code image gave no authenticator code, for each front end to word: the CLI as the
/// end of "Cannot use FILE: …", the console as a sentence of its own.
public enum UnscannableImage: Error, Equatable, Sendable {
    /// The image could not be read, or holds no QR code: the reader's sentence.
    case unreadable(String)
    /// The image's QR code holds something else (its first 60 characters), such as a web address.
    case notAuthenticatorCode(String)

    /// A sentence of its own: "The image's QR code is not an authenticator (TOTP) code: …".
    public var sentence: String {
        switch self {
        case .unreadable(let sentence): sentence
        case .notAuthenticatorCode(let payload):
            "The image's QR code is not an authenticator (TOTP) code: it holds '\(payload)'."
        }
    }

    /// The end of a sentence about the image: "its QR code is not …", lower-case, no period.
    public var clause: String {
        switch self {
        case .unreadable(let sentence):
            let trimmed = sentence.hasSuffix(".") ? String(sentence.dropLast()) : sentence
            return trimmed.prefix(1).lowercased() + trimmed.dropFirst()
        case .notAuthenticatorCode(let payload):
            return "its QR code is not an authenticator (TOTP) code: it holds '\(payload)'"
        }
    }
}

extension Authenticator {
    /// The `otpauth://totp/` URI a QR code image holds, read as a phone's camera would: the PNG
    /// is decoded with the same reader whatever the front end (zbar, `QRScanner`), and the first
    /// TOTP URI among its codes is taken.
    ///
    /// - Throws: `UnscannableImage` when the image cannot be read, holds no QR code, or holds
    ///   no authenticator (TOTP) code.
    public static func authenticatorURI(inPNG png: [UInt8]) throws(UnscannableImage) -> String {
        let payloads: [String]
        do {
            payloads = try QRScanner.decode(png: png)
        } catch {
            throw .unreadable(error.message)
        }
        guard let uri = payloads.first(where: { $0.lowercased().hasPrefix("otpauth://totp/") }) else {
            throw .notAuthenticatorCode(String(payloads.first?.prefix(60) ?? ""))
        }
        return uri
    }

    /// Adds the account a QR code image holds (`authenticatorURI(inPNG:)`).
    ///
    /// - Parameter label: the name to show; the URI's account name by default.
    /// - Throws: `LocalError.invalidValue` with `UnscannableImage.sentence` when the image gives
    ///   no authenticator code; what `add(uri:label:)` throws.
    @discardableResult
    public func scan(png: [UInt8], label: String?) throws -> ScannedAccount {
        let uri: String
        do {
            uri = try Self.authenticatorURI(inPNG: png)
        } catch {
            throw LocalError.invalidValue(error.sentence)
        }
        return ScannedAccount(account: try add(uri: uri, label: label), uri: uri)
    }
}
