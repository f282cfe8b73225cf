import Foundation
import IAMSimApp
import IAMSimCore
import IAMSimDatabase
import IAMSimStore

/// The IAM and STS Query APIs over the simulator, independent of any HTTP framework: a signed
/// request in, a status and an XML body out (`handle(_:origin:)`), so that tests drive it
/// directly and the Hummingbird application (`QueryServer`) only moves bytes.
public struct QueryService: Sendable {
    let simulator: Simulator
    let model: QueryModel
    let patterns = PatternCache()
    let handlers: [String: QueryHandler]

    /// - Throws: a decoding error if the generated model were damaged.
    public init(simulator: Simulator) throws {
        self.simulator = simulator
        self.model = try QueryModel.decoded()
        self.handlers = QueryAPI.handlers
    }

    /// Where a request came from, for the event log and the request log.
    public struct Origin: Sendable {
        public var sourceIPAddress: String?
        public var userAgent: String?

        public init(sourceIPAddress: String?, userAgent: String?) {
            self.sourceIPAddress = sourceIPAddress
            self.userAgent = userAgent
        }
    }

    /// What answering a request produced: the HTTP status, the XML body, and what the request
    /// log records (never a secret).
    public struct Answer: Sendable {
        public var status: Int
        public var body: String
        public var requestID: String
        /// The action requested, when one was named.
        public var action: String?
        /// The identity the request was signed by, when it was authenticated.
        public var identity: String?
        /// The error code, for a refusal.
        public var errorCode: String?
    }

    /// Answers one request.
    public func handle(_ request: SigV4.Request, origin: Origin) -> Answer {
        let requestID = Self.requestID(simulator.random)
        var action: String?
        var identity: String?
        var namespace = model.iam.namespace
        do {
            let query = try QueryRequest(query: request.query, body: request.body, contentType: request.header("content-type"))
            action = query.action
            guard let service = model.service(version: query.version), let operation = service.operations[query.action]
            else { throw QueryError.invalidAction(action: query.action, version: query.version) }
            namespace = service.namespace
            let credentials: SigV4.Credentials
            do throws(SigV4.Failure) {
                credentials = try SigV4.credentials(of: request)
                try SigV4.checkTime(credentials, now: simulator.clock.realNow())
            } catch {
                throw QueryError.signature(error)
            }
            let known = IAMAction(rawValue: query.action)
            let principal = try simulator.store.authenticate(
                accessKeyID: credentials.accessKeyID, service: credentials.service, region: credentials.region,
                action: known ?? .getCallerIdentity
            ) { secret in
                do throws(SigV4.Failure) {
                    try SigV4.verify(request, credentials, secret: secret)
                } catch {
                    throw QueryError.signature(error)
                }
            }
            identity = principal.arn
            let parameters = try QueryParameters(query.parameters, operation: operation, patterns: patterns)
            guard let handler = handlers[query.action] else {
                throw QueryError.notSimulated(action: query.action, what: QueryAPI.notSimulatedWhat(query.action))
            }
            let context = QueryContext(
                simulator: simulator, principal: principal, parameters: parameters, origin: origin)
            let result = try handler(context)
            return Answer(
                status: 200,
                body: QueryResponse.result(action: query.action, result, namespace: namespace, requestID: requestID),
                requestID: requestID, action: action, identity: identity, errorCode: nil)
        } catch let error as QueryError {
            return answer(error.code, error.message, status: error.httpStatus, sender: true, namespace, requestID, action, identity)
        } catch let error as IAMError {
            return answer(
                error.code, error.message, status: error.httpStatus, sender: error.isSenderFault, namespace, requestID,
                action, identity)
        } catch let refused as RefusedCodeError {
            let error = refused.error
            return answer(
                error.code, error.message, status: error.httpStatus, sender: error.isSenderFault, namespace, requestID,
                action, identity)
        } catch {
            // A failure of the machine, not of the request (the database file, a disk): AWS's
            // ServiceFailure, with the detail left to the server's log.
            return answer(
                "ServiceFailure", "The service failed to process the request.", status: 500, sender: false, namespace,
                requestID, action, identity)
        }
    }

    private func answer(
        _ code: String, _ message: String, status: Int, sender: Bool, _ namespace: String, _ requestID: String,
        _ action: String?, _ identity: String?
    ) -> Answer {
        Answer(
            status: status,
            body: QueryResponse.error(code: code, message: message, sender: sender, namespace: namespace, requestID: requestID),
            requestID: requestID, action: action, identity: identity, errorCode: code)
    }

    /// A request id in AWS's form (a UUID), from the simulator's randomness.
    static func requestID(_ random: RandomSource) -> String {
        var bytes = random.bytes(16)
        bytes[6] = (bytes[6] & 0x0F) | 0x40
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        let hex = bytes.map { byte in
            let digits = Array("0123456789abcdef")
            return String(digits[Int(byte >> 4)]) + String(digits[Int(byte & 0x0F)])
        }.joined()
        let parts = [hex.prefix(8), hex.dropFirst(8).prefix(4), hex.dropFirst(12).prefix(4), hex.dropFirst(16).prefix(4), hex.dropFirst(20)]
        return parts.joined(separator: "-")
    }
}

/// What a handler gets: the simulator, the authenticated principal, the checked parameters.
struct QueryContext {
    let simulator: Simulator
    let principal: Principal
    let parameters: QueryParameters
    let origin: QueryService.Origin

    var store: IAMStore { simulator.store }
    /// The caller, as the store authorizes it.
    var caller: Caller { .principal(principal) }
}

/// One action's handler: the result's members, or nil for an operation with no output.
typealias QueryHandler = @Sendable (QueryContext) throws -> ShapeValue?
