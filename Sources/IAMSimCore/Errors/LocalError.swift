/// A failure on the user's side of the simulator, which AWS would never answer: a file that
/// cannot be read or written, a fixture or an image iamsim cannot use, a value the trainee's
/// phone refuses, a QR code that cannot be drawn.
///
/// `IAMError` holds what the simulated AWS service answers; this holds the rest, so that a
/// front end reports each in its own way (the CLI: `iamsim: error: …`, exit 253 for a file or
/// the machine, 64 for a value the user typed; the Query API never meets these).
public enum LocalError: Error, Equatable, Sendable {
    /// A file iamsim cannot use: missing, unreadable, unwritable, already there where iamsim
    /// will not replace it, or holding what iamsim cannot use (a fixture with problems, an
    /// image without a usable QR code). `reason` completes "Cannot use PATH: ".
    case file(path: String, reason: String)
    /// A value the user typed that iamsim refuses: a secret key or URI the phone cannot read,
    /// a label the phone does not have or already has.
    case invalidValue(String)
    /// Something the machine could not do (drawing a QR code when memory runs out).
    case failed(String)

    /// One sentence for the user.
    public var message: String {
        switch self {
        case .file(let path, let reason): "Cannot use \(path): \(reason)"
        case .invalidValue(let message), .failed(let message): message
        }
    }
}

extension LocalError: CustomStringConvertible {
    public var description: String { message }
}
