/// RFC 4648 base32 (the alphabet `A–Z2–7`), as used by TOTP seeds and `otpauth://` URIs.
public enum Base32 {
    static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".utf8)

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

    /// Decodes base32 text the way authenticator apps do: case-insensitive, ignoring spaces,
    /// hyphens and trailing `=` padding. Returns nil for any other character or an empty seed.
    public static func decode(_ text: String) -> [UInt8]? {
        var output: [UInt8] = []
        var buffer: UInt32 = 0
        var bits = 0
        var sawPadding = false
        for char in text.utf8 {
            if char == 0x20 || char == 0x2D { continue }
            if char == 0x3D { sawPadding = true; continue }
            if sawPadding { return nil }
            let value: UInt32
            switch char {
            case 0x41...0x5A: value = UInt32(char - 0x41)
            case 0x61...0x7A: value = UInt32(char - 0x61)
            case 0x32...0x37: value = UInt32(char - 0x32 + 26)
            default: return nil
            }
            buffer = (buffer << 5) | value
            bits += 5
            if bits >= 8 {
                output.append(UInt8((buffer >> UInt32(bits - 8)) & 0xFF))
                bits -= 8
            }
        }
        return output.isEmpty ? nil : output
    }
}
