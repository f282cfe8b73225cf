import Foundation
import GRDB
import IAMSimCore

/// An iamsim database: one SQLite file (or an in-memory database), opened, migrated, and
/// reached only through this type, as GRDB's demo app reaches its `AppDatabase`.
///
/// The GRDB connection is private. The persistence modules (the store, the trainee's devices)
/// run their transactions through `read(_:)` and `write(_:)`, which are `package` API, so a
/// front end never sees a `Database`, and every database failure reaches it already translated
/// (`failure(_:path:)`): an `IAMError`, or a `DatabaseFileError` about the file itself.
///
/// Files are created with mode 0600, switched to WAL and migrated; a damaged, foreign or newer
/// file is refused with a clear `DatabaseFileError`, untouched.
public struct AppDatabase: Sendable {
    /// How long a writer waits for another process's transaction before giving up.
    public static let busyTimeout: TimeInterval = 10

    private let writer: any DatabaseWriter
    /// The file's path (`:memory:` for an in-memory database).
    public let path: String
    /// True when opening created the file.
    public let created: Bool
    /// True when the database was opened read-only (`openForReading`).
    public let isReadOnly: Bool

    private init(writer: any DatabaseWriter, created: Bool, isReadOnly: Bool = false) {
        self.writer = writer
        self.path = writer.path
        self.created = created
        self.isReadOnly = isReadOnly
    }

    // MARK: - Transactions

    /// Runs `body` in a read-only snapshot.
    ///
    /// - Throws: what `body` throws, and database failures translated by `failure(_:path:)`.
    package func read<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try writer.read(body)
        } catch {
            throw Self.failure(error, path: path)
        }
    }

    /// Runs `body` in one write transaction: all of it, or nothing when it throws.
    ///
    /// - Throws: what `body` throws, and database failures translated by `failure(_:path:)`.
    package func write<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try writer.write(body)
        } catch {
            throw Self.failure(error, path: path)
        }
    }

    /// Runs `body` in one write transaction that several persistence modules share (an account
    /// and its trainee's devices reset together), without showing the front end a `Database`.
    ///
    /// - Throws: what `body` throws, and database failures translated by `failure(_:path:)`.
    @discardableResult
    public func transaction<T>(_ body: (DatabaseTransaction) throws -> T) throws -> T {
        try write { db in try body(DatabaseTransaction(db: db)) }
    }

    /// How many connections a database keeps open.
    public enum Connections: Sendable {
        /// One: a command is a short sequence of transactions, and one opens fastest.
        case single
        /// A pool (GRDB's `DatabasePool`): concurrent reads beside one writer, for a server.
        case pool
    }

    /// Opens (creating if needed) the database at `path` and brings its schema up to date.
    public static func open(path: String, connections: Connections = .single) throws(DatabaseFileError) -> AppDatabase {
        let created = try createFileIfMissing(path: path)
        // SQLite would quietly open a file it may not write read-only, and the command would
        // fail at its first write; say so now, before any work.
        guard access(path, R_OK | W_OK) == 0 else {
            let code = errno
            guard code != EACCES, code != EROFS, code != EPERM else { throw .readOnly(path: path) }
            throw .inaccessible(path: path, reason: String(cString: strerror(code)))
        }
        do {
            // A queue (one connection) opens faster than a pool, and a command is one short
            // sequence of transactions; WAL still lets other processes read while one writes.
            let queue: any DatabaseWriter =
                switch connections {
                case .single: try DatabaseQueue(path: path, configuration: configuration())
                case .pool: try DatabasePool(path: path, configuration: configuration())
                }
            try queue.writeWithoutTransaction { db in
                let mode: String? = try db.firstValue("PRAGMA journal_mode")
                if mode != "wal" {
                    try db.execute(sql: "PRAGMA journal_mode = WAL")
                }
            }
            try migrate(queue, path: path)
            return AppDatabase(writer: queue, created: created)
        } catch let error as DatabaseFileError {
            throw error
        } catch {
            throw translate(error, path: path)
        }
    }

    /// Opens the database at `path` for reading only, for commands that change nothing: it
    /// works on a file the user may only read (an instructor's 0444 copy) and never writes to it.
    ///
    /// - Returns: nil when the database is missing, empty, holds no account yet or needs
    ///   migrating and the file can be written: the caller then opens it with `open(path:)`,
    ///   which creates, migrates and seeds it as for any first command.
    /// - Throws: `DatabaseFileError` as `open(path:)` does; `inaccessible` when a read-only file needs
    ///   migrating (nothing is written: upgrading takes write access).
    public static func openForReading(path: String) throws(DatabaseFileError) -> AppDatabase? {
        guard access(path, F_OK) == 0 else { return nil }
        let writable = access(path, W_OK) == 0
        do {
            let known = Schema.migrations.map(\.identifier)
            let (queue, applied) = try readOnlyQueue(path: path, known: known)
            guard let applied, applied.sorted() == known.sorted() else {
                if writable { return nil }
                throw DatabaseFileError.inaccessible(
                    path: path,
                    reason: applied == nil
                        ? "it is empty, and iamsim cannot create its tables without write access to the file"
                        : "it was written by an older iamsim and must be upgraded, which needs write access to the file; run any command with write access first"
                )
            }
            if writable, try queue.read({ db in try Row.fetchOne(db, sql: "SELECT 1 FROM account LIMIT 1") == nil }) {
                return nil
            }
            return AppDatabase(writer: queue, created: false, isReadOnly: true)
        } catch let error as DatabaseFileError {
            throw error
        } catch {
            throw translate(error, path: path)
        }
    }

    /// A read-only connection to `path`, with the migrations applied to it (`checkedMigrations`).
    ///
    /// SQLite reads a WAL database only where it can create the `-shm` file, unless told the
    /// file is immutable. A file in a folder the user may not write (and with no `-wal` content
    /// left, which an immutable read would miss) is therefore opened as immutable: nobody is
    /// writing it, since a writer would have created those files.
    private static func readOnlyQueue(path: String, known: [String]) throws -> (DatabaseQueue, [String]?) {
        var configuration = configuration()
        configuration.readonly = true
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            return (queue, try queue.read { db in try checkedMigrations(db, known: known, path: path) })
        } catch let error as DatabaseError
            where [.SQLITE_READONLY, .SQLITE_CANTOPEN].contains(error.resultCode) && !hasWALContent(path)
        {
            let escaped =
                path.addingPercentEncoding(
                    withAllowedCharacters: .urlPathAllowed.subtracting(CharacterSet(charactersIn: "?#%"))) ?? path
            let queue = try DatabaseQueue(path: "file:\(escaped)?immutable=1", configuration: configuration)
            return (queue, try queue.read { db in try checkedMigrations(db, known: known, path: path) })
        }
    }

    /// Whether `path` has a write-ahead log with content not yet checkpointed into the file.
    private static func hasWALContent(_ path: String) -> Bool {
        var info = stat()
        return stat(path + "-wal", &info) == 0 && info.st_size > 0
    }

    /// A fresh in-memory database with the current schema, for tests and scratch work.
    public static func inMemory() throws -> AppDatabase {
        let queue = try DatabaseQueue(configuration: configuration())
        try Schema.migrator.migrate(queue)
        return AppDatabase(writer: queue, created: true)
    }

    /// Empties the database: every table dropped, then the current schema created again, as
    /// `remove(path:)` and `open(path:)` would leave a file. For a database that has no file
    /// to delete (in-memory) or that stays open (`init --force` on a simulator already open).
    ///
    /// - Throws: database failures translated by `failure(_:path:)`.
    public func erase() throws {
        do {
            try writer.erase()
            try Schema.migrator.migrate(writer)
        } catch {
            throw Self.failure(error, path: path)
        }
    }

    /// Deletes the database at `path` with its WAL and shared-memory files, if they exist.
    public static func remove(path: String) throws(DatabaseFileError) {
        for suffix in ["", "-wal", "-shm"] {
            let file = path + suffix
            guard FileManager.default.fileExists(atPath: file) else { continue }
            do {
                try FileManager.default.removeItem(atPath: file)
            } catch {
                throw .inaccessible(path: path, reason: "cannot delete \(file) (\(error.localizedDescription))")
            }
        }
    }

    // MARK: - Opening

    static func configuration() -> Configuration {
        var configuration = Configuration()
        configuration.busyMode = .timeout(busyTimeout)
        configuration.foreignKeysEnabled = true
        // In WAL mode NORMAL never corrupts the database; a power cut may lose the last
        // commits, an acceptable price for a simulator, for not syncing the disk on every one
        // (most commands write at least their event).
        configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = NORMAL") }
        return configuration
    }

    /// Creates an empty file with mode 0600 so that SQLite, which copies the main file's mode
    /// to its `-wal` and `-shm` files, never writes secrets into world-readable files.
    static func createFileIfMissing(path: String) throws(DatabaseFileError) -> Bool {
        let manager = FileManager.default
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty, !manager.fileExists(atPath: directory) {
            do {
                try manager.createDirectory(
                    atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            } catch {
                throw .inaccessible(path: path, reason: "cannot create the folder \(directory)")
            }
        }
        let descriptor = Foundation.open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
        if descriptor >= 0 {
            close(descriptor)
            return true
        }
        let code = errno
        if code == EEXIST { return false }
        throw .inaccessible(path: path, reason: String(cString: strerror(code)))
    }

    /// Brings the schema up to date.
    ///
    /// The missing migrations run together in one exclusive transaction, which re-reads what is
    /// applied once it holds the lock: when several processes open a new file at once, one
    /// migrates and the others wait (the busy timeout), find the schema current, and go on.
    static func migrate(_ writer: any DatabaseWriter, path: String) throws {
        // Every command opens the database: the common case, an up-to-date schema, costs one
        // read, in plain SQL. GRDB's schema and migrator queries would give the same answer
        // but instantiate generic types on first use, at a measured 0.1 ms each
        // (docs/performance.md).
        let known = Schema.migrations.map(\.identifier)
        let applied = try writer.read { db in try checkedMigrations(db, known: known, path: path) }
        if applied?.sorted() == known.sorted() { return }
        try writer.writeWithoutTransaction { db in
            // As GRDB's migrator does: foreign keys off while the schema changes (a no-op inside
            // a transaction), checked as a whole before the commit.
            try db.execute(sql: "PRAGMA foreign_keys = OFF")
            defer { try? db.execute(sql: "PRAGMA foreign_keys = ON") }
            try db.inTransaction(.exclusive) {
                let applied = try appliedMigrations(db)
                try check(applied, known: known, db, path: path)
                try db.execute(sql: "CREATE TABLE IF NOT EXISTS grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)")
                for migration in Schema.migrations where !(applied ?? []).contains(migration.identifier) {
                    try migration.migrate(db)
                    try db.execute(
                        sql: "INSERT INTO grdb_migrations (identifier) VALUES (?)", arguments: [migration.identifier])
                }
                try db.checkForeignKeys()
                return .commit
            }
        }
    }

    /// The migrations applied to `db`, once a newer iamsim's file and another program's are
    /// refused (`check`), all in one snapshot: read in two, another process's first migration
    /// could commit in between, and its tables, counted after the migration table was found
    /// missing, would make a new iamsim file look like another program's.
    private static func checkedMigrations(_ db: Database, known: [String], path: String) throws -> [String]? {
        let applied = try appliedMigrations(db)
        if applied?.sorted() != known.sorted() { try check(applied, known: known, db, path: path) }
        return applied
    }

    /// Refuses a newer iamsim's database (a migration this version does not know) and another
    /// program's (tables but no migration table; counted only then).
    private static func check(_ applied: [String]?, known: [String], _ db: Database, path: String) throws {
        try check(applied, known: known, tables: { try userTableCount(db) }, path: path)
    }

    private static func check(_ applied: [String]?, known: [String], tables: () throws -> Int, path: String) throws {
        if let applied {
            if applied.contains(where: { !known.contains($0) }) { throw DatabaseFileError.newerSchema(path: path) }
        } else if try tables() > 0 {
            throw DatabaseFileError.foreignDatabase(path: path)
        }
    }

    private static func userTableCount(_ db: Database) throws -> Int {
        try db.firstValue("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'") ?? 0
    }

    /// The identifiers of the migrations applied to `db`, or nil when it has no migration table.
    static func appliedMigrations(_ db: Database) throws -> [String]? {
        let table = try Row.fetchOne(
            db, sql: "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'grdb_migrations'")
        guard table != nil else { return nil }
        return try Row.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations").map { try $0.value(atIndex: 0) }
    }

    static func translate(_ error: any Error, path: String) -> DatabaseFileError {
        guard let error = error as? DatabaseError else {
            if error is RowDecodingError || error is DecodingError {
                return .corrupt(path: path, detail: "a row holds a value its column cannot hold")
            }
            return .inaccessible(path: path, reason: String(describing: error))
        }
        switch error.resultCode {
        case .SQLITE_NOTADB: return .corrupt(path: path)
        case .SQLITE_CORRUPT: return .corrupt(path: path, detail: error.message)
        case .SQLITE_BUSY, .SQLITE_LOCKED: return .busy(path: path)
        case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_READONLY, .SQLITE_AUTH:
            return .inaccessible(
                path: path, reason: "the file cannot be opened for reading and writing (\(cause(of: error)))")
        case .SQLITE_IOERR:
            return .inaccessible(path: path, reason: "the file cannot be read or written (\(cause(of: error)))")
        case .SQLITE_FULL: return .inaccessible(path: path, reason: "the disk is full")
        default: return .inaccessible(path: path, reason: cause(of: error))
        }
    }

    /// A failure of an operation on an open database, in the vocabulary front ends map:
    /// `IAMError` and `DatabaseFileError` as they are; a busy database `busy`; a damaged one
    /// (`SQLITE_CORRUPT`, a value a column cannot hold, a row that does not decode) `corrupt`,
    /// saying what is damaged; a full disk `inaccessible`; any other SQLite failure
    /// `ServiceFailure`, naming SQLite's cause.
    package static func failure(_ error: any Error, path: String) -> any Error {
        switch error {
        case let error as DatabaseError:
            switch error.resultCode {
            case .SQLITE_BUSY, .SQLITE_LOCKED: return DatabaseFileError.busy(path: path)
            case .SQLITE_NOTADB: return DatabaseFileError.corrupt(path: path)
            case .SQLITE_CORRUPT: return DatabaseFileError.corrupt(path: path, detail: error.message)
            case .SQLITE_FULL: return DatabaseFileError.inaccessible(path: path, reason: "the disk is full")
            default: return IAMError.serviceFailure("The simulator's database failed (\(cause(of: error))).")
            }
        case is RowDecodingError, is DecodingError:
            // Their descriptions quote the row, which may hold secrets: say only what happened.
            return DatabaseFileError.corrupt(path: path, detail: "a row holds a value its column cannot hold")
        case is RecordError:
            // A row that another process deleted or changed between a read and a write.
            return IAMError.serviceFailure("The database changed while iamsim was using it; try again.")
        default:
            return error
        }
    }

    /// What SQLite said, for a message: the extended result code with SQLite's name for it,
    /// and the connection's own message (never the SQL statement or its arguments), such as
    /// `SQLite error 1 (SQL logic error): table account already exists`.
    package static func cause(of error: DatabaseError) -> String {
        let code = "SQLite error \(error.extendedResultCode)"
        // Without a message of its own, GRDB repeats SQLite's name for the code.
        guard let message = error.message, !message.isEmpty, !code.hasSuffix("(\(message))") else { return code }
        return "\(code): \(message)"
    }
}
