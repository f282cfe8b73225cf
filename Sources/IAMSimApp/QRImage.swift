import IAMSimCore
import IAMSimQR

/// A device's QR code, drawn once as a terminal picture and, when asked for, a PNG.
public struct QRImage: Sendable {
    let code: QRCode
    /// The PNG, drawn only when an output needs it: encoding it is most of `mfa assign`'s own
    /// work (docs/performance.md).
    let png: [UInt8]?

    /// - Throws: `LocalError.failed` when the code cannot be drawn (memory ran out).
    public init(uri: String, drawingPNG: Bool) throws(LocalError) {
        do {
            code = try QRCode.encode(uri)
            png = drawingPNG ? try code.png() : nil
        } catch {
            throw .failed("Cannot draw the QR code: \(error.message)")
        }
    }

    /// The PNG, drawn now if it was not (a failure gives no bytes: encoding a valid code only
    /// fails when memory runs out).
    public var pngBytes: [UInt8] {
        png ?? (try? code.png()) ?? []
    }

    /// Half-block text; by default light modules are ink, for light-on-dark terminals.
    public func terminalText(lightTerminal: Bool) -> String {
        code.terminalText(quietZone: 2, inverted: lightTerminal)
    }
}
