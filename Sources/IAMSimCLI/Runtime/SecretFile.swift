import Foundation
import IAMSimApp
import IAMSimCore

/// A file iamsim writes for the user (a credentials list, a QR code image, an exported
/// fixture): mode 0600, as the aws CLI writes `--outfile`, and never half-written.
///
/// - The path is checked when the command starts, before any work, so that a bad path changes
///   nothing: its folder must exist and be writable, and an existing file is refused unless
///   the command was given `--force` (its content, such as passwords shown only once, may
///   exist nowhere else).
/// - The content goes to a temporary file in the same folder (mode 0600), is flushed to the
///   disk, and is then moved into place in one step: without `--force` with `link(2)`, which
///   refuses to replace a file that appeared meanwhile; with it, with `rename(2)`. An error or
///   an interruption (SIGINT, SIGTERM) leaves the old file or no file, and deletes the
///   temporary file.
///
/// Every failure is a `CommandError` with exit status 253 (a file that cannot be used).
final class SecretFile {
    let path: String
    let replacing: Bool
    /// The staged content, written and flushed, waiting for `commit()`.
    private var staged: (path: String, token: Interruption.FileToken)?

    /// Checks that `path` can be written; nothing is created yet.
    ///
    /// - Parameter replacing: whether an existing file may be replaced (`--force`).
    /// - Throws: `CommandError` (253) when the file exists and `replacing` is false, when the
    ///   path is a folder, or when its folder is missing or not writable.
    init(path: String, replacing: Bool) throws {
        self.path = path
        self.replacing = replacing
        guard !path.isEmpty else { throw Self.failure(path, "no file name given") }
        var existing = stat()
        if lstat(path, &existing) == 0 {
            if existing.st_mode & S_IFMT == S_IFDIR { throw Self.failure(path, "it is a folder") }
            guard replacing else {
                throw CommandError(
                    message:
                        "Cannot write \(path): the file already exists. Choose another file, or pass --force to replace it.",
                    status: ExitStatus.environment)
            }
        } else if errno != ENOENT {
            throw Self.failure(path, String(cString: strerror(errno)))
        }
        var folder = stat()
        guard stat(Self.folder(of: path), &folder) == 0 else {
            throw Self.failure(path, "its folder \(Self.folder(of: path)): \(String(cString: strerror(errno)))")
        }
        guard folder.st_mode & S_IFMT == S_IFDIR else {
            throw Self.failure(path, "\(Self.folder(of: path)) is not a folder")
        }
        guard access(Self.folder(of: path), W_OK | X_OK) == 0 else {
            throw Self.failure(path, "its folder \(Self.folder(of: path)): \(String(cString: strerror(errno)))")
        }
    }

    deinit { discard() }

    /// Writes `bytes` and moves the file into place.
    func write(_ bytes: [UInt8]) throws {
        try stage(bytes)
        try commit()
    }

    /// Writes `bytes` to a temporary file next to `path`, flushed to the disk, to be moved
    /// into place by `commit()`, or deleted by `discard()` (or on interruption).
    func stage(_ bytes: [UInt8]) throws {
        discard()
        let (descriptor, temporary, token) = try Self.createTemporary(near: path)
        staged = (temporary, token)
        var failure: Int32 = 0
        fchmod(descriptor, 0o600)
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                offset += written
            }
        }
        if failure == 0, fsync(descriptor) != 0 { failure = errno }
        if close(descriptor) != 0, failure == 0 { failure = errno }
        if failure != 0 {
            discard()
            throw Self.failure(path, String(cString: strerror(failure)))
        }
    }

    /// Moves the staged file into place: without `replacing`, only if no file has appeared at
    /// `path` since.
    func commit() throws {
        guard let staged else { return }
        defer { discard() }
        if replacing {
            guard rename(staged.path, path) == 0 else { throw Self.failure(path, String(cString: strerror(errno))) }
            Interruption.release(staged.token)
            self.staged = nil
        } else if link(staged.path, path) != 0 {
            let code = errno
            if code == EEXIST {
                throw CommandError(
                    message:
                        "Cannot write \(path): a file of that name appeared meanwhile; it was left as it is. Pass --force to replace it.",
                    status: ExitStatus.environment)
            }
            // A file system without hard links: check again, then rename (a narrow window).
            guard code == EPERM || code == EOPNOTSUPP || code == EMLINK, access(path, F_OK) != 0 else {
                throw Self.failure(path, String(cString: strerror(code)))
            }
            guard rename(staged.path, path) == 0 else { throw Self.failure(path, String(cString: strerror(errno))) }
            Interruption.release(staged.token)
            self.staged = nil
        }
        // After a link, `discard()` deletes the temporary name; the file stays under `path`.
        Self.synchronizeFolder(of: path)
    }

    /// Deletes the staged file, if any.
    func discard() {
        guard let staged else { return }
        unlink(staged.path)
        Interruption.release(staged.token)
        self.staged = nil
    }

    /// Creates an empty file (mode 0600) next to `path`, named `.NAME.iamsim-` and 12 random
    /// letters and digits, and returns its descriptor, its path and the token that deletes it
    /// on interruption.
    ///
    /// The name is known to the interruption handler *before* the file exists: a signal between
    /// creating a file and registering it (`mkstemp`, then register) would end the process with
    /// the file left behind. Deleting a name that was never created is harmless, and `O_EXCL`
    /// makes sure the file is new.
    private static func createTemporary(near path: String) throws -> (Int32, String, Interruption.FileToken) {
        let prefix = folder(of: path) + "/." + (path as NSString).lastPathComponent + ".iamsim-"
        let alphabet = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<100 {
            let name =
                prefix + String((0..<12).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] })
            let token = Interruption.deleteOnInterruption(name)
            let descriptor = open(name, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
            if descriptor >= 0 { return (descriptor, name, token) }
            let code = errno
            Interruption.release(token)
            guard code == EEXIST else { throw failure(path, String(cString: strerror(code))) }
        }
        throw failure(path, "no unused temporary file name next to it")
    }

    private static func folder(of path: String) -> String {
        let folder = (path as NSString).deletingLastPathComponent
        return folder.isEmpty ? "." : folder
    }

    /// Makes the rename durable, as far as the file system allows.
    private static func synchronizeFolder(of path: String) {
        let descriptor = open(folder(of: path), O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        close(descriptor)
    }

    private static func failure(_ path: String, _ reason: String) -> CommandError {
        CommandError(message: "Cannot write \(path): \(reason).", status: ExitStatus.environment)
    }
}
