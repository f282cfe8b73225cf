/// A failure on the user's side of the simulator, which AWS would never answer: a file that
/// cannot be read or written, a fixture or an image iamsim cannot use, a value the trainee's
/// phone refuses, an account the database does not hold, a QR code that cannot be drawn.
///
/// `IAMError` holds what the simulated AWS service answers; this holds the rest, so that a
/// front end reports each in its own way (the CLI: `iamsim: error: …`, exit 253 for a file, the
/// database or the machine, 64 for a value the user gave; the Query API never meets these). The
/// cases say what went wrong as values: what to do about it is the front end's to say (the CLI
/// names its commands and options), and `message` is a sentence without any front end's words.
public enum LocalError: Error, Equatable, Sendable {
    /// A file iamsim cannot use: missing, unreadable, unwritable, already there where iamsim
    /// will not replace it, or holding what iamsim cannot use (a fixture with problems, an
    /// image without a usable QR code). `reason` completes "Cannot use PATH: ".
    case file(path: String, reason: String)
    /// A value the user gave that iamsim refuses: a time or duration it cannot keep, a TOTP URI
    /// the phone cannot use, accounts or a fixture that conflict with what the database holds.
    case invalidValue(String)
    /// Something the machine could not do (drawing a QR code when memory runs out).
    case failed(String)

    // MARK: The trainee's phone

    /// A secret key the phone cannot read as base32; `detail` says what is wrong when a
    /// character count or a character explains it (`Base32.problem`).
    case invalidSecretKey(detail: String?)
    /// The phone already holds an account with this label (labels match case-insensitively).
    case labelTaken(String)
    /// The phone holds no account with this label.
    case noSuchLabel(String)

    // MARK: The database's accounts

    /// The database holds no account at all (every one was deleted).
    case noAccount
    /// No account of the database has this id or alias.
    case noSuchAccount(String)

    /// One sentence for the user.
    public var message: String {
        switch self {
        case .file(let path, let reason): "Cannot use \(path): \(reason)"
        case .invalidValue(let message), .failed(let message): message
        case .invalidSecretKey(let detail?): "The secret key is not valid base32: \(detail)."
        case .invalidSecretKey(nil): "The secret key is not valid base32: use the letters A-Z and digits 2-7."
        case .labelTaken(let label): "The authenticator already has an account labelled \(label)."
        case .noSuchLabel(let label): "The authenticator has no account labelled \(label)."
        case .noAccount: "The database holds no account."
        case .noSuchAccount(let text): "No account with id or alias \(text) in this database."
        }
    }

    /// Whether the user gave the value at fault (a usage error), rather than a file, the
    /// database or the machine failing.
    public var isUserValue: Bool {
        switch self {
        case .invalidValue, .invalidSecretKey, .labelTaken, .noSuchLabel, .noSuchAccount: true
        case .file, .failed, .noAccount: false
        }
    }
}

extension LocalError: CustomStringConvertible {
    public var description: String { message }
}
