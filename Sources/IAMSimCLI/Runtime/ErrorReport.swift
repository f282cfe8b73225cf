import ArgumentParser
import Foundation
import IAMSimCore
import IAMSimDatabase
import IAMSimQR

/// Every family of error iamsim's code throws, a closed set: `ErrorReport` maps each with an
/// exhaustive switch, so a new family does not compile until it has its exit code and message.
///
/// Swift's untyped `throws` hands the CLI `any Error`; `init(_:)` sorts it into its family once,
/// and only an error of a type iamsim never throws lands in `unexpected`.
enum ErrorFamily {
    /// What the simulated AWS service answers.
    case service(IAMError)
    /// The service's answer to a refused MFA code, with why it was refused (for the hint).
    case refusedCode(RefusedCodeError)
    /// What AWS would never answer: files, the phone, the database's accounts, the machine.
    case local(LocalError)
    /// The database file itself.
    case databaseFile(DatabaseFileError)
    /// A command's own check of its options (ArgumentParser's `ValidationError`).
    case usage(ValidationError)
    /// iamsim's own command-line failures (no terminal, no input, nothing to update…).
    case command(CommandError)
    /// An exit code a command chose, having said why itself.
    case exit(ExitCode)
    /// Drawing or writing a QR code image.
    case qrCode(QRCodeError)
    /// Foundation's file errors.
    case cocoa(CocoaError)
    case posix(POSIXError)
    /// JSON files iamsim reads or writes.
    case decoding(DecodingError)
    case encoding(EncodingError)
    /// An error of a type iamsim never throws.
    case unexpected(any Error)

    init(_ error: any Error) {
        switch error {
        case let error as IAMError: self = .service(error)
        case let error as RefusedCodeError: self = .refusedCode(error)
        case let error as LocalError: self = .local(error)
        case let error as DatabaseFileError: self = .databaseFile(error)
        case let error as ValidationError: self = .usage(error)
        case let error as CommandError: self = .command(error)
        case let error as ExitCode: self = .exit(error)
        case let error as QRCodeError: self = .qrCode(error)
        case let error as CocoaError: self = .cocoa(error)
        case let error as POSIXError: self = .posix(error)
        case let error as DecodingError: self = .decoding(error)
        case let error as EncodingError: self = .encoding(error)
        default: self = .unexpected(error)
        }
    }
}

/// Turns errors into the one line a user sees and the exit code: the CLI's one mapping.
///
/// Each family (`ErrorFamily`) has its own case here, checked exhaustively by the compiler
/// (docs/errors.md lists them with their exit codes), so none of them is reported as
/// unexpected: only an error of a type iamsim never throws reaches exit 255.
/// `UsageErrorTests` holds the table.
enum ErrorReport {
    /// The stderr line (empty for none) and exit code for `error`, raised while running
    /// `operation`.
    static func describe(_ error: any Error, operation: IAMAction) -> (message: String, status: Int32) {
        describe(ErrorFamily(error), operation: operation)
    }

    static func describe(_ family: ErrorFamily, operation: IAMAction) -> (message: String, status: Int32) {
        switch family {
        // What the simulated service answers: the aws CLI's line and its exit code, with the
        // command line of the error's remedy where the CLI puts it.
        case .service(let error):
            return (
                "An error occurred (\(error.code)) when calling the \(operation.name) operation: \(RemedyText.message(for: error))",
                ExitStatus.serviceError
            )
        case .refusedCode(let refused):
            // AWS's answer; the reason goes to the command's hint.
            return describe(.service(refused.error), operation: operation)
        // What is not AWS's: a value the user gave (64), a file, the database or the machine (253).
        case .local(let error):
            return local(RemedyText.message(for: error), error.isUserValue ? ExitStatus.usage : ExitStatus.environment)
        // The database reports its own failures already translated (`AppDatabase`): about the
        // file here, or an IAMError above.
        case .databaseFile(let error):
            return local(RemedyText.message(for: error), ExitStatus.environment)
        // Usage errors found while running.
        case .usage(let error):
            return local(error.message, ExitStatus.usage)
        case .command(let error):
            return local(error.message, error.status)
        case .exit(let code):
            return ("", code.rawValue)
        // The files iamsim uses: images, fixtures, credentials files.
        case .qrCode(let error):
            return local(error.message, ExitStatus.environment)
        case .cocoa(let error):
            return local(error.localizedDescription, ExitStatus.environment)
        case .posix(let error):
            return local(error.localizedDescription, ExitStatus.environment)
        case .decoding(let error):
            return local("A file could not be read: \(Self.reason(error))", ExitStatus.environment)
        case .encoding(let error):
            return local("Data could not be written as JSON: \(error)", ExitStatus.environment)
        case .unexpected(let error):
            return ("iamsim: unexpected error: \(error.localizedDescription)", ExitStatus.unexpected)
        }
    }

    /// iamsim's own line for what is not AWS's answer: `iamsim: error: TEXT`.
    private static func local(_ text: String, _ status: Int32) -> (message: String, status: Int32) {
        ("iamsim: error: " + text, status)
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
