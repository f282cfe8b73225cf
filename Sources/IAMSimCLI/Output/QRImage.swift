import IAMSimCore
import IAMSimQR

/// A device's QR code, drawn once as a terminal picture and a PNG.
struct QRImage {
    let code: QRCode
    let png: [UInt8]

    init(uri: String) throws {
        do {
            code = try QRCode.encode(uri)
            png = try code.png()
        } catch {
            throw IAMError.serviceFailure("Cannot draw the QR code: \(error.message)")
        }
    }

    /// Half-block text; by default light modules are ink, for light-on-dark terminals.
    func terminalText(lightTerminal: Bool) -> String {
        code.terminalText(quietZone: 2, inverted: lightTerminal)
    }
}
