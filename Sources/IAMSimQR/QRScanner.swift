import CZBar

/// Reads QR codes out of PNG images using libpng and zbar.
public enum QRScanner {
    // MARK: Limits

    /// Images wider or taller than this many pixels are refused with
    /// ``QRCodeError/imageTooLarge(width:height:)`` before their pixels are decoded,
    /// so a hostile upload cannot make the simulator allocate gigabytes.
    public static let maximumDimension = 8192

    // MARK: Decoding

    /// Decodes every QR code found in a PNG image.
    ///
    /// Any PNG flavour libpng supports is accepted (gray, RGB, RGBA, palette, 1 to 16
    /// bits); it is converted to 8-bit gray first, with transparency shown on white.
    ///
    /// - Parameter png: The complete PNG file.
    /// - Returns: The payload of each QR code, in the order zbar reports them; never empty.
    /// - Throws: ``QRCodeError/notAPNG(_:)``, ``QRCodeError/damagedPNG(_:)``,
    ///   ``QRCodeError/imageTooLarge(width:height:)``, ``QRCodeError/noQRCodeFound`` or
    ///   ``QRCodeError/scannerFailed``.
    public static func decode(png: [UInt8]) throws(QRCodeError) -> [String] {
        let image = try PNGCodec.decodeGray(png, maximumDimension: maximumDimension)
        let payloads = try scan(image)
        guard !payloads.isEmpty else { throw .noQRCodeFound }
        return payloads
    }

    // MARK: zbar

    /// Runs zbar over a grayscale raster and returns the QR payloads.
    static func scan(_ image: GrayImage) throws(QRCodeError) -> [String] {
        guard let scanner = zbar_image_scanner_create() else { throw .scannerFailed }
        defer { zbar_image_scanner_destroy(scanner) }

        // Symbology 0 (ZBAR_NONE) addresses every decoder: switch all of them off so
        // 1-D barcode decoders cannot report false positives, then enable QR only.
        zbar_image_scanner_set_config(scanner, ZBAR_NONE, ZBAR_CFG_ENABLE, 0)
        zbar_image_scanner_set_config(scanner, ZBAR_QRCODE, ZBAR_CFG_ENABLE, 1)
        // Without BINARY, zbar guesses a text encoding (ISO-8859-1, Shift-JIS, ...)
        // and re-encodes the payload; with it we get the exact bytes and decode them
        // as UTF-8, which is what every otpauth:// producer uses.
        zbar_image_scanner_set_config(scanner, ZBAR_QRCODE, ZBAR_CFG_BINARY, 1)

        guard let zImage = zbar_image_create() else { throw .scannerFailed }
        defer { zbar_image_destroy(zImage) }

        zbar_image_set_format(zImage, fourcc("Y800"))  // 8-bit gray, one byte per pixel
        zbar_image_set_size(zImage, UInt32(image.width), UInt32(image.height))

        // zbar only borrows the pixels (no cleanup handler), so the buffer must outlive
        // the scan; the symbols' data strings are owned by zbar and copied out before
        // `zImage` is destroyed.
        let outcome: Int32? = image.pixels.withUnsafeBytes { pixels in
            guard let base = pixels.baseAddress else { return nil }
            zbar_image_set_data(zImage, base, UInt(pixels.count), nil)
            let count = zbar_scan_image(scanner, zImage)
            // Detach the borrowed buffer so zbar can never touch it after this closure.
            zbar_image_set_data(zImage, nil, 0, nil)
            return count
        }
        guard let count = outcome, count >= 0 else { throw .scannerFailed }

        var payloads: [String] = []
        var symbol = zbar_image_first_symbol(zImage)
        while let current = symbol {
            if zbar_symbol_get_type(current) == ZBAR_QRCODE,
               let data = zbar_symbol_get_data(current) {
                let length = Int(zbar_symbol_get_data_length(current))
                // Use the explicit length: binary payloads may contain NUL bytes.
                let bytes = UnsafeRawBufferPointer(start: data, count: length)
                payloads.append(String(decoding: bytes, as: UTF8.self))
            }
            symbol = zbar_symbol_next(current)
        }
        return payloads
    }

    // MARK: Helpers

    /// Same packing as zbar's `zbar_fourcc` macro, which Swift cannot import.
    private static func fourcc(_ code: StaticString) -> UInt {
        var value: UInt = 0
        code.withUTF8Buffer { bytes in
            for (index, byte) in bytes.prefix(4).enumerated() {
                value |= UInt(byte) << (8 * index)
            }
        }
        return value
    }
}
