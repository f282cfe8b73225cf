import Testing

@testable import IAMSimQR

@Suite("Terminal rendering")
struct TerminalTextTests {
    // MARK: Parser

    /// Turns half-block text back into a matrix of ink bits (two rows per line).
    static func inkMatrix(_ text: String) throws -> [[Bool]] {
        var rows: [[Bool]] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var upper: [Bool] = []
            var lower: [Bool] = []
            for scalar in line.unicodeScalars {
                switch scalar {
                case "\u{2588}":
                    upper.append(true)
                    lower.append(true)
                case "\u{2580}":
                    upper.append(true)
                    lower.append(false)
                case "\u{2584}":
                    upper.append(false)
                    lower.append(true)
                case " ":
                    upper.append(false)
                    lower.append(false)
                default: throw ParseError.unexpected(scalar)
                }
            }
            rows += [upper, lower]
        }
        return rows
    }

    enum ParseError: Error { case unexpected(Unicode.Scalar) }

    // MARK: Shape

    @Test(
        "Lines have equal width, the documented count, and fit 80 columns",
        arguments: [0, 1, 2, 4])
    func shape(quietZone: Int) throws {
        let code = try QRCode.encode(Fixtures.otpauthURI)
        for inverted in [false, true] {
            let lines = code.terminalText(quietZone: quietZone, inverted: inverted)
                .split(separator: "\n", omittingEmptySubsequences: false)
            #expect(lines.count == (code.size + 2 * quietZone + 1) / 2)
            #expect(lines.allSatisfy { $0.count == code.size + 2 * quietZone })
            #expect(lines.allSatisfy { $0.unicodeScalars.count == $0.count })
        }
    }

    @Test("The otpauth example fits an 80-column terminal with the default quiet zone")
    func fitsEightyColumns() throws {
        let code = try QRCode.encode(Fixtures.otpauthURI)
        let width = code.terminalText().split(separator: "\n").map(\.count).max() ?? 0
        #expect(width <= 80)
        #expect(width == code.size + 4)
    }

    // MARK: Losslessness

    @Test(
        "Parsing the text back yields exactly the modules, with a light quiet zone",
        arguments: [false, true])
    func lossless(inverted: Bool) throws {
        for text in Fixtures.payloads {
            let code = try QRCode.encode(text)
            let quietZone = 2
            let ink = try Self.inkMatrix(code.terminalText(quietZone: quietZone, inverted: inverted))
            let span = code.size + 2 * quietZone
            #expect(ink.count == span + 1)  // odd span: one padding half-row

            // Default mode draws light as ink; inverted draws dark as ink.
            let parsed = ink.map { row in row.map { inverted ? $0 : !$0 } }
            // Outside the matrix (quiet zone, padding half-row) isDark is false.
            let expected = (0..<ink.count).map { y in
                (0..<span).map { x in code.isDark(x: x - quietZone, y: y - quietZone) }
            }
            #expect(parsed == expected, "terminal text for \(text.prefix(20))… is not lossless")
        }
    }

    @Test("Default mode: quiet zone is ink; inverted: quiet zone is blank")
    func quietZonePolarity() throws {
        let code = try QRCode.encode("polarity")
        let normal = code.terminalText(quietZone: 2)
        let inverted = code.terminalText(quietZone: 2, inverted: true)
        let firstNormal = normal.split(separator: "\n")[0]
        let firstInverted = inverted.split(separator: "\n", omittingEmptySubsequences: false)[0]
        #expect(firstNormal == Substring(String(repeating: "\u{2588}", count: code.size + 4)))
        #expect(firstInverted == Substring(String(repeating: " ", count: code.size + 4)))
    }

    @Test("Negative quiet zone is treated as zero")
    func negativeQuietZone() throws {
        let code = try QRCode.encode("margin")
        #expect(code.terminalText(quietZone: -3) == code.terminalText(quietZone: 0))
    }
}
