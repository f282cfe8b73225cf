/// The exit codes of `iamsim`, documented in docs/errors.md. The service-side ones are the
/// aws CLI's, so scripts written for `aws` read them the same way.
public enum ExitStatus {
    /// Success.
    public static let success: Int32 = 0
    /// A check the command ran did not pass (e.g. a lesson step not done yet).
    public static let checkFailed: Int32 = 1
    /// The command line is wrong: unknown command, option or value, or a combination of
    /// options a command refuses; or a value the user gave that AWS never sees and iamsim
    /// refuses (`LocalError.isUserValue`: the phone's secrets and labels, an unknown account).
    public static let usage: Int32 = 64
    /// Interrupted by Ctrl-C at a prompt.
    public static let interrupted: Int32 = 130
    /// A file cannot be used: the database (damaged, foreign, newer, locked, inaccessible or
    /// without accounts), a file to read or write, an image to scan; or the machine failed.
    public static let environment: Int32 = 253
    /// The simulated IAM service returned an error (every `IAMError`).
    public static let serviceError: Int32 = 254
    /// Anything unexpected.
    public static let unexpected: Int32 = 255
}

/// Errors about the command's own use that are not IAM errors, such as a missing terminal.
struct CommandError: Error {
    var message: String
    var status: Int32 = ExitStatus.usage
}
