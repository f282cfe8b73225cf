/// An `IAMError` answering a refused MFA code, with the reason iamsim found.
///
/// Front ends answer with `error`, exactly as for any `IAMError` (the CLI's message line, exit
/// code and the event log record only it), and may explain `refusal` beside it, as the CLI's
/// hint does. Thrown by `EnableMFADevice`, `ResyncMFADevice` and console sign-in; for sign-in
/// only once the password was right, so a refusal never tells which part was wrong.
public struct RefusedCodeError: Error, Equatable, Sendable, CustomStringConvertible {
    /// AWS's answer: `InvalidAuthenticationCode`, or for sign-in the console's failure (or lockout).
    public var error: IAMError
    /// Why the code or pair was refused.
    public var refusal: CodeRefusal

    public init(_ error: IAMError, _ refusal: CodeRefusal) {
        self.error = error
        self.refusal = refusal
    }

    public var description: String { "\(error) (\(refusal))" }
}
