import Foundation
import Logging

@testable import IAMSimCore
@testable import IAMSimServer

/// The Query API's Hummingbird application, listening on 127.0.0.1 on a port the system
/// chooses, for tests that speak HTTP to it; stopped when `body` returns.
enum LiveServer {
    /// A logger that keeps the request log out of the test output.
    static let quiet: Logger = {
        var logger = Logger(label: "iamsim.serve.tests")
        logger.logLevel = .critical
        return logger
    }()

    static func run<T: Sendable>(
        _ service: QueryService, maxBodySize: Int = 1 << 20, idleTimeout: Int64 = 60,
        compatibility: ServerConfiguration.Compatibility? = nil, _ body: @Sendable (Int) async throws -> T
    ) async throws -> T {
        var configuration = ServerConfiguration(databasePath: ":memory:")
        configuration.compatibility = compatibility
        configuration.host = "127.0.0.1"
        configuration.port = 0
        configuration.maxBodySize = maxBodySize
        configuration.idleTimeout = idleTimeout
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        let app = QueryServer.application(service, configuration: configuration, logger: quiet) { port in
            continuation.yield(port)
        }
        let server = Task { try await app.runService(gracefulShutdownSignals: []) }
        defer { server.cancel() }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else { throw CancellationError() }
        return try await body(port)
    }
}

/// One TCP connection to the server, speaking HTTP/1.1 by hand: what a client that sends
/// garbage, stops halfway or keeps a connection open does. Every read gives up after 10 seconds.
final class RawConnection {
    let descriptor: Int32

    init(port: Int) throws {
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw Failure(message: "socket: \(errno)") }
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else {
            close(descriptor)
            throw Failure(message: "connect: \(errno)")
        }
    }

    deinit { close(descriptor) }

    struct Failure: Error {
        var message: String
    }

    /// An HTTP response as read: status, headers (names lower-cased) and body.
    struct Response {
        var status: Int
        var headers: [String: String]
        var body: String
    }

    private var buffer: [UInt8] = []

    func send(_ bytes: [UInt8]) throws {
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes {
                Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL))
            }
            guard count > 0 else { throw Failure(message: "send: \(errno)") }
            sent += count
        }
    }

    func send(_ text: String) throws { try send(Array(text.utf8)) }

    /// Stops sending (a half-close): the server sees the end of the request's bytes.
    func finishSending() { shutdown(descriptor, Int32(SHUT_WR)) }

    /// More bytes, or false once the server closed the connection (or the read timed out).
    private func fill() -> Bool {
        var chunk = [UInt8](repeating: 0, count: 65_536)
        let count = chunk.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { return false }
        buffer += chunk[..<count]
        return true
    }

    /// Whether the server closed the connection within the read timeout, reading nothing.
    func isClosedByServer() -> Bool {
        !fill() && buffer.isEmpty
    }

    /// The next response (its body by `Content-Length`); nil when the connection ended first.
    func response() throws -> Response? {
        let separator: [UInt8] = Array("\r\n\r\n".utf8)
        var end: Int?
        while end == nil {
            if let found = Self.find(separator, in: buffer) {
                end = found
            } else if !fill() {
                return nil
            }
        }
        guard let end else { return nil }
        let head = String(decoding: buffer[..<end], as: UTF8.self).components(separatedBy: "\r\n")
        buffer.removeFirst(end + separator.count)
        let statusLine = head[0].split(separator: " ")
        guard statusLine.count >= 2, let status = Int(statusLine[1]) else {
            throw Failure(message: "bad status \(head[0])")
        }
        var headers: [String: String] = [:]
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(
                in: .whitespaces)
        }
        let length = Int(headers["content-length"] ?? "0") ?? 0
        while buffer.count < length {
            guard fill() else { throw Failure(message: "the body ended early") }
        }
        let body = String(decoding: buffer[..<length], as: UTF8.self)
        buffer.removeFirst(length)
        return Response(status: status, headers: headers, body: body)
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        for start in 0...(haystack.count - needle.count)
        where haystack[start..<(start + needle.count)].elementsEqual(needle) {
            return start
        }
        return nil
    }

    /// `request` as HTTP/1.1 bytes: its method, path and query, its headers, a Content-Length
    /// (unless `contentLength` says otherwise) and its body.
    static func bytes(_ request: SigV4.Request, contentLength: Int? = nil) -> [UInt8] {
        let target = request.path + (request.query.isEmpty ? "" : "?" + request.query)
        var head = "\(request.method) \(target) HTTP/1.1\r\n"
        for header in request.headers { head += "\(header.name): \(header.value)\r\n" }
        head += "Content-Length: \(contentLength ?? request.body.count)\r\n\r\n"
        return Array(head.utf8) + request.body
    }
}

/// Runs `body`, which blocks (a socket read), on a thread of its own: never on Swift's
/// cooperative threads, which the in-process server needs to answer it.
func blocking<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        let thread = Thread { continuation.resume(with: Result { try body() }) }
        thread.start()
    }
}
