extension IAMError {
    /// `GetCredentialReport` before any `GenerateCredentialReport`; its remedy is to generate one.
    public static let credentialReportNotPresent = IAMError.reportNotPresent("Credential report not present.")

    /// The fix a front end may offer beside this error, for the errors whose cure iamsim knows:
    /// no console session (sign in), a refused or locked sign-in (resync the device) and a
    /// missing credential report (generate one). Nil for the others, whose message says it all.
    ///
    /// The message stays AWS's (or the console's) alone, so that the Query API sends it as is; a
    /// front end that can show the fix renders it beside the message (the CLI as a command line).
    public var remedy: Remedy? {
        switch self {
        case .accessDenied(let message):
            if self == .notSignedIn { return Remedy(.signIn) }
            // `signInFailedSuggestingResync` and `mfaLocked`, whatever their count and time.
            let suggestsResync =
                message.hasPrefix(SignInRules.lockedPrefix) || message.hasPrefix(IAMError.signInFailed.message + " (")
            return suggestsResync ? Remedy(.resyncMFADevice) : nil
        case .reportNotPresent:
            return Remedy(.generateCredentialReport)
        default:
            return nil
        }
    }
}
