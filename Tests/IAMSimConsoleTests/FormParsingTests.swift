import Foundation
import IAMSimCore
import Testing

@testable import IAMSimConsole

/// The bodies browsers send: URL-encoded forms and multipart uploads, taken apart without ever
/// trapping on a malformed one.
@Suite("Console: form bodies")
struct FormParsingTests {
    @Test("URL-encoded fields: plus is a space, escapes decoded, the last repeat wins, bad escapes kept")
    func urlEncoded() {
        let fields = FormDecoding.urlEncoded("a=1+2&b=%41%2B&a=3&c&=x&d=%zz&e=caf%C3%A9")
        #expect(fields == ["a": "3", "b": "A+", "c": "", "d": "%zz", "e": "café"])
    }

    @Test("a multipart body gives its fields and its file, bytes intact")
    func multipart() throws {
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0xFF, 0x0D, 0x0A]
        var body = Array("--XyZ\r\nContent-Disposition: form-data; name=\"label\"\r\n\r\nmy phone\r\n".utf8)
        body += Array(
            "--XyZ\r\nContent-Disposition: form-data; name=\"qr\"; filename=\"q.png\"\r\nContent-Type: image/png\r\n\r\n"
                .utf8)
        body += png + Array("\r\n--XyZ--\r\n".utf8)
        #expect(MultipartForm.boundary(contentType: "multipart/form-data; boundary=XyZ") == "XyZ")
        #expect(MultipartForm.boundary(contentType: "multipart/form-data; boundary=\"XyZ\"") == "XyZ")
        #expect(MultipartForm.boundary(contentType: "application/x-www-form-urlencoded") == nil)
        let form = try #require(MultipartForm(body: body, boundary: "XyZ"))
        #expect(form.fields == ["label": "my phone"])
        #expect(form.files["qr"] == UploadedFile(fileName: "q.png", contentType: "image/png", bytes: png))
    }

    @Test(
        "malformed multipart bodies are refused, never a crash",
        arguments: [
            "", "--B", "--B--", "--B\r\n--B--", "--B\r\n\r\n--B--",
            "--B\r\nContent-Disposition: form-data\r\n\r\nx\r\n--B--",
            "--B\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nx\r\n--B", "--B\r\n--B\r\n--B--", "\r\n--B\r\n",
        ])
    func malformed(_ text: String) {
        #expect(MultipartForm(body: Array(text.utf8), boundary: "B") == nil)
    }

    @Test("random bytes around boundaries never trap the parser")
    func fuzz() {
        let random = RandomSource.seeded(42)
        let pieces = [
            "--B", "\r\n", "--", "Content-Disposition: form-data; name=\"a\"", "\r\n\r\n", "x", "B", "\"", ";",
        ]
        for _ in 0..<2_000 {
            let count = Int(random.bytes(1)[0] % 12)
            let text = (0..<count).map { _ in pieces[Int(random.bytes(1)[0]) % pieces.count] }.joined()
            _ = MultipartForm(body: Array(text.utf8) + random.bytes(Int(random.bytes(1)[0] % 4)), boundary: "B")
            _ = FormDecoding.urlEncoded(text)
        }
    }
}
