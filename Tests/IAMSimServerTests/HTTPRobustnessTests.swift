import Foundation
import IAMSimTestSupport
import Testing

@testable import IAMSimApp
@testable import IAMSimCore
@testable import IAMSimDatabase
@testable import IAMSimServer

/// The server over real TCP connections: size limits, keep-alive, idle connections, bodies that
/// are cut short or are not text, and many clients writing at once, on a database file.
@Suite("Query API over HTTP: limits, connections, garbage, concurrency")
struct HTTPRobustnessTests {
    static let identity = [("Action", "GetCallerIdentity"), ("Version", "2011-06-15")]

    /// A server's simulator on a fresh database file opened as `iamsim serve` opens it (a pool),
    /// loaded with the lesson, on the system's clock (requests are signed now).
    static func service() throws -> (QueryService, AppDatabase) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("iamsim-http-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let database = try AppDatabase.open(
            path: folder.appendingPathComponent("iamsim.sqlite").path, connections: .pool)
        let simulator = Simulator(
            database: database, wallClock: .system, random: .seeded(11), hasher: TestValues.cheapHasher)
        try simulator.classroom.load(try Fixture.builtInDefault())
        return (try QueryService(simulator: simulator), database)
    }

    static func signed(_ parameters: [(String, String)], signer: Signer = .root) -> SigV4.Request {
        signer.request(parameters, date: Date())
    }

    @Test("a body over the limit is 413 with an XML error, whether announced or streamed")
    func tooLarge() async throws {
        let (service, _) = try Self.service()
        try await LiveServer.run(service, maxBodySize: 4_096) { port in
            try await blocking {
                // Announced: Content-Length over the limit, refused before the body is read.
                var request = Self.signed(Self.identity)
                request.body += Array(repeating: UInt8(ascii: "a"), count: 5_000)
                let announced = try RawConnection(port: port)
                try announced.send(RawConnection.bytes(request))
                let response = try #require(try announced.response())
                #expect(response.status == 413)
                #expect(response.headers["content-type"] == "text/xml")
                #expect(response.body.hasPrefix(#"<ErrorResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/">"#))
                #expect(response.body.contains("<Code>RequestEntityTooLarge</Code>"))
                #expect(response.body.contains("<Message>The request body is larger than 4096 bytes.</Message>"))
                // Streamed: chunked, with no length to announce it.
                let chunked = try RawConnection(port: port)
                try chunked.send(
                    "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n\r\n"
                )
                for _ in 0..<3 { try chunked.send("7d0\r\n" + String(repeating: "b", count: 2_000) + "\r\n") }
                try chunked.send("0\r\n\r\n")
                let streamed = try #require(try chunked.response())
                #expect(streamed.status == 413)
                #expect(streamed.body.contains("<Code>RequestEntityTooLarge</Code>"))
            }
        }
    }

    @Test("keep-alive: several requests answered on one connection")
    func keepAlive() async throws {
        let (service, _) = try Self.service()
        try await LiveServer.run(service) { port in
            try await blocking {
                let connection = try RawConnection(port: port)
                for _ in 0..<3 {
                    try connection.send(RawConnection.bytes(Self.signed(Self.identity)))
                    let response = try #require(try connection.response())
                    #expect(response.status == 200, "\(response.body)")
                    #expect(response.body.contains("<Arn>arn:aws:iam::123456789012:root</Arn>"))
                    #expect(response.headers["connection"] != "close")
                }
            }
        }
    }

    @Test("idle connections, and requests that stop halfway, are closed after the idle timeout")
    func idle() async throws {
        let (service, _) = try Self.service()
        try await LiveServer.run(service, idleTimeout: 1) { port in
            try await blocking {
                let started = ContinuousClock.now
                let idle = try RawConnection(port: port)
                #expect(idle.isClosedByServer())
                let waited = ContinuousClock.now - started
                #expect(waited >= .milliseconds(900) && waited < .seconds(5), "\(waited)")
                // Headers announcing 100 bytes, then 10, then silence.
                var request = Self.signed(Self.identity)
                request.body = Array(request.body.prefix(10))
                let stalled = try RawConnection(port: port)
                try stalled.send(RawConnection.bytes(request, contentLength: 100))
                #expect(try stalled.response() == nil)
            }
        }
    }

    @Test("a body cut short, binary bytes, another content type, broken escapes: 4xx XML, never 500")
    func garbage() async throws {
        let (service, database) = try Self.service()
        try await LiveServer.run(service) { port in
            try await blocking {
                // Cut short: the client stops sending before Content-Length bytes.
                var truncated = Self.signed(Self.identity)
                let full = truncated.body.count
                truncated.body = Array(truncated.body.prefix(full / 2))
                let cut = try RawConnection(port: port)
                try cut.send(RawConnection.bytes(truncated, contentLength: full))
                cut.finishSending()
                let response = try #require(try cut.response())
                #expect(response.status == 400, "\(response.body)")
                #expect(response.body.hasPrefix("<ErrorResponse"))
                #expect(response.body.contains("<Code>MalformedQueryString</Code>"))
                #expect(response.body.contains("<Message>The request body could not be read to its end.</Message>"))
                var binary = Self.signed(Self.identity)
                binary.body = [0xFF, 0xFE, 0x00, 0x41, 0x80, 0x81]
                var json = Self.signed(Self.identity)
                json.headers[0].value = "application/json"
                var escapes = Self.signed(Self.identity)
                escapes.body = Array("Action=GetCallerIdentity&Version=2011-06-15&X=%E0%A4%&%%%".utf8)
                var noAction = Self.signed(Self.identity)
                noAction.body = Array("Version=2011-06-15".utf8)
                for (name, request, status) in [
                    ("binary", binary, 400), ("JSON", json, 400), ("broken escapes", escapes, 403),
                    ("no action", noAction, 400),
                ] {
                    let connection = try RawConnection(port: port)
                    try connection.send(RawConnection.bytes(request))
                    let response = try #require(try connection.response(), "\(name)")
                    #expect(response.status == status, "\(name): \(response.body)")
                    #expect(response.headers["content-type"] == "text/xml", "\(name)")
                    #expect(response.body.hasPrefix("<ErrorResponse"), "\(name)")
                }
                // Not even HTTP: the connection is refused or closed, and the server goes on.
                let nonsense = try RawConnection(port: port)
                try nonsense.send([0x16, 0x03, 0x01, 0x00, 0xA5, 0x01, 0x00] + Array("\r\n\r\n".utf8))
                if let response = try nonsense.response() { #expect((400..<500).contains(response.status)) }
                let after = try RawConnection(port: port)
                try after.send(RawConnection.bytes(Self.signed(Self.identity)))
                #expect(try after.response()?.status == 200)
            }
        }
        #expect(try database.read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") } == "ok")
    }

    @Test("8 clients writing at once: every request answered 200, every write in the database, no lock errors")
    func concurrentWriters() async throws {
        let (service, database) = try Self.service()
        let perClient = 12
        let statuses = try await LiveServer.run(service) { port in
            try await withThrowingTaskGroup(of: [Int].self) { group in
                for client in 0..<8 {
                    group.addTask {
                        try await blocking {
                            let connection = try RawConnection(port: port)
                            var statuses: [Int] = []
                            for index in 0..<perClient {
                                // Alternately a new session (an insert) and a key use (an update of
                                // the key's last use), each with its event.
                                let parameters =
                                    (client + index).isMultiple(of: 2)
                                    ? [("Action", "GetSessionToken"), ("Version", "2011-06-15")] : Self.identity
                                try connection.send(RawConnection.bytes(Self.signed(parameters)))
                                statuses.append(try connection.response()?.status ?? -1)
                            }
                            return statuses
                        }
                    }
                }
                return try await group.reduce(into: []) { $0 += $1 }
            }
        }
        #expect(statuses.count == 8 * perClient)
        #expect(statuses.allSatisfy { $0 == 200 }, "\(statuses)")
        let (sessions, events, integrity) = try database.read { db in
            (
                try Int.fetchOne(db, sql: "SELECT count(*) FROM sessionCredential"),
                try Int.fetchOne(
                    db, sql: "SELECT count(*) FROM event WHERE eventName IN ('GetSessionToken', 'GetCallerIdentity')"),
                try String.fetchOne(db, sql: "PRAGMA integrity_check")
            )
        }
        #expect(sessions == 8 * perClient / 2)
        #expect(events == 8 * perClient)
        #expect(integrity == "ok")
    }
}
