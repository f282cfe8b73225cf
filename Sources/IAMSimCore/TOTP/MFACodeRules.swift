/// Which codes a virtual MFA device accepts, and when.
///
/// AWS publishes no windows; these are iamsim's documented choices (docs/totp.md):
/// - activation takes two adjacent codes, steps `s` and `s + 1`, with `s + 1` at most one step
///   ahead of now and at most ten steps behind;
/// - resync takes such a pair with `s + 1` up to twenty steps either side of now (RFC 6238 §6
///   lets a verifier search farther to resynchronize than to authenticate), and the distance
///   found becomes the device's drift;
/// - sign-in takes a code within one step of now shifted by the drift, and never a step at or
///   before the last one the device accepted, so no code works twice.
///
/// Codes are compared as typed once whitespace is removed (`normalized`): apps show `123 456`.
public enum MFACodeRules {
    /// How far `s + 1` may lag behind now when activating a device.
    public static let pairLookBehind: Int64 = 10
    /// How far `s + 1` may run ahead of now when activating a device.
    public static let pairLookAhead: Int64 = 1
    /// How far `s + 1` may be from now, either way, when resynchronizing a device.
    public static let resyncReach: Int64 = 20
    /// Steps either side of the expected step that sign-in accepts.
    public static let signInWindow: Int64 = 1
    /// How far either side of now a refused pair is looked for, only to explain the refusal:
    /// two hours, so a phone an hour off (daylight saving time set by hand) is recognized,
    /// for a few hundred HMACs on a refusal.
    static let explanationReach: Int64 = 240

    /// The offsets from now at which activation (`EnableMFADevice`) accepts the step of code 2.
    public static let activationWindow: ClosedRange<Int64> = -pairLookBehind...pairLookAhead
    /// The offsets from now at which `ResyncMFADevice` accepts the step of code 2.
    public static let resyncWindow: ClosedRange<Int64> = -resyncReach...resyncReach

    // MARK: - Shape

    /// `code` without any whitespace: `" 123 456 "` is `"123456"`.
    public static func normalized(_ code: String) -> String {
        String(String.UnicodeScalarView(code.unicodeScalars.filter { !$0.properties.isWhitespace }))
    }

    /// Whether `code` has the shape AWS requires: exactly six ASCII digits.
    public static func isWellFormed(_ code: String) -> Bool {
        code.utf8.count == 6 && code.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }

    /// Both codes of a pair, normalized, once they have `authenticationCodeType`'s shape.
    ///
    /// - Throws: `IAMError.validationError` in AWS's words, listing every violation of both
    ///   codes: `1 validation error detected: Value 'abc' at 'authenticationCode1' failed to
    ///   satisfy constraint: Member must satisfy regular expression pattern: [\d]+`.
    public static func validatedPair(_ code1: String, _ code2: String) throws(IAMError) -> (String, String) {
        let first = normalized(code1)
        let second = normalized(code2)
        let violations =
            self.violations(first, member: "Value '\(first)' at 'authenticationCode1'")
            + self.violations(second, member: "Value '\(second)' at 'authenticationCode2'")
        if let message = PasswordPolicy.validationMessage(violations) { throw .validationError(message) }
        return (first, second)
    }

    /// A console sign-in code, normalized, once it has the shape of a code.
    ///
    /// The value is not echoed (`Value at 'mfaCode'`): a password typed into the code prompt
    /// by mistake must not be printed.
    /// - Throws: `IAMError.validationError`, as `validatedPair` words it.
    public static func validatedSignInCode(_ code: String) throws(IAMError) -> String {
        let normalized = normalized(code)
        if let message = PasswordPolicy.validationMessage(violations(normalized, member: "Value at 'mfaCode'")) {
            throw .validationError(message)
        }
        return normalized
    }

    /// STS `GetSessionToken`'s `TokenCode`, normalized, once it has the shape of a code.
    ///
    /// - Throws: `IAMError.validationError` in AWS's words for `tokenCode` (the value echoed,
    ///   as AWS's validation messages do; a code is no secret once typed).
    public static func validatedTokenCode(_ code: String) throws(IAMError) -> String {
        let normalized = normalized(code)
        let member = "Value '\(normalized)' at 'tokenCode'"
        if let message = PasswordPolicy.validationMessage(violations(normalized, member: member)) {
            throw .validationError(message)
        }
        return normalized
    }

    /// `authenticationCodeType`'s constraints (length 6 to 6, pattern `[\d]+`) that `code`
    /// breaks, each as AWS words it after `member`. Length counts UTF-16 units, as AWS's Java
    /// validators do; `\d` is ASCII digits only.
    static func violations(_ code: String, member: String) -> [String] {
        let prefix = "\(member) failed to satisfy constraint: Member must"
        var violations: [String] = []
        let length = code.utf16.count
        if length < 6 { violations.append("\(prefix) have length greater than or equal to 6") }
        if length > 6 { violations.append("\(prefix) have length less than or equal to 6") }
        if code.isEmpty || !code.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
            violations.append(#"\#(prefix) satisfy regular expression pattern: [\d]+"#)
        }
        return violations
    }

    // MARK: - Pairs (activation, resync)

    /// The verdict on `code1`, `code2` as the codes of two adjacent steps, with code 2's step
    /// at an offset from `nowStep` within `window`.
    ///
    /// - Parameters:
    ///   - window: `activationWindow` or `resyncWindow`.
    ///   - lastAcceptedStep: the newest step the device accepted; a pair at or before it is
    ///     `alreadyUsed`.
    ///   - explaining: whether to search farther to tell `tooFarFromNow` and `notConsecutive`
    ///     from `wrong` (two hours either side, on refusals only).
    public static func checkPair(
        code1: String, code2: String, totp: TOTP, nowStep: Int64, window: ClosedRange<Int64>, lastAcceptedStep: Int64?,
        explaining: Bool = true
    ) -> CodeCheck {
        guard isWellFormed(code1), isWellFormed(code2) else { return .refused(.wrong) }
        guard code1 != code2 else { return .refused(.identical) }
        // Newest first: when two pairs match (a one-in-a-million collision) the recent one wins.
        for offset in window.reversed() {
            let second = nowStep + offset
            guard totp.matches(code1, atStep: second - 1), totp.matches(code2, atStep: second) else { continue }
            // Codes the device already spent (at activation, resync or sign-in) never count again.
            if let last = lastAcceptedStep, second - 1 <= last { return .refused(.alreadyUsed) }
            return .accepted(step: second)
        }
        guard explaining else { return .refused(.wrong) }
        return .refused(explainPair(code1: code1, code2: code2, totp: totp, nowStep: nowStep))
    }

    /// Why a pair of well-formed codes found nowhere in its window was refused.
    static func explainPair(code1: String, code2: String, totp: TOTP, nowStep: Int64) -> CodeRefusal {
        guard let value1 = UInt32(code1), let value2 = UInt32(code2) else { return .wrong }
        var firsts: Set<Int64> = []
        var seconds: Set<Int64> = []
        let range = (nowStep - explanationReach)...(nowStep + explanationReach)
        for (step, value) in zip(range, totp.values(atSteps: range)) {
            if value == value1 { firsts.insert(step) }
            if value == value2 { seconds.insert(step) }
        }
        let pairs = firsts.map { $0 + 1 }.filter(seconds.contains)
        if let nearest = pairs.min(by: { abs($0 - nowStep) < abs($1 - nowStep) }) {
            return .tooFarFromNow(steps: nearest - nowStep)
        }
        // Both codes near now, but not a pair. Farther out, one code matching by chance
        // (one in a million per step) would be a likelier story than a skipped code.
        let near = (nowStep - resyncReach)...(nowStep + resyncReach)
        if firsts.contains(where: near.contains), seconds.contains(where: near.contains) { return .notConsecutive }
        return .wrong
    }

    // MARK: - Sign-in

    /// The verdict on a sign-in `code`: accepted within `signInWindow` of now + `drift`,
    /// unless at or before `lastAcceptedStep`.
    ///
    /// - Parameter explaining: whether to look up to `resyncReach` steps farther to tell
    ///   `tooFarFromNow` (and older `alreadyUsed` codes) from `wrong`.
    public static func checkSignIn(
        code: String, totp: TOTP, nowStep: Int64, drift: Int64, lastAcceptedStep: Int64?, explaining: Bool = true
    ) -> CodeCheck {
        guard isWellFormed(code) else { return .refused(.wrong) }
        let expected = nowStep + drift
        var found: Int64?
        var used = false
        for step in (expected - signInWindow)...(expected + signInWindow) where totp.matches(code, atStep: step) {
            if let last = lastAcceptedStep, step <= last {
                used = true
                continue
            }
            found = step
        }
        if let found { return .accepted(step: found) }
        if used { return .refused(.alreadyUsed) }
        guard explaining else { return .refused(.wrong) }
        // Nearest first; farther than a resync reaches, a match is likelier chance than drift.
        for distance in (signInWindow + 1)...resyncReach {
            for step in [expected + distance, expected - distance] where totp.matches(code, atStep: step) {
                if let last = lastAcceptedStep, step <= last { return .refused(.alreadyUsed) }
                return .refused(.tooFarFromNow(steps: step - expected))
            }
        }
        return .refused(.wrong)
    }
}
