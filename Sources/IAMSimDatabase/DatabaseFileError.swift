/// Problems with the database file itself, as opposed to IAM errors about its content.
///
/// Front ends show these as local errors: they are about the user's machine, not about
/// anything AWS would answer.
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
    /// Another process held the database longer than the busy timeout.
    case busy(path: String)

    /// One sentence for the user, naming the file and what to do.
    public var message: String {
        switch self {
        case .corrupt(let path, nil):
            "The database \(path) is not a valid iamsim database (the file is damaged or is not SQLite). Move it aside, or recreate it with: iamsim init --force --db \(path)"
        case .corrupt(let path, let detail?):
            "The database \(path) is damaged (\(detail)). Move it aside, or recreate it with: iamsim init --force --db \(path)"
        case .foreignDatabase(let path):
            "The database \(path) is a SQLite file that iamsim did not create; iamsim will not modify it. Choose another path with --db."
        case .newerSchema(let path):
            "The database \(path) was written by a newer version of iamsim. Upgrade iamsim, or use another database with --db."
        case .inaccessible(let path, let reason):
            "Cannot use the database \(path): \(reason)"
        case .busy(let path):
            "The database \(path) stayed locked by another iamsim process; try again."
        }
    }
}
