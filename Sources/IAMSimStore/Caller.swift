import IAMSimCore

/// Who is asking: the console's signed-in session, or an already-authenticated principal
/// (for front ends that authenticate requests themselves, such as the Query API).
public enum Caller: Sendable {
    /// The newest open console session, optionally restricted to one account.
    case console(account: AccountID?)
    case principal(Principal)
}
