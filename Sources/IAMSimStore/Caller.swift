import IAMSimCore

/// Who is asking: the console's signed-in session, or an already-authenticated principal
/// (for front ends that authenticate requests themselves, such as the Query API).
public enum Caller: Sendable {
    /// The newest open console session, optionally restricted to one account.
    case console(account: AccountID?)
    case principal(Principal)
}

extension IAMError {
    /// The console's answer when no session is open.
    public static let notSignedIn = IAMError.accessDenied(
        "You are not signed in to the console. Sign in first: iamsim signin --email EMAIL")
}
