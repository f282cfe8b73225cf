import ArgumentParser
import Foundation
import IAMSimApp
import IAMSimCore
import IAMSimDatabase
import IAMSimQR
import IAMSimStore

/// The exit codes of `iamsim`, documented in docs/errors.md. The service-side ones are the
/// aws CLI's, so scripts written for `aws` read them the same way.
public enum ExitStatus {
    /// Success.
    public static let success: Int32 = 0
    /// A check the command ran did not pass (e.g. a lesson step not done yet).
    public static let checkFailed: Int32 = 1
    /// The command line is wrong: unknown command, option or value, or a combination of
    /// options a command refuses.
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
///
/// Every error type iamsim's code can throw has its own case here (docs/errors.md lists them
/// with their exit codes), so none of them is reported as unexpected: only an error of a type
/// not listed reaches exit 255. `ErrorReportTests` holds the table.
enum ErrorReport {
    /// The stderr line (empty for none) and exit code for `error`, raised while running
    /// `operation`.
    static func describe(_ error: any Error, operation: IAMAction) -> (message: String, status: Int32) {
        switch error {
        // What the simulated service answers: the aws CLI's line and its exit code.
        case let error as IAMError:
            return (
                "An error occurred (\(error.code)) when calling the \(operation.name) operation: \(RemedyText.message(for: error))",
                ExitStatus.serviceError
            )
        // Usage errors found while running: ArgumentParser's `ValidationError` (a command's
        // own check of its options) and iamsim's `CommandError`.
        case let error as ValidationError:
            return ("iamsim: error: \(error.message)", ExitStatus.usage)
        case let refused as RefusedCodeError:
            // AWS's answer; the reason goes to the command's hint.
            return describe(refused.error, operation: operation)
        case let error as CommandError:
            return ("iamsim: error: \(error.message)", error.status)
        // An exit code a command chose, having said why itself.
        case let error as ExitCode:
            return ("", error.rawValue)
        // The files iamsim uses: the database, images, fixtures, credentials files.
        // The database reports its own failures already translated (`AppDatabase`): about the
        // file, or an IAMError above.
        case let error as DatabaseFileError:
            return ("iamsim: error: \(RemedyText.message(for: error))", ExitStatus.environment)
        // What is not AWS's: files, fixtures, images, the phone, the machine.
        case let error as LocalError:
            switch error {
            case .file, .failed: return ("iamsim: error: \(error.message)", ExitStatus.environment)
            case .invalidValue: return ("iamsim: error: \(error.message)", ExitStatus.usage)
            }
        case let error as QRCodeError:
            return ("iamsim: error: \(error.message)", ExitStatus.environment)
        case let error as CocoaError:
            return ("iamsim: error: \(error.localizedDescription)", ExitStatus.environment)
        case let error as POSIXError:
            return ("iamsim: error: \(error.localizedDescription)", ExitStatus.environment)
        case let error as DecodingError:
            return ("iamsim: error: A file could not be read: \(Self.reason(error))", ExitStatus.environment)
        case let error as EncodingError:
            return ("iamsim: error: Data could not be written as JSON: \(error)", ExitStatus.environment)
        default:
            return ("iamsim: unexpected error: \(error.localizedDescription)", ExitStatus.unexpected)
        }
    }

    private static func reason(_ error: DecodingError) -> String {
        switch error {
        case .dataCorrupted(let context), .keyNotFound(_, let context), .typeMismatch(_, let context),
            .valueNotFound(_, let context):
            context.debugDescription
        @unknown default:
            "\(error)"
        }
    }
}

/// Errors about the command's own use that are not IAM errors, such as a missing terminal.
struct CommandError: Error {
    var message: String
    var status: Int32 = ExitStatus.usage
}
