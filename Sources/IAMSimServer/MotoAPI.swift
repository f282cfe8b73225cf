import Foundation
import HTTPTypes
import Hummingbird
import IAMSimCore
import Logging
import NIOCore

/// The part of moto's own API (`/moto-api/…`) that test suites written for moto's server mode
/// call: `POST /moto-api/reset` before each test. Routed only in moto's compatibility mode
/// (`iamsim serve --compat moto`); without it the path is one more Query API endpoint, as any
/// other path is.
enum MotoAPI {
    /// The path moto resets its state at.
    static let resetPath = "/moto-api/reset"

    /// Adds `POST /moto-api/reset` (moto's answer: 200 and `{"status": "ok"}`) and its refusal
    /// for other methods (moto's: 400 and `{"Error": "Need to POST to reset Moto"}`) to `router`.
    static func add<Context: RequestContext>(to router: Router<Context>, service: QueryService, logger: Logger) {
        router.post(RouterPath(resetPath)) { _, _ in
            let started = ContinuousClock.now
            let outcome = await offTheCooperativePool { Result { try service.resetToFixtures() } }
            let milliseconds = QueryServer.milliseconds(since: started)
            switch outcome {
            case .success(let accounts):
                logger.info(
                    "MotoAPIReset - 200 \(String(format: "%.2f", milliseconds)) ms (\(accounts.map(\.rawValue).joined(separator: ", ")))"
                )
                return json(.ok, #"{"status": "ok"}"#)
            case .failure(let error):
                let message = (error as? LocalError)?.message ?? "The database could not be reset."
                logger.error("MotoAPIReset - 500 \(String(format: "%.2f", milliseconds)) ms: \(error)")
                return json(.internalServerError, "{\"Error\": \(quoted(message))}")
            }
        }
        for method in [HTTPRequest.Method.get, .put, .delete, .patch] {
            router.on(RouterPath(resetPath), method: method) { _, _ in
                json(.badRequest, #"{"Error": "Need to POST to reset Moto"}"#)
            }
        }
    }

    static func json(_ status: HTTPResponse.Status, _ body: String) -> Response {
        Response(
            status: status, headers: [.contentType: "application/json"],
            body: .init(byteBuffer: ByteBuffer(string: body)))
    }

    /// `text` as a JSON string literal.
    static func quoted(_ text: String) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: [text], options: [.withoutEscapingSlashes])) ?? Data()
        return String(String(decoding: data, as: UTF8.self).dropFirst().dropLast())
    }
}
