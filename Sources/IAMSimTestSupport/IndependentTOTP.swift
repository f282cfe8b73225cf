import Crypto
import Foundation

/// An RFC 6238 implementation independent of iamsim's, for computing the codes a phone shows.
public enum IndependentTOTP {
    /// The 6-digit code of the base32 `seed` at `unixTime` (30-second steps, HMAC-SHA1).
    public static func code(base32 seed: String, unixTime: Int64) -> String {
        let key = decodeBase32(seed)
        var counter = UInt64(unixTime / 30).bigEndian
        let message = Data(bytes: &counter, count: 8)
        let mac = Array(HMAC<Insecure.SHA1>.authenticationCode(for: message, using: SymmetricKey(data: key)))
        let offset = Int(mac[19] & 0x0f)
        let value =
            (UInt32(mac[offset]) & 0x7f) << 24 | UInt32(mac[offset + 1]) << 16 | UInt32(mac[offset + 2]) << 8
            | UInt32(mac[offset + 3])
        return String(format: "%06u", value % 1_000_000)
    }

    /// The bytes of base32 `text` (RFC 4648 alphabet; other characters skipped).
    public static func decodeBase32(_ text: String) -> [UInt8] {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
        var bits = ""
        for char in text.uppercased() {
            guard let index = alphabet.firstIndex(of: char) else { continue }
            let binary = String(index, radix: 2)
            bits += String(repeating: "0", count: 5 - binary.count) + binary
        }
        var bytes: [UInt8] = []
        var index = bits.startIndex
        while bits.distance(from: index, to: bits.endIndex) >= 8 {
            let next = bits.index(index, offsetBy: 8)
            bytes.append(UInt8(bits[index..<next], radix: 2) ?? 0)
            index = next
        }
        return bytes
    }
}
