import IAMSimCore
import IAMSimStore

/// The exit codes of `iamsim`, documented in docs/errors.md. The service-side ones are the
/// aws CLI's, so scripts written for `aws` read them the same way.
public enum ExitStatus {
    /// Success.
    public static let success: Int32 = 0
    /// A check the command ran did not pass (e.g. a lesson step not done yet).
    public static let checkFailed: Int32 = 1
    /// The command line could not be parsed: unknown command, option or value.
    public static let usage: Int32 = 64
    /// Interrupted by Ctrl-C at a prompt.
    public static let interrupted: Int32 = 130
    /// The database file is unusable: damaged, foreign, newer, locked or inaccessible.
    public static let environment: Int32 = 253
    /// The simulated IAM service returned an error (every `IAMError`).
    public static let serviceError: Int32 = 254
    /// Anything unexpected.
    public static let unexpected: Int32 = 255
}

/// Turns errors into the one line a user sees and the exit code, in one place.
enum ErrorReport {
    /// The stderr line and exit code for `error`, raised while running `operation`.
    static func describe(_ error: any Error, operation: String) -> (message: String, status: Int32) {
        switch error {
        case let error as IAMError:
            return (
                "An error occurred (\(error.code)) when calling the \(operation) operation: \(error.message)",
                ExitStatus.serviceError
            )
        case let refused as RefusedCodeError:
            // AWS's answer; the reason goes to the command's hint.
            return describe(refused.error, operation: operation)
        case let error as StoreError:
            return ("iamsim: error: \(error.message)", ExitStatus.environment)
        case let error as CommandError:
            return ("iamsim: error: \(error.message)", error.status)
        default:
            return ("iamsim: unexpected error: \(error.localizedDescription)", ExitStatus.unexpected)
        }
    }
}

/// Errors about the command's own use that are not IAM errors, such as a missing terminal.
struct CommandError: Error {
    var message: String
    var status: Int32 = ExitStatus.usage
}
