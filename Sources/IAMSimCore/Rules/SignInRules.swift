import Foundation

/// Console sign-in hardening. AWS publishes no numbers; these are iamsim's (docs/totp.md).
public enum SignInRules {
    /// Consecutive wrong MFA codes that lock sign-in.
    public static let maxFailedMFAAttempts = 5
    /// How long the lock lasts, on the simulator's clock.
    public static let lockoutDuration: TimeInterval = 15 * 60
    /// After this many wrong codes in a row, the failure message suggests a resync.
    public static let resyncHintAfter = 3

    /// The sentence of a refused sign-in's message that suggests a resync (without its
    /// period): a front end that offers the resync (`Remedy.Step.resyncMFADevice`) puts it there.
    public static let resyncAdvice = "Resync it with two consecutive codes"

    /// How a lockout's message begins, before the time the lock ends.
    static let lockedPrefix = "Too many wrong MFA codes: sign-in for this user is locked until "
}

extension IAMError {
    /// The console's answer when no session is open; its remedy is to sign in.
    public static let notSignedIn = IAMError.accessDenied("You are not signed in to the console.")

    /// A wrong MFA code again: the device may be out of sync. Its remedy is a resync.
    public static func signInFailedSuggestingResync(_ failures: Int) -> IAMError {
        .accessDenied(
            "\(signInFailed.message) (\(failures) wrong MFA codes in a row: if your device's codes keep failing, it may be out of sync. \(SignInRules.resyncAdvice). After \(SignInRules.maxFailedMFAAttempts) wrong codes, sign-in is locked for \(Int(SignInRules.lockoutDuration / 60)) minutes.)"
        )
    }

    /// Sign-in refused until the lockout ends. Its remedy is a resync, which lifts the lock.
    public static func mfaLocked(until: Date) -> IAMError {
        .accessDenied(
            "\(SignInRules.lockedPrefix)\(Timestamp.readable(until)). Wait until then, or resync the device (two consecutive codes), which also lifts the lock."
        )
    }
}
