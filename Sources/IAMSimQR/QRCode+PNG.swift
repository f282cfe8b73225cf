// MARK: - PNG rendering

extension QRCode {
    /// Largest accepted `scale` (pixels per module).
    public static let maximumScale = 64

    /// Largest accepted `quietZone` (modules of margin on each side).
    public static let maximumQuietZone = 64

    /// Renders the code as an 8-bit grayscale PNG: black (0) dark modules on white (255).
    ///
    /// The image is `(size + 2 * quietZone) * scale` pixels wide and high.
    ///
    /// - Parameters:
    ///   - scale: Pixels per module, `1...maximumScale`.
    ///   - quietZone: Light margin in modules, `0...maximumQuietZone`. The QR
    ///     specification requires 4 for reliable scanning, hence the default.
    /// - Returns: The complete PNG file.
    /// - Throws: ``QRCodeError/invalidRenderingParameters`` or ``QRCodeError/pngWriteFailed(_:)``.
    public func png(scale: Int = 8, quietZone: Int = 4) throws(QRCodeError) -> [UInt8] {
        guard (1...Self.maximumScale).contains(scale),
            (0...Self.maximumQuietZone).contains(quietZone)
        else { throw .invalidRenderingParameters }

        let side = (size + 2 * quietZone) * scale
        // Start all white (light modules and quiet zone), then paint dark modules.
        var pixels = [UInt8](repeating: 255, count: side * side)
        for y in 0..<size {
            for x in 0..<size where isDark(x: x, y: y) {
                let left = (x + quietZone) * scale
                for row in (y + quietZone) * scale..<(y + quietZone + 1) * scale {
                    let start = row * side + left
                    pixels.replaceSubrange(
                        start..<start + scale,
                        with: repeatElement(0, count: scale))
                }
            }
        }
        return try PNGCodec.encode(gray: GrayImage(width: side, height: side, pixels: pixels))
    }
}
