import CPNG
import Foundation
import Testing

@testable import IAMSimQR

@Suite("Encode → PNG → decode")
struct RoundTripTests {
    // MARK: Own decoder

    @Test("QRScanner reads back exactly what was encoded", arguments: Fixtures.payloads)
    func roundTrip(text: String) throws {
        let png = try QRCode.encode(text).png()
        #expect(try QRScanner.decode(png: png) == [text])
    }

    @Test("Scale 2 with a 2-module quiet zone still round-trips")
    func minimalRendering() throws {
        // The smallest rendering the simulator would reasonably show.
        let png = try QRCode.encode(Fixtures.otpauthURI).png(scale: 2, quietZone: 2)
        #expect(try QRScanner.decode(png: png) == [Fixtures.otpauthURI])
    }

    // MARK: Independent tools

    @Test("zbarimg reads our PNG", .enabled(if: Tool.hasZbarimg), arguments: Fixtures.payloads.prefix(3))
    func zbarimgReadsOurPNG(text: String) throws {
        let file = try Tool.temporaryFile("code.png")
        try Data(QRCode.encode(text).png()).write(to: file)
        let result = try Tool.run(Tool.zbarimg, ["--raw", "-q", file.path])
        #expect(result.status == 0)
        #expect(String(decoding: result.stdout, as: UTF8.self) == text + "\n")
    }

    @Test("QRScanner reads a palette PNG from the qrencode tool", .enabled(if: Tool.hasQrencode))
    func readsQrencodePalettePNG() throws {
        let file = try Tool.temporaryFile("qrencode.png")
        let run = try Tool.run(Tool.qrencode, ["-o", file.path, Fixtures.otpauthURI])
        #expect(run.status == 0)
        let png = try [UInt8](Data(contentsOf: file))
        #expect(try QRScanner.decode(png: png) == [Fixtures.otpauthURI])
    }

    @Test("QRScanner reads an RGBA PNG from the qrencode tool", .enabled(if: Tool.hasQrencode))
    func readsQrencodeRGBAPNG() throws {
        let file = try Tool.temporaryFile("qrencode32.png")
        let run = try Tool.run(Tool.qrencode, ["-t", "PNG32", "-o", file.path, Fixtures.otpauthURI])
        #expect(run.status == 0)
        let png = try [UInt8](Data(contentsOf: file))
        #expect(try QRScanner.decode(png: png) == [Fixtures.otpauthURI])
    }

    // MARK: Other PNG flavours

    @Test("RGB, RGBA with transparent background and 16-bit gray PNGs decode")
    func otherPixelFormats() throws {
        let code = try QRCode.encode(Fixtures.otpauthURI)
        let gray = try PNGCodec.decodeGray(code.png(scale: 4), maximumDimension: 8192)

        let rgb = gray.pixels.flatMap { [$0, $0, $0] }
        // Dark modules opaque black, light pixels fully transparent: must composite on white.
        let rgba = gray.pixels.flatMap { $0 == 0 ? [0, 0, 0, 255] : [0, 0, 0, 0] as [UInt8] }
        let gray16 = gray.pixels.map { UInt16($0) * 257 }

        let pngs = try [
            PNGCodec.encode(
                samples: rgb, width: gray.width, height: gray.height,
                format: png_uint_32(PNG_FORMAT_RGB)),
            PNGCodec.encode(
                samples: rgba, width: gray.width, height: gray.height,
                format: png_uint_32(PNG_FORMAT_RGB | PNG_FORMAT_FLAG_ALPHA)),
            PNGCodec.encode(
                samples: gray16, width: gray.width, height: gray.height,
                format: png_uint_32(PNG_FORMAT_LINEAR_Y)),
        ]
        for png in pngs {
            #expect(try QRScanner.decode(png: png) == [Fixtures.otpauthURI])
        }
    }

    @Test("Two codes in one image are both returned")
    func twoCodes() throws {
        let first = try PNGCodec.decodeGray(
            QRCode.encode("first-code").png(scale: 4),
            maximumDimension: 8192)
        let second = try PNGCodec.decodeGray(
            QRCode.encode("second-code").png(scale: 4),
            maximumDimension: 8192)
        #expect(first.height == second.height)
        var pixels: [UInt8] = []
        for row in 0..<first.height {
            pixels += first.pixels[row * first.width..<(row + 1) * first.width]
            pixels += second.pixels[row * second.width..<(row + 1) * second.width]
        }
        let combined = GrayImage(width: first.width + second.width, height: first.height, pixels: pixels)
        let found = try QRScanner.decode(png: PNGCodec.encode(gray: combined))
        #expect(found.sorted() == ["first-code", "second-code"])
    }
}
