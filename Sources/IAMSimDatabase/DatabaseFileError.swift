/// Problems with the database file itself, as opposed to IAM errors about its content.
///
/// Front ends show these as local errors: they are about the user's machine, not about
/// anything AWS would answer. Each case is what a front end needs to say what to do (the CLI:
/// "recreate it with: iamsim init --force", "choose another path with --db").
public enum DatabaseFileError: Error, Equatable, Sendable {
    /// The file exists but is not a SQLite database, or is damaged; `detail` says what is
    /// damaged when that is known (a column holding what it cannot), never a stored value.
    case corrupt(path: String, detail: String? = nil)
    /// The file is a SQLite database that iamsim did not create.
    case foreignDatabase(path: String)
    /// The database was written by a newer iamsim with migrations this one does not know.
    case newerSchema(path: String)
    /// The file or its folder cannot be created, read or written.
    case inaccessible(path: String, reason: String)
    /// The file cannot be written, and the operation writes (only reading works on it).
    case readOnly(path: String)
    /// Another process held the database longer than the busy timeout.
    case busy(path: String)

    /// One sentence for the user, naming the file and what is wrong with it. What to do about
    /// it is the front end's to say (the CLI names its options), from the case.
    public var message: String {
        switch self {
        case .corrupt(let path, nil):
            "The database \(path) is not a valid iamsim database (the file is damaged or is not SQLite)."
        case .corrupt(let path, let detail?):
            "The database \(path) is damaged (\(detail))."
        case .foreignDatabase(let path):
            "The database \(path) is a SQLite file that iamsim did not create; iamsim will not modify it."
        case .newerSchema(let path):
            "The database \(path) was written by a newer version of iamsim."
        case .inaccessible(let path, let reason):
            "Cannot use the database \(path): \(reason)"
        case .readOnly(let path):
            "Cannot use the database \(path): the file cannot be opened for writing."
        case .busy(let path):
            "The database \(path) stayed locked by another iamsim process; try again."
        }
    }
}
