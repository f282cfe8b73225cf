import Testing

@testable import IAMSimApp
@testable import IAMSimQR

@Suite("A device's QR image")
struct QRImageTests {
    static let uri =
        "otpauth://totp/Amazon%20Web%20Services:phone@123456789012?secret=JBSWY3DPEHPK3PXP&issuer=Amazon%20Web%20Services"

    @Test("the PNG is drawn up front only when asked for, and the same PNG either way")
    func pngOnDemand() throws {
        let lazy = try QRImage(uri: Self.uri, drawingPNG: false)
        let eager = try QRImage(uri: Self.uri, drawingPNG: true)
        #expect(lazy.png == nil)
        let drawn = try #require(eager.png)
        #expect(lazy.pngBytes == drawn)
        #expect(drawn == (try QRCode.encode(Self.uri).png()))
        #expect(Array(drawn.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
    }
}
