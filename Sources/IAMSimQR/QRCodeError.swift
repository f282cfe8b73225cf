/// Everything that can go wrong while encoding, rendering or scanning a QR code.
///
/// Every case carries a one-sentence, user-facing ``message`` so the simulator can
/// show it directly in the console UI without further mapping.
public enum QRCodeError: Error, Equatable, Sendable {
    // MARK: Encoding

    /// The text is empty; a QR code needs at least one byte of payload.
    case emptyText
    /// The text contains a NUL character, which the C encoder would silently cut off.
    case textContainsNUL
    /// The text does not fit into the largest QR code (version 40) at error correction level M.
    case textTooLong
    /// libqrencode failed for another reason (for example, out of memory). Carries `errno`.
    case encodingFailed(errno: Int32)

    // MARK: Rendering

    /// `scale` or `quietZone` is out of the supported range.
    case invalidRenderingParameters
    /// libpng could not write the image. Carries libpng's own message.
    case pngWriteFailed(String)

    // MARK: Decoding

    /// The bytes are not a PNG at all (no or wrong signature). Carries a short technical detail.
    case notAPNG(String)
    /// The bytes start like a PNG but libpng could not decode them (truncated, corrupt).
    /// Carries libpng's own message.
    case damagedPNG(String)
    /// The image exceeds ``QRScanner/maximumDimension`` in width or height.
    case imageTooLarge(width: Int, height: Int)
    /// The image decoded fine but contains no readable QR code.
    case noQRCodeFound
    /// zbar reported an internal error while scanning.
    case scannerFailed

    // MARK: Presentation

    /// A single clear sentence describing the problem, suitable for showing to a user.
    public var message: String {
        switch self {
        case .emptyText:
            return "There is no text to encode into a QR code."
        case .textContainsNUL:
            return "The text contains a NUL character, which cannot be encoded into a QR code."
        case .textTooLong:
            return "The text is too long to fit into a QR code."
        case .encodingFailed(let code):
            return "The QR code could not be created (system error \(code))."
        case .invalidRenderingParameters:
            return "The QR code image size or margin is out of range."
        case .pngWriteFailed(let detail):
            return "The QR code image could not be written (\(detail))."
        case .notAPNG:
            return "The file is not a PNG image."
        case .damagedPNG(let detail):
            return "The PNG image is damaged or incomplete (\(detail))."
        case .imageTooLarge(let width, let height):
            return "The image is too large to scan (\(width)x\(height) pixels)."
        case .noQRCodeFound:
            return "No QR code was found in the image."
        case .scannerFailed:
            return "The QR code scanner failed while reading the image."
        }
    }
}
