import Foundation
import HTTPTypes
import Hummingbird
import IAMSimApp
import IAMSimConsole
import IAMSimCore
import Logging
import NIOCore

/// The request context of the Query API: Hummingbird's, with the peer's address.
struct QueryRequestContext: ClientAddressRequestContext {
    var coreContext: CoreRequestContextStorage
    /// The client's IP address, for the event log's `sourceIPAddress`.
    let remoteAddress: String?

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress?.ipAddress
    }
}

/// `iamsim serve`: the Query API over HTTP, as a Hummingbird application.
public enum QueryServer {
    /// The application serving `service` with `configuration`: `POST /` and `GET /` answer Query
    /// requests (any other path too, as AWS's endpoints do); one log line per request (action,
    /// identity, status, milliseconds; never a secret or the Authorization header).
    ///
    /// With `console`, the web console's pages are served under `console.basePath`, and a
    /// `GET /` that is no API request (no query string, no `Authorization` header: a browser
    /// opening the printed address) leads there.
    public static func application(
        _ service: QueryService, configuration: ServerConfiguration, logger: Logger,
        console: ConsoleConfiguration? = nil,
        onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) -> some ApplicationProtocol {
        let router = Router(context: QueryRequestContext.self)
        if let console {
            ConsoleRoutes<QueryRequestContext>(simulator: service.simulator, configuration: console)
                .add(to: router.group(RouterPath(console.basePath)))
        }
        if configuration.compatibility == .moto {
            MotoAPI.add(to: router, service: service, logger: logger)
        }
        let limit = configuration.maxBodySize
        let respond: @Sendable (Request, QueryRequestContext) async throws -> Response = { request, context in
            let started = ContinuousClock.now
            let answer: QueryService.Answer
            var request = request
            do {
                let body = try await request.collectBody(upTo: limit)
                // HTTPTypes keeps the Host header as the request's authority, not among its fields.
                var headers = request.headers.map { (name: $0.name.rawName, value: $0.value) }
                if let authority = request.head.authority { headers.append((name: "host", value: authority)) }
                let signed = SigV4.Request(
                    method: request.method.rawValue, path: request.uri.path, query: request.uri.query ?? "",
                    headers: headers, body: Array(buffer: body))
                let origin = QueryService.Origin(
                    sourceIPAddress: context.remoteAddress, userAgent: request.headers[.userAgent])
                answer = await handleOffTheCooperativePool(service, signed, origin: origin)
            } catch is NIOTooManyBytesError {
                answer = service.refuse(
                    .requestEntityTooLarge("The request body is larger than \(limit) bytes."))
            } catch {
                // The body ended before its Content-Length (the client stopped sending) or is
                // not valid HTTP: an XML 400 rather than Hummingbird's bare one. The connection
                // then closes, its remaining bytes unreadable.
                answer = service.refuse(.malformedQueryString("The request body could not be read to its end."))
            }
            let milliseconds = milliseconds(since: started)
            if let failure = answer.internalFailure {
                logger.error("\(answer.action ?? "-") failed inside the server: \(failure)")
            }
            logger.info(
                "\(answer.action ?? "-") \(answer.identity ?? "-") \(answer.status)\(answer.errorCode.map { " " + $0 } ?? "") \(String(format: "%.2f", milliseconds)) ms"
            )
            var headers = HTTPFields()
            headers[.contentType] = answer.contentType
            headers[HTTPField.Name("x-amzn-RequestId")!] = answer.requestID
            if let errorType = answer.errorType { headers[HTTPField.Name("x-amzn-ErrorType")!] = errorType }
            return Response(
                status: .init(code: answer.status), headers: headers,
                body: .init(byteBuffer: ByteBuffer(string: answer.body)))
        }
        router.post("/", use: respond)
        router.get("/") { request, context in
            if let console, (request.uri.query ?? "").isEmpty, request.headers[.authorization] == nil {
                return Response(status: .seeOther, headers: [.location: console.basePath + "/"])
            }
            return try await respond(request, context)
        }
        router.post("**", use: respond)
        router.get("**", use: respond)
        return Application(
            router: router,
            server: .http1(configuration: .init(idleTimeout: .seconds(configuration.idleTimeout))),
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: nil),
            onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? configuration.port) },
            logger: logger)
    }

    /// The milliseconds since `start`, for the request log.
    static func milliseconds(since start: ContinuousClock.Instant) -> Double {
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000
    }
}

/// `service.handle` on a thread of Dispatch's, not of Swift's cooperative pool: answering may
/// wait for the database file (another process's write holds it up to `AppDatabase.busyTimeout`),
/// and a blocked cooperative thread is one fewer for every other connection (two, on a
/// two-core machine).
private func handleOffTheCooperativePool(
    _ service: QueryService, _ request: SigV4.Request, origin: QueryService.Origin
) async -> QueryService.Answer {
    await offTheCooperativePool { service.handle(request, origin: origin) }
}

/// `body`'s value, computed on a thread of Dispatch's (see `handleOffTheCooperativePool`).
func offTheCooperativePool<T: Sendable>(_ body: @escaping @Sendable () -> T) async -> T {
    await withCheckedContinuation { continuation in
        DispatchQueue.global(qos: .userInitiated).async {
            continuation.resume(returning: body())
        }
    }
}
