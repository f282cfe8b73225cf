import Foundation

/// `iamsim serve` running on a scratch database, for the real clients (the aws CLI, boto3):
/// started as a user starts it, its port read from what it prints, stopped with SIGTERM.
public final class ServerHarness {
    public let files: BinaryHarness
    let process = Process()
    private let output = Pipe()
    private let errors = Pipe()
    /// What the server logged so far (one line per request), drained as it comes so that a
    /// full pipe never blocks the server.
    private let log = LockedText()
    /// `http://127.0.0.1:PORT`.
    public private(set) var endpoint = ""
    /// Everything the server printed on standard output before it listened.
    public private(set) var banner = ""

    public static let rootKey = TestValues.rootKey
    public static let rootSecret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"

    /// Starts `iamsim serve --port 0` on `files`' database (created from the cheap-hash lesson
    /// fixture unless it exists), and waits until it listens.
    public init(_ files: BinaryHarness? = nil, arguments: [String] = []) throws {
        let files = try files ?? BinaryHarness()
        self.files = files
        if !FileManager.default.fileExists(atPath: files.database) {
            try files.run(["init", "--fixture", try files.writeFastFixture()])
        }
        process.executableURL = BinaryHarness.binary
        process.arguments = ["serve", "--db", files.database, "--port", "0"] + arguments
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        let log = self.log
        errors.fileHandleForReading.readabilityHandler = { handle in log.append(handle.availableData) }
        try process.run()
        let deadline = Date().addingTimeInterval(30)
        var seen = ""
        while Date() < deadline, process.isRunning {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            seen += String(decoding: chunk, as: UTF8.self)
            if let range = seen.range(of: #"http://127\.0\.0\.1:[0-9]+"#, options: .regularExpression) {
                endpoint = String(seen[range])
                // The banner ends with its last line.
                if seen.contains("Ctrl-C stops the server") { break }
            }
        }
        banner = seen
        guard !endpoint.isEmpty else {
            process.terminate()
            throw HarnessError(message: "the server did not start: \(seen)")
        }
    }

    public struct HarnessError: Error {
        public var message: String
    }

    /// Stops the server with SIGTERM and returns its exit status and what it logged.
    @discardableResult
    public func stop() -> (status: Int32, log: String) {
        if process.isRunning { kill(process.processIdentifier, SIGTERM) }
        process.waitUntilExit()
        errors.fileHandleForReading.readabilityHandler = nil
        log.append(errors.fileHandleForReading.readDataToEndOfFile())
        return (process.terminationStatus, log.text)
    }

    deinit {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
    }

    /// The environment a client signs with `key` and `secret` in (no profile, no config file);
    /// with `token`, temporary credentials' session token (`AWS_SESSION_TOKEN`).
    public func environment(
        key: String = rootKey, secret: String = rootSecret, region: String = "us-east-1", token: String? = nil
    ) -> [String: String] {
        var environment = [
            "AWS_ACCESS_KEY_ID": key, "AWS_SECRET_ACCESS_KEY": secret, "AWS_DEFAULT_REGION": region,
            "AWS_ENDPOINT_URL": endpoint, "AWS_CONFIG_FILE": "/dev/null", "AWS_SHARED_CREDENTIALS_FILE": "/dev/null",
            "HOME": files.folder.path, "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
            "AWS_PAGER": "", "AWS_MAX_ATTEMPTS": "1",
        ]
        environment["AWS_SESSION_TOKEN"] = token
        return environment
    }

    /// Runs the aws CLI (`aws ARGUMENTS --output json`) against the server.
    public func aws(
        _ arguments: [String], key: String = rootKey, secret: String = rootSecret, region: String = "us-east-1",
        token: String? = nil
    ) throws -> BinaryHarness.Result {
        try BinaryHarness.tool(
            "/usr/bin/env", ["aws"] + arguments + ["--output", "json"],
            environment: environment(key: key, secret: secret, region: region, token: token),
            directory: files.folder)
    }

    /// Runs a Python script (boto3) against the server, with `extra` added to the client's
    /// environment (root's key).
    public func python(_ script: String, adding extra: [String: String]) throws -> BinaryHarness.Result {
        try BinaryHarness.tool(
            "/usr/bin/env", ["python3", "-c", script], environment: environment().merging(extra) { $1 },
            directory: files.folder)
    }

    /// Runs a Python script (boto3) against the server; the script reads AWS_ENDPOINT_URL.
    public func python(_ script: String, key: String = rootKey, secret: String = rootSecret) throws
        -> BinaryHarness.Result
    {
        try BinaryHarness.tool(
            "/usr/bin/env", ["python3", "-c", script], environment: environment(key: key, secret: secret),
            directory: files.folder)
    }
}

/// Text appended from another thread.
private final class LockedText: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()

    func append(_ chunk: Data) {
        lock.lock()
        data.append(chunk)
        lock.unlock()
    }

    var text: String {
        lock.lock()
        defer { lock.unlock() }
        return String(decoding: data, as: UTF8.self)
    }
}
