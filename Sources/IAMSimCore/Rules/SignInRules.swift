import Foundation

/// Console sign-in hardening. AWS publishes no numbers; these are iamsim's (docs/totp.md).
public enum SignInRules {
    /// Consecutive wrong MFA codes that lock sign-in.
    public static let maxFailedMFAAttempts = 5
    /// How long the lock lasts, on the simulator's clock.
    public static let lockoutDuration: TimeInterval = 15 * 60
    /// After this many wrong codes in a row, the failure message suggests a resync.
    public static let resyncHintAfter = 3
}

extension IAMError {
    /// A wrong MFA code again: the device may be out of sync.
    public static func signInFailedSuggestingResync(_ failures: Int) -> IAMError {
        .accessDenied(
            "Your authentication information is incorrect. Please try again. (\(failures) wrong MFA codes in a row: if your device's codes keep failing, it may be out of sync. Resync it with two consecutive codes: iamsim mfa resync DEVICE --email EMAIL --code1 C1 --code2 C2. After \(SignInRules.maxFailedMFAAttempts) wrong codes, sign-in is locked for \(Int(SignInRules.lockoutDuration / 60)) minutes.)"
        )
    }

    /// Sign-in refused until the lockout ends.
    public static func mfaLocked(until: Date) -> IAMError {
        .accessDenied(
            "Too many wrong MFA codes: sign-in for this user is locked until \(Timestamp.readable(until)). Wait until then, or resync the device (two consecutive codes), which also lifts the lock: iamsim mfa resync DEVICE --email EMAIL --code1 C1 --code2 C2"
        )
    }
}
