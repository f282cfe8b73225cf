import Foundation
import IAMSimMacros

/// The account password policy for IAM users, in AWS's `PasswordPolicy` shape
/// (`GetAccountPasswordPolicy`, `UpdateAccountPasswordPolicy`).
///
/// The policy governs IAM users' console passwords only: AWS applies no password policy to
/// the root user and none to access keys. Length and character rules are checked when a
/// password is set; expiry applies to passwords already set, from their last change.
@MemberwiseInit
public struct PasswordPolicy: Hashable, Sendable {
    // MARK: AWS's bounds

    /// `MinimumPasswordLength`'s allowed values.
    public static let minimumPasswordLengthRange: ClosedRange<Int> = 6...128
    /// `MaxPasswordAge`'s allowed values, in days.
    public static let maxPasswordAgeRange: ClosedRange<Int> = 1...1095
    /// `PasswordReusePrevention`'s allowed values: how many earlier passwords are remembered.
    public static let passwordReusePreventionRange: ClosedRange<Int> = 1...24
    /// The length of any password AWS accepts (`passwordType`), policy or not.
    public static let passwordLengthRange: ClosedRange<Int> = 1...128

    /// The symbols `RequireSymbols` asks for, exactly AWS's list: `! @ # $ % ^ & * ( ) _ + - = [ ] { } | '`.
    /// Other punctuation (`~`, `.`, `,`, `?`…) is allowed in a password but does not count as a symbol.
    public static let symbols: Set<Unicode.Scalar> = Set("!@#$%^&*()_+-=[]{}|'".unicodeScalars)

    /// AWS's message for every `PasswordPolicyViolation`. The API names no rule: the same
    /// sentence answers a short password, a missing symbol or a reused password.
    public static let violationMessage = "Password does not conform to the account password policy."

    // MARK: Settings

    // The initial values are AWS's for an omitted parameter: `UpdateAccountPasswordPolicy` is
    // not a partial update, so whatever a caller leaves out falls back to them.

    public var minimumPasswordLength: Int = 6
    public var requireSymbols: Bool = false
    public var requireNumbers: Bool = false
    public var requireUppercaseCharacters: Bool = false
    public var requireLowercaseCharacters: Bool = false
    public var allowUsersToChangePassword: Bool = false
    /// Days a password stays valid after it is set; nil means passwords never expire
    /// (what AWS stores as `0` when the parameter is omitted).
    public var maxPasswordAge: Int?
    /// How many previous passwords a user cannot reuse; nil means reuse is allowed.
    public var passwordReusePrevention: Int?
    /// Whether an expired password locks the user out until an administrator resets it.
    public var hardExpiry: Bool = false

    /// `ExpirePasswords`, an output-only field: true when passwords have a maximum age.
    public var expirePasswords: Bool { maxPasswordAge != nil }

    // MARK: Validating the policy itself

    /// Checks every numeric setting against AWS's bounds, throwing one `ValidationError` that
    /// lists all the violations the way AWS does: `1 validation error detected: Value '5' at
    /// 'minimumPasswordLength' failed to satisfy constraint: Member must have value greater
    /// than or equal to 6`, several joined by `; ` under `N validation errors detected: `.
    public func validate() throws(IAMError) {
        var errors: [String] = []
        Self.checkRange(minimumPasswordLength, "minimumPasswordLength", Self.minimumPasswordLengthRange, into: &errors)
        if let age = maxPasswordAge {
            Self.checkRange(age, "maxPasswordAge", Self.maxPasswordAgeRange, into: &errors)
        }
        if let reuse = passwordReusePrevention {
            Self.checkRange(reuse, "passwordReusePrevention", Self.passwordReusePreventionRange, into: &errors)
        }
        if let message = Self.validationMessage(errors) { throw .validationError(message) }
    }

    // MARK: Checking a password

    /// Checks the limits AWS puts on every password, policy or not (`passwordType`: 1 to 128
    /// characters from `[\u0009\u000A\u000D\u0020-\u00FF]`). AWS reports these as a
    /// `ValidationError` before any policy rule, and never echoes the value of a sensitive
    /// member: `Value at 'password'`, not `Value '…' at 'password'`.
    ///
    /// - Parameter parameter: the member name as AWS spells it: `password` for
    ///   `CreateLoginProfile`/`UpdateLoginProfile`, `newPassword` for `ChangePassword`.
    public static func validateFormat(_ password: String, parameter: String = "password") throws(IAMError) {
        let scalars = password.unicodeScalars
        var errors: [String] = []
        let prefix = "Value at '\(parameter)' failed to satisfy constraint: Member must"
        if scalars.count < passwordLengthRange.lowerBound {
            errors.append("\(prefix) have length greater than or equal to \(passwordLengthRange.lowerBound)")
        }
        if scalars.count > passwordLengthRange.upperBound {
            errors.append("\(prefix) have length less than or equal to \(passwordLengthRange.upperBound)")
        }
        // The pattern ends in `+`, so the empty password breaks it too, as on AWS.
        if scalars.isEmpty || !scalars.allSatisfy(isAllowed) {
            errors.append(#"\#(prefix) satisfy regular expression pattern: [\u0009\u000A\u000D\u0020-\u00FF]+"#)
        }
        if let message = validationMessage(errors) { throw .validationError(message) }
    }

    /// The rules of this policy that `password` breaks, in a fixed order: length, uppercase,
    /// lowercase, number, symbol. Empty when the password conforms.
    ///
    /// AWS's API gives no reasons (see `violationMessage`) and its console's per-rule wording
    /// could not be found, so these sentences are iamsim's own, in one pattern:
    /// "Password should have …". Callers show them after `violationMessage`.
    /// Lengths count Unicode scalars, which for the characters AWS allows are its characters.
    public func violations(of password: String) -> [String] {
        let scalars = password.unicodeScalars
        var reasons: [String] = []
        if scalars.count < minimumPasswordLength {
            reasons.append("Password should have a minimum length of \(minimumPasswordLength)")
        }
        if requireUppercaseCharacters, !scalars.contains(where: Self.isUppercase) {
            reasons.append("Password should have at least one uppercase letter")
        }
        if requireLowercaseCharacters, !scalars.contains(where: Self.isLowercase) {
            reasons.append("Password should have at least one lowercase letter")
        }
        if requireNumbers, !scalars.contains(where: Self.isNumber) {
            reasons.append("Password should have at least one number")
        }
        if requireSymbols, !scalars.contains(where: Self.isSymbol) {
            reasons.append("Password should have at least one symbol")
        }
        return reasons
    }

    /// The reason to give when a new password matches one of the remembered ones, or nil when
    /// this policy allows reuse. Comparing with earlier passwords needs their hashes, which
    /// the store keeps; this only words the refusal. iamsim's wording, like `violations(of:)`.
    public var reusedPasswordReason: String? {
        passwordReusePrevention.map { count in
            count == 1
                ? "Password should not be the same as the previous password"
                : "Password should not be the same as any of the previous \(count) passwords"
        }
    }

    /// When a password changed at `afterChange` expires: `maxPasswordAge` days of 24 hours
    /// later (AWS counts in UTC, so there is no daylight-saving shift), or nil when passwords
    /// never expire. This is the credential report's `password_next_rotation`.
    public func nextRotation(afterChange: Date) -> Date? {
        maxPasswordAge.map { afterChange.addingTimeInterval(TimeInterval($0) * 86_400) }
    }

    // MARK: The default policy

    /// The minimum length of AWS's default policy.
    public static let defaultMinimumLength = 8

    /// The rules of AWS's *default* policy, the one IAM users' passwords must meet while the
    /// account has no custom policy, that `password` breaks. Empty when it conforms.
    ///
    /// Verified in the IAM User Guide ("Default password policy",
    /// id_credentials_passwords_account-policy): at least 8 characters (at most 128, which
    /// `validateFormat` checks), at least three of uppercase, lowercase, numbers and AWS's
    /// symbols, and not identical to the account name or email address. The three-of-four rule
    /// cannot be written with the policy's flags, hence a function rather than a
    /// `PasswordPolicy` value. The comparison with the name and email ignores case, as
    /// email addresses do in practice (the guide does not say). Wording is iamsim's own.
    public static func defaultViolations(
        of password: String, accountName: String? = nil, email: String? = nil
    ) -> [String] {
        let scalars = password.unicodeScalars
        var reasons: [String] = []
        if scalars.count < defaultMinimumLength {
            reasons.append("Password should have a minimum length of \(defaultMinimumLength)")
        }
        let classes: [(Unicode.Scalar) -> Bool] = [isUppercase, isLowercase, isNumber, isSymbol]
        let kinds = classes.filter { scalars.contains(where: $0) }.count
        if kinds < 3 {
            reasons.append(
                "Password should have at least three of these: uppercase letters, lowercase letters, numbers, symbols")
        }
        let lowered = password.lowercased()
        if [accountName, email].compactMap({ $0?.lowercased() }).contains(lowered) {
            reasons.append("Password should not be identical to the account name or email address")
        }
        return reasons
    }

    // MARK: Character classes

    /// Only the basic Latin letters count, as AWS's policy says ("A–Z", "a–z"): `É` is allowed
    /// in a password but is neither an uppercase nor a lowercase letter to the policy.
    static func isUppercase(_ s: Unicode.Scalar) -> Bool { ("A"..."Z").contains(s) }
    static func isLowercase(_ s: Unicode.Scalar) -> Bool { ("a"..."z").contains(s) }
    static func isNumber(_ s: Unicode.Scalar) -> Bool { ("0"..."9").contains(s) }
    static func isSymbol(_ s: Unicode.Scalar) -> Bool { symbols.contains(s) }

    /// `[\u0009\u000A\u000D\u0020-\u00FF]`: tab, line feed, carriage return, then printable
    /// ASCII and Latin-1.
    static func isAllowed(_ s: Unicode.Scalar) -> Bool {
        s == "\u{09}" || s == "\u{0A}" || s == "\u{0D}" || (0x20...0xFF).contains(s.value)
    }

    // MARK: AWS's validation-message shape

    static func checkRange(_ value: Int, _ member: String, _ range: ClosedRange<Int>, into errors: inout [String]) {
        let prefix = "Value '\(value)' at '\(member)' failed to satisfy constraint: Member must have value"
        if value < range.lowerBound {
            errors.append("\(prefix) greater than or equal to \(range.lowerBound)")
        } else if value > range.upperBound {
            errors.append("\(prefix) less than or equal to \(range.upperBound)")
        }
    }

    /// `1 validation error detected: A` or `2 validation errors detected: A; B`; nil for none.
    static func validationMessage(_ errors: [String]) -> String? {
        guard !errors.isEmpty else { return nil }
        let noun = errors.count == 1 ? "error" : "errors"
        return "\(errors.count) validation \(noun) detected: " + errors.joined(separator: "; ")
    }
}
