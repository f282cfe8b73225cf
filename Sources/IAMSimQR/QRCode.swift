import CQRencode

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A QR code symbol: a square matrix of dark and light modules.
///
/// Create one with ``encode(_:)``, then render it with ``terminalText(quietZone:inverted:)``
/// or ``png(scale:quietZone:)``. The value owns a plain Swift copy of the modules, so it is
/// freely `Sendable` and never refers to C memory.
public struct QRCode: Sendable, Equatable {
    // MARK: Stored properties

    /// Number of modules per side (21 for version 1, +4 per version, up to 177).
    public let size: Int

    /// QR version (1...40) chosen by the encoder for the payload.
    public let version: Int

    /// Row-major module matrix, `true` = dark. Always `size * size` entries.
    private let modules: [Bool]

    // MARK: Initialisation

    /// Internal so that only real encoder output (or tests) can build a code.
    /// Returns `nil` if the matrix is not `size * size`.
    init?(size: Int, version: Int, modules: [Bool]) {
        guard size > 0, modules.count == size * size else { return nil }
        self.size = size
        self.version = version
        self.modules = modules
    }

    // MARK: Encoding

    /// Encodes `text` (as UTF-8 bytes, 8-bit mode) at error-correction level M,
    /// letting libqrencode pick the smallest version that fits.
    ///
    /// - Throws: ``QRCodeError/emptyText``, ``QRCodeError/textContainsNUL``,
    ///   ``QRCodeError/textTooLong`` or ``QRCodeError/encodingFailed(errno:)``.
    public static func encode(_ text: String) throws(QRCodeError) -> QRCode {
        guard !text.isEmpty else { throw .emptyText }
        // QRcode_encodeString takes a C string, so an embedded NUL would silently
        // truncate the payload. Refuse instead of producing a wrong code.
        guard !text.utf8.contains(0) else { throw .textContainsNUL }

        // errno is read inside the closure, right after the call, so nothing
        // (such as freeing the bridged C string) can overwrite it first.
        let (symbol, failure) = text.withCString { cText -> (UnsafeMutablePointer<QRcode>?, Int32) in
            errno = 0
            let result = QRcode_encodeString(cText, 0, QR_ECLEVEL_M, QR_MODE_8, 1)
            return (result, errno)
        }

        guard let symbol else {
            // libqrencode documents ERANGE for "input data is too large".
            throw failure == ERANGE ? .textTooLong : .encodingFailed(errno: failure)
        }
        // The QRcode struct and its data buffer are owned by libqrencode.
        defer { QRcode_free(symbol) }

        let width = Int(symbol.pointee.width)
        guard width > 0, let data = symbol.pointee.data else {
            throw .encodingFailed(errno: 0)
        }

        // Each byte carries flags in its upper bits (finder, timing, ...);
        // only bit 0 says whether the module is dark.
        let buffer = UnsafeBufferPointer(start: data, count: width * width)
        let modules = buffer.map { $0 & 1 == 1 }

        guard let code = QRCode(size: width, version: Int(symbol.pointee.version), modules: modules) else {
            throw .encodingFailed(errno: 0)
        }
        return code
    }

    // MARK: Module access

    /// Whether the module at column `x`, row `y` is dark.
    ///
    /// Coordinates outside `0..<size` return `false`: everything around the symbol is
    /// the (light) quiet zone, which keeps the renderers free of bounds checks.
    public func isDark(x: Int, y: Int) -> Bool {
        guard (0..<size).contains(x), (0..<size).contains(y) else { return false }
        return modules[y * size + x]
    }
}
