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
        guard let zbar = ZBarLibrary.shared else { throw .scannerFailed }
        guard let scanner = zbar.scannerCreate() else { throw .scannerFailed }
        defer { zbar.scannerDestroy(scanner) }

        // Symbology 0 (ZBAR_NONE) addresses every decoder: switch all of them off so
        // 1-D barcode decoders cannot report false positives, then enable QR only.
        _ = zbar.scannerSetConfig(scanner, ZBAR_NONE, ZBAR_CFG_ENABLE, 0)
        _ = zbar.scannerSetConfig(scanner, ZBAR_QRCODE, ZBAR_CFG_ENABLE, 1)
        // Without BINARY, zbar guesses a text encoding (ISO-8859-1, Shift-JIS, ...)
        // and re-encodes the payload; with it we get the exact bytes and decode them
        // as UTF-8, which is what every otpauth:// producer uses.
        _ = zbar.scannerSetConfig(scanner, ZBAR_QRCODE, ZBAR_CFG_BINARY, 1)

        guard let zImage = zbar.imageCreate() else { throw .scannerFailed }
        defer { zbar.imageDestroy(zImage) }

        zbar.imageSetFormat(zImage, fourcc("Y800"))  // 8-bit gray, one byte per pixel
        zbar.imageSetSize(zImage, UInt32(image.width), UInt32(image.height))

        // zbar only borrows the pixels (no cleanup handler), so the buffer must outlive
        // the scan; the symbols' data strings are owned by zbar and copied out before
        // `zImage` is destroyed.
        let outcome: Int32? = image.pixels.withUnsafeBytes { pixels in
            guard let base = pixels.baseAddress else { return nil }
            zbar.imageSetData(zImage, base, UInt(pixels.count), nil)
            let count = zbar.scanImage(scanner, zImage)
            // Detach the borrowed buffer so zbar can never touch it after this closure.
            zbar.imageSetData(zImage, nil, 0, nil)
            return count
        }
        guard let count = outcome, count >= 0 else { throw .scannerFailed }

        var payloads: [String] = []
        var symbol = zbar.imageFirstSymbol(zImage)
        while let current = symbol {
            if zbar.symbolGetType(current) == ZBAR_QRCODE,
                let data = zbar.symbolGetData(current)
            {
                let length = Int(zbar.symbolGetDataLength(current))
                // Use the explicit length: binary payloads may contain NUL bytes.
                let bytes = UnsafeRawBufferPointer(start: data, count: length)
                payloads.append(String(decoding: bytes, as: UTF8.self))
            }
            symbol = zbar.symbolNext(current)
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
