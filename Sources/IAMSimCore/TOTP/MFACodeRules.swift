/// Which codes a virtual MFA device accepts, and when.
///
/// AWS publishes no windows; these are iamsim's documented choices (docs/totp.md):
/// - activation and resync take two adjacent codes, steps `s` and `s + 1`, with `s + 1` at most
///   one step ahead of now and at most ten steps behind;
/// - sign-in takes a code within one step of now (shifted by the drift a resync recorded) and
///   never a step at or before the last one the device accepted, so no code works twice.
public enum MFACodeRules {
    /// How far `s + 1` may lag behind now when pairing codes (activation, resync).
    public static let pairLookBehind: Int64 = 10
    /// How far `s + 1` may run ahead of now when pairing codes.
    public static let pairLookAhead: Int64 = 1
    /// Steps either side of the expected step that sign-in accepts.
    public static let signInWindow: Int64 = 1

    /// Whether `code` has the shape AWS requires: exactly six ASCII digits.
    public static func isWellFormed(_ code: String) -> Bool {
        code.utf8.count == 6 && code.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }

    /// The step of `code2` when `code1`, `code2` are the codes of two adjacent steps near `now`.
    ///
    /// - Throws: `IAMError.invalidAuthenticationCode` for a malformed, wrong, identical or
    ///   non-adjacent pair, or one outside the window.
    public static func consecutivePairStep(
        code1: String, code2: String, totp: TOTP, nowStep: Int64
    ) throws(IAMError) -> Int64 {
        guard isWellFormed(code1), isWellFormed(code2), code1 != code2 else { throw .invalidMFACodes }
        // Newest first: when two pairs match (a one-in-a-million collision) the recent one wins.
        var found: Int64?
        for second in stride(from: nowStep + pairLookAhead, through: nowStep - pairLookBehind, by: -1) {
            let pairMatches = totp.matches(code1, atStep: second - 1) && totp.matches(code2, atStep: second)
            if pairMatches, found == nil { found = second }
        }
        guard let found else { throw .invalidMFACodes }
        return found
    }

    /// The step at which `code` signs in, or nil when it is wrong, outside the window or replayed.
    public static func signInStep(
        code: String, totp: TOTP, nowStep: Int64, drift: Int64, lastAcceptedStep: Int64?
    ) -> Int64? {
        guard isWellFormed(code) else { return nil }
        let expected = nowStep + drift
        var found: Int64?
        for step in (expected - signInWindow)...(expected + signInWindow) where totp.matches(code, atStep: step) {
            if let last = lastAcceptedStep, step <= last { continue }
            found = step
        }
        return found
    }
}
