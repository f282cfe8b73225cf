/// Which MFA codes the store accepts wherever it checks one: `EnableMFADevice`'s and
/// `ResyncMFADevice`'s pairs, STS `GetSessionToken`'s `TokenCode`, console sign-in and the
/// sign-in page's resync. Injected into the store's environment once, by whoever opens the
/// simulator; `strict` unless a front end asks otherwise.
public enum MFACodePolicy: Sendable, Equatable {
    /// AWS's rules (`MFACodeRules`): a code the device's seed generates near now, never one
    /// it already accepted, wrong codes counting toward the lockout.
    case strict
    /// moto's server mode (`iamsim serve --compat moto`): any code of six ASCII digits is
    /// accepted. A code the seed does generate is still checked first and recorded as under
    /// `strict` (the newest accepted step, a resync's drift); any other six digits change no
    /// device's state. Codes of another shape are refused as under `strict`.
    case anySixDigits
}
