import Testing

@testable import IAMSimQR

@Suite("Errors")
struct ErrorTests {
    // MARK: Encoding

    @Test("Empty, NUL-containing and oversized text are refused")
    func encodingErrors() {
        #expect(throws: QRCodeError.emptyText) { try QRCode.encode("") }
        #expect(throws: QRCodeError.textContainsNUL) { try QRCode.encode("a\u{0}b") }
        // Version 40-M holds 2331 bytes in 8-bit mode.
        #expect(throws: QRCodeError.textTooLong) {
            try QRCode.encode(String(repeating: "x", count: 2332))
        }
    }

    @Test("The largest payload at level M still encodes as version 40")
    func largestPayload() throws {
        let code = try QRCode.encode(String(repeating: "x", count: 2331))
        #expect(code.version == 40)
        #expect(code.size == 177)
    }

    // MARK: Decoding

    @Test("Empty data is not a PNG")
    func emptyData() {
        #expect(throws: QRCodeError.notAPNG("the data is empty")) {
            try QRScanner.decode(png: [])
        }
    }

    @Test("Garbage bytes are not a PNG")
    func garbage() {
        let garbage = Array("this is definitely not an image, just some text".utf8)
        #expect(throws: QRCodeError.notAPNG("missing PNG signature")) {
            try QRScanner.decode(png: garbage)
        }
        #expect(throws: QRCodeError.notAPNG("missing PNG signature")) {
            try QRScanner.decode(png: Array(PNGCodec.signature.prefix(7)))
        }
    }

    @Test("Truncated PNGs are reported as damaged", arguments: [8, 20, 33, 60, 0.5, 0.9] as [Double])
    func truncated(cut: Double) throws {
        let png = try QRCode.encode(Fixtures.otpauthURI).png()
        let length = cut < 1 ? Int(Double(png.count) * cut) : Int(cut)
        let error = #expect(throws: QRCodeError.self) {
            try QRScanner.decode(png: Array(png.prefix(length)))
        }
        guard case .damagedPNG(let detail) = error else {
            Issue.record("expected damagedPNG, got \(String(describing: error))")
            return
        }
        #expect(!detail.isEmpty)
    }

    @Test("Corrupted pixel data is reported as damaged")
    func corrupted() throws {
        var png = try QRCode.encode(Fixtures.otpauthURI).png()
        // Flip bytes in the middle of IDAT: CRC and/or zlib stream become invalid.
        for index in stride(from: 60, to: png.count - 20, by: 7) { png[index] ^= 0x5A }
        let error = #expect(throws: QRCodeError.self) { try QRScanner.decode(png: png) }
        if case .damagedPNG = error {
        } else {
            Issue.record("expected damagedPNG, got \(String(describing: error))")
        }
    }

    @Test("A valid PNG without a QR code gives noQRCodeFound")
    func noCode() throws {
        let blank = try PNGCodec.encode(gray: .filled(width: 200, height: 200, value: 255))
        #expect(throws: QRCodeError.noQRCodeFound) { try QRScanner.decode(png: blank) }

        var stripes = GrayImage.filled(width: 64, height: 64, value: 255).pixels
        for index in stripes.indices where (index % 64) / 4 % 2 == 0 { stripes[index] = 0 }
        let striped = try PNGCodec.encode(gray: GrayImage(width: 64, height: 64, pixels: stripes))
        #expect(throws: QRCodeError.noQRCodeFound) { try QRScanner.decode(png: striped) }
    }

    @Test("Images beyond the size limit are refused before decoding")
    func tooLarge() throws {
        let wide = try PNGCodec.encode(gray: .filled(width: 9000, height: 1, value: 255))
        #expect(throws: QRCodeError.imageTooLarge(width: 9000, height: 1)) {
            try QRScanner.decode(png: wide)
        }
    }

    // MARK: Messages

    @Test("Every error has a single readable sentence")
    func messages() {
        let errors: [QRCodeError] = [
            .emptyText, .textContainsNUL, .textTooLong, .encodingFailed(errno: 12),
            .invalidRenderingParameters, .pngWriteFailed("x"), .notAPNG("x"),
            .damagedPNG("x"), .imageTooLarge(width: 9000, height: 9000), .noQRCodeFound,
            .scannerFailed,
        ]
        for error in errors {
            #expect(error.message.hasSuffix("."))
            #expect(error.message.first?.isUppercase == true)
        }
        #expect(QRCodeError.notAPNG("x").message == "The file is not a PNG image.")
        #expect(QRCodeError.noQRCodeFound.message == "No QR code was found in the image.")
    }
}
