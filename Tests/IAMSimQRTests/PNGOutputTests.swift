import Testing

@testable import IAMSimQR

@Suite("PNG output")
struct PNGOutputTests {
    @Test(
        "Signature and IHDR describe an 8-bit gray image of the expected size",
        arguments: [(8, 4), (1, 0), (3, 2)])
    func header(scale: Int, quietZone: Int) throws {
        let code = try QRCode.encode(Fixtures.otpauthURI)
        let png = try code.png(scale: scale, quietZone: quietZone)
        let side = UInt32((code.size + 2 * quietZone) * scale)

        #expect(Array(png.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        #expect(readUInt32(png, at: 8) == 13)  // IHDR length
        #expect(Array(png[12..<16]) == Array("IHDR".utf8))
        #expect(readUInt32(png, at: 16) == side)  // width
        #expect(readUInt32(png, at: 20) == side)  // height
        #expect(png[24] == 8)  // bit depth
        #expect(png[25] == 0)  // colour type: grayscale
        #expect(Array(png.suffix(8).prefix(4)) == Array("IEND".utf8))
    }

    @Test("Pixels are exactly the modules, scaled, on a white quiet zone")
    func pixelsMatchModules() throws {
        let code = try QRCode.encode("pixel check")
        let scale = 3
        let quietZone = 4
        let image = try PNGCodec.decodeGray(
            code.png(scale: scale, quietZone: quietZone),
            maximumDimension: 8192)
        for py in 0..<image.height {
            for px in 0..<image.width {
                let dark = code.isDark(x: px / scale - quietZone, y: py / scale - quietZone)
                #expect(image.pixels[py * image.width + px] == (dark ? 0 : 255))
            }
        }
    }

    @Test(
        "Out-of-range rendering parameters are refused",
        arguments: [(0, 4), (-1, 4), (65, 4), (8, -1), (8, 65)])
    func invalidParameters(scale: Int, quietZone: Int) throws {
        let code = try QRCode.encode("x")
        #expect(throws: QRCodeError.invalidRenderingParameters) {
            try code.png(scale: scale, quietZone: quietZone)
        }
    }
}
