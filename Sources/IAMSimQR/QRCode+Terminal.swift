// MARK: - Terminal rendering

extension QRCode {
    /// Renders the code with Unicode half blocks, two module rows per text line and one
    /// text column per module, surrounded by `quietZone` modules of light margin.
    ///
    /// ## Why light modules are drawn by default
    /// A scanner expects *dark* modules on a *light* background. In a terminal only the
    /// glyph ("ink") takes the foreground colour; a space shows the background colour.
    /// Most terminals use a dark background with light text, so the ink is the light
    /// colour. To get the right polarity we therefore draw the **light** modules (and
    /// the quiet zone) as ink, and leave the dark modules as blank background. Drawing
    /// the dark modules as ink would produce a colour-inverted code that many phone
    /// scanners refuse to read.
    ///
    /// Pass `inverted: true` for light-background terminals (dark ink): then the dark
    /// modules are drawn as ink and the quiet zone is blank.
    ///
    /// ## Layout
    /// Each character covers one module column and two module rows:
    /// `█` both halves ink, `▀` top half only, `▄` bottom half only, space neither.
    /// The matrix including its quiet zone is `size + 2 * quietZone` modules high, which
    /// is always odd, so the last line's bottom half lies below the matrix and is drawn
    /// as light (it simply extends the bottom quiet zone by half a row).
    ///
    /// Every line has exactly `size + 2 * quietZone` characters (spaces are significant
    /// and are never trimmed); lines are separated by `"\n"` with no trailing newline.
    /// There are `(size + 2 * quietZone + 1) / 2` lines.
    ///
    /// - Parameters:
    ///   - quietZone: Light margin in modules on each side; negative values count as 0.
    ///     The QR spec asks for 4, but 2 is enough for phone cameras and keeps a
    ///     version-10 code within 61 columns.
    ///   - inverted: `true` for terminals that show dark text on a light background.
    /// - Returns: The rendering, ready to `print`.
    public func terminalText(quietZone: Int = 2, inverted: Bool = false) -> String {
        let margin = max(0, quietZone)
        let span = size + 2 * margin
        var lines: [String] = []
        lines.reserveCapacity((span + 1) / 2)

        for top in stride(from: 0, to: span, by: 2) {
            var line = ""
            line.unicodeScalars.reserveCapacity(span)
            for column in 0..<span {
                let upper = isInk(x: column - margin, y: top - margin, inverted: inverted)
                let lower = isInk(x: column - margin, y: top + 1 - margin, inverted: inverted)
                line.unicodeScalars.append(Self.glyph(upper: upper, lower: lower))
            }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }

    // MARK: Helpers

    /// Whether the module at matrix coordinates (which may lie in the quiet zone or
    /// below the matrix) is drawn with the terminal's foreground colour.
    private func isInk(x: Int, y: Int, inverted: Bool) -> Bool {
        // Out-of-range coordinates are light (see `isDark`), so the quiet zone follows
        // the same rule as light modules.
        inverted ? isDark(x: x, y: y) : !isDark(x: x, y: y)
    }

    /// Half-block glyph for one character cell.
    private static func glyph(upper: Bool, lower: Bool) -> Unicode.Scalar {
        switch (upper, lower) {
        case (true, true): return "\u{2588}"  // █ full block
        case (true, false): return "\u{2580}"  // ▀ upper half block
        case (false, true): return "\u{2584}"  // ▄ lower half block
        case (false, false): return " "
        }
    }
}
