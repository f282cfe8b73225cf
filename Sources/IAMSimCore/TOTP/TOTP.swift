import Crypto
import Foundation

/// RFC 6238 time-based one-time passwords.
///
/// The defaults (HMAC-SHA1, 30-second steps from T0 = 0, 6 digits) are what AWS virtual MFA
/// devices use; the other parameters exist because an authenticator app honours whatever an
/// `otpauth://` URI asks for. Pure: every function takes the time or the step.
public struct TOTP: Sendable, Hashable {
    /// The HMAC hash function of the code.
    public enum Algorithm: String, Sendable, Codable, CaseIterable {
        case sha1 = "SHA1"
        case sha256 = "SHA256"
        case sha512 = "SHA512"
    }

    /// AWS's step length in seconds.
    public static let awsPeriod: Int64 = 30

    public let secret: [UInt8]
    public let digits: Int
    public let period: Int64
    public let algorithm: Algorithm

    public init(secret: [UInt8], digits: Int = 6, period: Int64 = TOTP.awsPeriod, algorithm: Algorithm = .sha1) {
        self.secret = secret
        self.digits = digits
        self.period = period
        self.algorithm = algorithm
    }

    /// A generator for a base32 seed, or nil when the seed is not base32 an encoder could
    /// have written (`Base32.problem(in:)`).
    public init?(
        base32Secret: String, digits: Int = 6, period: Int64 = TOTP.awsPeriod, algorithm: Algorithm = .sha1
    ) {
        guard let bytes = Base32.decode(base32Secret) else { return nil }
        self.init(secret: bytes, digits: digits, period: period, algorithm: algorithm)
    }

    /// A generator for a seed iamsim stored earlier, decoded as when it was stored
    /// (`Base32.decodeStored`): a device or authenticator account made before seed lengths
    /// were checked keeps its key. Nil only for a damaged seed.
    public init?(
        storedBase32Secret: String, digits: Int = 6, period: Int64 = TOTP.awsPeriod, algorithm: Algorithm = .sha1
    ) {
        guard let bytes = Base32.decodeStored(storedBase32Secret) else { return nil }
        self.init(secret: bytes, digits: digits, period: period, algorithm: algorithm)
    }

    /// The time step that contains `date`: ⌊unix seconds / period⌋.
    public static func step(at date: Date, period: Int64 = TOTP.awsPeriod) -> Int64 {
        Int64((date.timeIntervalSince1970 / Double(period)).rounded(.down))
    }

    /// Seconds left before the step containing `date` ends (1…period).
    public static func secondsRemaining(at date: Date, period: Int64 = TOTP.awsPeriod) -> Int {
        let seconds = Int64(date.timeIntervalSince1970.rounded(.down))
        return Int(period - ((seconds % period) + period) % period)
    }

    /// The step of this generator that contains `date`.
    public func step(at date: Date) -> Int64 {
        Self.step(at: date, period: period)
    }

    /// The code for a time step (RFC 4226 HOTP with the step as counter).
    public func code(atStep step: Int64) -> String {
        let value = String(value(atStep: step, key: SymmetricKey(data: secret)))
        return String(repeating: "0", count: digits - value.count) + value
    }

    /// The codes of every step in `steps`, as numbers (a code is its number, zero-padded):
    /// one key for the whole batch, for searching far from now to explain a refusal.
    public func values(atSteps steps: ClosedRange<Int64>) -> [UInt32] {
        let key = SymmetricKey(data: secret)
        return steps.map { value(atStep: $0, key: key) }
    }

    /// The code for a time step as a number below 10^digits.
    func value(atStep step: Int64, key: SymmetricKey) -> UInt32 {
        let counter = withUnsafeBytes(of: UInt64(bitPattern: step).bigEndian) { Array($0) }
        let mac: [UInt8] =
            switch algorithm {
            case .sha1: Array(HMAC<Insecure.SHA1>.authenticationCode(for: counter, using: key))
            case .sha256: Array(HMAC<SHA256>.authenticationCode(for: counter, using: key))
            case .sha512: Array(HMAC<SHA512>.authenticationCode(for: counter, using: key))
            }
        let offset = Int(mac[mac.count - 1] & 0x0F)
        let truncated =
            UInt32(mac[offset] & 0x7F) << 24 | UInt32(mac[offset + 1]) << 16
            | UInt32(mac[offset + 2]) << 8 | UInt32(mac[offset + 3])
        var modulus: UInt32 = 1
        for _ in 0..<digits { modulus &*= 10 }
        return truncated % modulus
    }

    /// The code at `date`.
    public func code(at date: Date) -> String {
        code(atStep: step(at: date))
    }

    /// Whether `candidate` is the code for `step`, compared in constant time.
    public func matches(_ candidate: String, atStep step: Int64) -> Bool {
        ConstantTime.equals(Array(candidate.utf8), Array(code(atStep: step).utf8))
    }
}
