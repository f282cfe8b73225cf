import Foundation
import HTTPTypes
import Hummingbird
import IAMSimApp
import IAMSimCore
import NIOCore
import NIOPosix

/// The web console's routes, for a Hummingbird router: the IAM console's pages for the
/// lesson (sign-in, dashboard, security credentials, the Assign MFA device wizard, users and
/// groups), the trainee's phone and the instructor's class progress, over an open `Simulator`.
///
/// Mount it where `configuration.basePath` says, for example
/// `ConsoleRoutes(simulator: simulator).add(to: router.group("console"))`. Every page is
/// rendered on the server and works without JavaScript; every action is the same store or
/// application operation as the CLI's, with the same events (docs/console.md).
public struct ConsoleRoutes<Context: ClientAddressRequestContext>: Sendable {
    let console: Console

    /// - Parameters:
    ///   - simulator: the simulator the pages act on, shared with the rest of the server.
    ///   - configuration: where the console is mounted, the instructor's token, the cookie key.
    public init(simulator: Simulator, configuration: ConsoleConfiguration = ConsoleConfiguration()) {
        console = Console(simulator: simulator, configuration: configuration)
    }

    /// Adds the console's routes to `router` (a group at `configuration.basePath`).
    public func add<Router: RouterMethods>(to router: Router) where Router.Context == Context {
        let console = self.console
        let respond: @Sendable (Request, Context) async throws -> Response = { request, context in
            let path = "/" + context.parameters.getCatchAll().joined(separator: "/")
            return try await Self.respond(console, request, context, path: path)
        }
        let root: @Sendable (Request, Context) async throws -> Response = { request, context in
            try await Self.respond(console, request, context, path: "/")
        }
        router.get("", use: root)
        router.post("", use: root)
        router.get("**", use: respond)
        router.post("**", use: respond)
    }

    /// The largest request body the console reads: a QR code image and its form.
    static var maxBodySize: Int { 2 << 20 }

    static func respond(_ console: Console, _ request: Request, _ context: Context, path: String) async throws
        -> Response
    {
        var request = request
        let method: ConsoleRequest.Method = request.method == .post ? .post : .get
        var form: [String: String] = [:]
        var files: [String: UploadedFile] = [:]
        var tooLarge = false
        if method == .post {
            do {
                let buffer = try await request.collectBody(upTo: maxBodySize)
                let body = Array(buffer: buffer)
                let contentType = request.headers[.contentType] ?? ""
                if let boundary = MultipartForm.boundary(contentType: contentType) {
                    if let multipart = MultipartForm(body: body, boundary: boundary) {
                        form = multipart.fields
                        files = multipart.files
                    }
                } else {
                    form = FormDecoding.urlEncoded(String(decoding: body, as: UTF8.self))
                }
            } catch is NIOTooManyBytesError {
                tooLarge = true
            }
        }
        var cookies: [String: String] = [:]
        for header in request.headers[values: .cookie] {
            for pair in header.split(separator: ";") {
                let parts = pair.split(separator: "=", maxSplits: 1)
                guard parts.count == 2 else { continue }
                cookies[parts[0].trimmingCharacters(in: .whitespaces)] = parts[1].trimmingCharacters(
                    in: .whitespaces)
            }
        }
        var query: [String: String] = [:]
        for (name, value) in request.uri.queryParameters {
            query[String(name)] = String(value)
        }
        let consoleRequest = ConsoleRequest(
            method: method, path: path, query: query, cookies: cookies, form: form, files: files,
            origin: request.headers[.origin], host: request.head.authority,
            client: RequestOrigin(sourceIPAddress: context.remoteAddress, userAgent: request.headers[.userAgent]))
        // The pages block on the database and, at sign-in, on the slow password hash: they run
        // on NIO's thread pool, never on the threads that serve connections and tasks.
        let refused = tooLarge
        let answer = try await NIOThreadPool.singleton.runIfActive {
            refused ? console.tooLarge(consoleRequest, limit: maxBodySize) : console.respond(consoleRequest)
        }
        return response(answer, configuration: console.configuration)
    }

    static func response(_ answer: ConsoleResponse, configuration: ConsoleConfiguration) -> Response {
        var headers = HTTPFields()
        for (name, value) in answer.headers {
            if let field = HTTPField.Name(name) { headers.append(HTTPField(name: field, value: value)) }
        }
        for cookie in answer.cookies {
            headers.append(
                HTTPField(
                    name: .setCookie,
                    value: cookie.header(path: configuration.basePath, secure: configuration.secureCookies)))
        }
        return Response(
            status: HTTPResponse.Status(code: answer.status), headers: headers,
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: answer.body)))
    }
}
