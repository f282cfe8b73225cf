/// RFC 4648 base32 (the alphabet `A–Z2–7`), as used by TOTP seeds and `otpauth://` URIs.
public enum Base32 {
    static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".utf8)

    /// What makes text something no base32 encoder writes.
    public enum Problem: Equatable, Sendable {
        /// No base32 characters at all.
        case empty
        /// A character outside `A–Z` and `2–7` (either case), spaces, hyphens and `=`.
        case badCharacter(Character)
        /// A count of base32 characters (spaces, hyphens and padding aside) that leaves 1, 3 or
        /// 6 after dividing by 8. Every 5 bytes become 8 characters and a last 1, 2, 3 or 4
        /// bytes become 2, 4, 5 or 7, so such a text lost or gained a character.
        case impossibleLength(Int)
        /// `=` that is followed by other characters, or that does not complete a group of 8.
        case badPadding

        /// What a fixture or a typed secret is told after "must be base32 (A-Z, 2-7)"; nil
        /// when that says it all.
        public var detail: String? {
            switch self {
            case .empty, .badCharacter: nil
            case .impossibleLength(let count):
                "no encoder writes \(count) characters (a character is missing or extra; AWS's seeds have 64)"
            case .badPadding: "'=' padding may only end the text, completing a group of 8 characters"
            }
        }
    }

    /// Encodes `bytes` without padding (AWS seeds are 40 bytes, exactly 64 characters).
    public static func encode(_ bytes: [UInt8]) -> String {
        var output: [UInt8] = []
        output.reserveCapacity((bytes.count * 8 + 4) / 5)
        var buffer: UInt32 = 0
        var bits = 0
        for byte in bytes {
            buffer = (buffer << 8) | UInt32(byte)
            bits += 8
            while bits >= 5 {
                output.append(alphabet[Int((buffer >> UInt32(bits - 5)) & 0x1F)])
                bits -= 5
            }
        }
        if bits > 0 {
            output.append(alphabet[Int((buffer << UInt32(5 - bits)) & 0x1F)])
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Why `text` is not base32 an encoder could have written, or nil when it is. Case,
    /// spaces and hyphens are forgiven, as authenticator apps forgive them; `=` padding is
    /// optional, but when present it must complete the last group of 8 (as `oathtool -b`
    /// requires).
    public static func problem(in text: String) -> Problem? {
        var count = 0
        var padding = 0
        for char in text.unicodeScalars {
            if char == " " || char == "-" { continue }
            if char == "=" {
                padding += 1
                continue
            }
            guard value(of: char) != nil else { return .badCharacter(Character(char)) }
            if padding > 0 { return .badPadding }
            count += 1
        }
        guard count > 0 else { return .empty }
        if padding > 0, count % 8 == 0 || (count + padding) % 8 != 0 || padding >= 8 { return .badPadding }
        if [1, 3, 6].contains(count % 8) { return .impossibleLength(count) }
        return nil
    }

    /// Decodes base32 text the way authenticator apps do (case-insensitive, ignoring spaces,
    /// hyphens and `=` padding), or nil when `problem(in:)` finds anything wrong with it.
    public static func decode(_ text: String) -> [UInt8]? {
        guard problem(in: text) == nil else { return nil }
        return decodeStored(text)
    }

    /// Decodes a seed iamsim stored earlier, as it was decoded when stored.
    ///
    /// Before lengths were checked, a seed whose length no encoder writes (such as the
    /// 86-character seed two shipped fixtures carried) was accepted and its last, incomplete
    /// character's bits ignored. Databases still hold such seeds, and the devices and
    /// authenticators made from them must keep their keys. Nil only for characters outside
    /// the alphabet or an empty seed.
    public static func decodeStored(_ text: String) -> [UInt8]? {
        var output: [UInt8] = []
        var buffer: UInt32 = 0
        var bits = 0
        var sawPadding = false
        for char in text.unicodeScalars {
            if char == " " || char == "-" { continue }
            if char == "=" {
                sawPadding = true
                continue
            }
            guard !sawPadding, let value = value(of: char) else { return nil }
            buffer = (buffer << 5) | value
            bits += 5
            if bits >= 8 {
                output.append(UInt8((buffer >> UInt32(bits - 8)) & 0xFF))
                bits -= 8
            }
        }
        return output.isEmpty ? nil : output
    }

    /// `text` itself when it is valid base32; otherwise the valid base32 of the key it was
    /// stored as (`decodeStored`), so that an exported fixture loads again with the same key.
    public static func canonical(_ text: String) -> String {
        guard problem(in: text) != nil, let bytes = decodeStored(text) else { return text }
        return encode(bytes)
    }

    /// The 5-bit value of a base32 character, either case.
    static func value(of char: Unicode.Scalar) -> UInt32? {
        switch char.value {
        case 0x41...0x5A: char.value - 0x41
        case 0x61...0x7A: char.value - 0x61
        case 0x32...0x37: char.value - 0x32 + 26
        default: nil
        }
    }
}
