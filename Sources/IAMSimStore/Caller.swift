import IAMSimCore

/// Who is asking: the console's signed-in session, or an already-authenticated principal
/// (for front ends that authenticate requests themselves, such as the Query API).
public enum Caller: Sendable {
    /// The newest open console session, optionally restricted to one account.
    case console(account: AccountID?)
    /// The console session with this id, while it is open: for a front end that holds several
    /// sessions at once, such as the web console (one per browser, named by its cookie).
    case session(id: String)
    case principal(Principal)
}
