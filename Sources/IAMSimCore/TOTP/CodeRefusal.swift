/// Why iamsim refused an MFA code or a pair of codes.
///
/// AWS's answer never says why (`InvalidAuthenticationCode` "Authentication code for device is
/// not valid.", or the console's "Your authentication information is incorrect."), and iamsim's
/// answer stays AWS's. The reason travels beside it (`RefusedCodeError`) so that a front end can
/// explain the refusal to a trainee, the way an instructor looking over their shoulder would.
/// Malformed codes are not here: they are a `ValidationError`, which says what is wrong itself.
public enum CodeRefusal: Hashable, Sendable {
    /// Code 1 and code 2 are the same code: code 2 was read before the authenticator changed it.
    case identical
    /// Not this device's code near now (another device's code, or a typo).
    case wrong
    /// Both codes are this device's, but not of two adjacent time steps in order (a code was
    /// skipped, or they were entered the wrong way round).
    case notConsecutive
    /// The device's code (or pair), but `steps` time steps of 30 s from the step iamsim
    /// expects: now for a pair, now shifted by the recorded drift for sign-in. Negative:
    /// behind (a slow phone, or codes typed late); positive: ahead (a fast phone).
    case tooFarFromNow(steps: Int64)
    /// The device already accepted this code, or a later one (at activation, resync or
    /// sign-in): each code works once.
    case alreadyUsed
    /// The simulated clock is set (and stands still), and the code would be accepted on real
    /// time: the authenticator is a phone that reads real time.
    case simulatedClockStopped
}

/// The verdict on an MFA code or a pair of codes.
public enum CodeCheck: Hashable, Sendable {
    /// Accepted at this time step (for a pair, the step of code 2).
    case accepted(step: Int64)
    case refused(CodeRefusal)
}
