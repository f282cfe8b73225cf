import Foundation
import IAMSimCore

/// A file for secrets (a QR code image, a credentials list): created or truncated with mode 0600,
/// as the aws CLI writes `--outfile`, and opened before the work that fills it, so that a bad
/// path fails before anything changes.
final class SecretFile {
    let path: String
    private let handle: FileHandle

    init(path: String) throws {
        self.path = path
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw CommandError(
                message: "Cannot write \(path): \(String(cString: strerror(errno))).", status: ExitStatus.environment)
        }
        // An existing file keeps its mode through O_TRUNC; tighten it too.
        fchmod(descriptor, 0o600)
        handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
    }

    func write(_ bytes: [UInt8]) throws {
        do {
            try handle.write(contentsOf: Data(bytes))
            try handle.synchronize()
        } catch {
            throw CommandError(message: "Cannot write \(path): \(error.localizedDescription).", status: ExitStatus.environment)
        }
    }
}
