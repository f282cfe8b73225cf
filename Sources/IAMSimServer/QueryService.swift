import Foundation
import IAMSimApp
import IAMSimCore
import IAMSimStore

/// The IAM and STS Query APIs over the simulator, independent of any HTTP framework: a signed
/// request in, a status and an XML body out (`handle(_:origin:)`), so that tests drive it
/// directly and the Hummingbird application (`QueryServer`) only moves bytes.
///
/// A request goes through, in order: its form (`MissingAction`, `MalformedQueryString`), its
/// action (`InvalidAction` for one the `Version` does not have, `NotImplemented` for one iamsim
/// does not simulate), its signature and key (`MissingAuthenticationToken`,
/// `IncompleteSignature`, `SignatureDoesNotMatch`, `InvalidClientTokenId`; the key's use is
/// recorded once it verifies), its parameters against botocore's model (`ValidationError`),
/// then the action's handler, which calls the store as the key's owner: the store authorizes
/// (`Permissions`, as for the CLI) and answers in `IAMError`s, sent with their HTTP status.
public struct QueryService: Sendable {
    let simulator: Simulator
    /// The one account served (`iamsim serve --account`); nil for every account.
    let account: AccountID?
    /// The compatibility mode (`iamsim serve --compat`); nil for AWS's rules only.
    let compatibility: ServerConfiguration.Compatibility?
    let model: QueryModel
    let patterns = PatternCache()
    /// Signing keys derived once per secret and day, region and service.
    let signingKeys = SigningKeyCache()

    /// - Parameters:
    ///   - account: the one account whose keys are accepted; the keys of the others are then
    ///     unknown (`InvalidClientTokenId`). Nil serves every account of the database.
    ///   - compatibility: with `.moto`, a request signed with a key the database does not hold
    ///     acts as the root user of `account` (the first account created when nil), unverified,
    ///     instead of being refused. The simulator's MFA code policy is its own
    ///     (`Simulator.open`'s `codePolicy`).
    /// - Throws: a decoding error if the generated model were damaged.
    public init(
        simulator: Simulator, account: AccountID? = nil, compatibility: ServerConfiguration.Compatibility? = nil
    ) throws {
        self.simulator = simulator
        self.account = account
        self.compatibility = compatibility
        self.model = try QueryModel.decoded()
    }

    /// Where a request came from, for the event log (`sourceIPAddress`, `userAgent`).
    public typealias Origin = RequestOrigin

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
        /// What failed inside the server, for its log only (the client gets `ServiceFailure`).
        public var internalFailure: String?
        /// The body's media type: `text/xml` for IAM and STS; another service's own for a
        /// request iamsim does not simulate (`UnsimulatedService`).
        public var contentType = "text/xml"
        /// The `x-amzn-ErrorType` header, which REST-JSON clients read an error's code from.
        public var errorType: String?
    }

    /// Answers one request.
    public func handle(_ request: SigV4.Request, origin: Origin) -> Answer {
        let requestID = Self.requestID(simulator.random)
        var answer = Answer(status: 200, body: "", requestID: requestID)
        var namespace = QueryXML.iamNamespace
        if let unsimulated = UnsimulatedService(request) {
            return unsimulated.answer(requestID: requestID)
        }
        do {
            let query = try QueryRequest(
                query: request.query, body: request.body, contentType: request.header("content-type"))
            answer.action = Self.loggable(query.action)
            guard let service = model.service(version: query.version),
                let operation = service.operations[query.action]
            else {
                throw IAMError.invalidAction("Could not find operation \(query.action) for version \(query.version)")
            }
            namespace = service.namespace
            guard let action = IAMAction(rawValue: query.action), let handler = QueryAPI.handlers[action] else {
                throw IAMError.notImplemented(QueryAPI.notSimulatedMessage(query.action))
            }
            let (principal, caller) = try authenticate(request, for: action, origin: origin)
            answer.identity = principal.arn
            let parameters: QueryParameters
            do {
                parameters = try QueryParameters(query.parameters, operation: operation, patterns: patterns)
            } catch {
                // Refused before it reaches the store, which logs its own: logged here, as the
                // CLI's validation errors are.
                try simulator.store.recordRefusal(action, caller: caller, error: error)
                throw error
            }
            let context = QueryContext(
                simulator: simulator, principal: principal, parameters: parameters, caller: caller)
            answer.body = QueryXML.response(action, result: try handler(context), requestID: requestID)
            return answer
        } catch let error as IAMError {
            return refuse(error, namespace: namespace, answer)
        } catch let refused as RefusedCodeError {
            return refuse(refused.error, namespace: namespace, answer)
        } catch {
            // A failure of the machine, not of the request (the database file, a disk): AWS's
            // ServiceFailure, with the detail left to the server's log.
            var failed = refuse(
                .serviceFailure("The service failed to process the request."), namespace: namespace, answer)
            failed.internalFailure = String(describing: error)
            return failed
        }
    }

    /// The principal whose access key signed `request`, once the signature verifies, and the
    /// caller it acts as (with its key, session and `origin`); a long-term key's use is
    /// recorded (the date, and the signature scope's region and service). Temporary
    /// credentials (`ASIA…` with `X-Amz-Security-Token`, from STS GetSessionToken) sign until
    /// they expire on the account's clock (`IAMStore.authenticate`).
    ///
    /// - Throws: `MissingAuthenticationToken`, `IncompleteSignature`, `SignatureDoesNotMatch`
    ///   (a wrong signature, a time more than 15 minutes off, a scope of the wrong service),
    ///   `InvalidClientTokenId`, `ExpiredToken`, in AWS's words.
    ///
    /// In moto's compatibility mode, a key the database does not hold acts as the root user of
    /// the account served (`UnknownKeyPolicy.actAsRoot`): the request must still be signed in
    /// SigV4's form, on time and for the right service, but its signature is not verified.
    func authenticate(_ request: SigV4.Request, for action: IAMAction, origin: Origin) throws -> (Principal, Caller) {
        let credentials = try SigV4.credentials(of: request)
        try SigV4.checkTime(credentials, now: simulator.clock.realNow())
        let service = action.service == .sts ? "sts" : "iam"
        guard credentials.service == service else {
            throw IAMError.signatureDoesNotMatch("Credential should be scoped to correct service: '\(service)'. ")
        }
        let caller = try simulator.store.authenticate(
            accessKeyID: credentials.accessKeyID, securityToken: credentials.securityToken, for: action,
            service: credentials.service, region: credentials.region,
            origin: origin, unknownKeys: compatibility == .moto ? .actAsRoot(of: account) : .refused
        ) { signing throws(IAMError) in
            if let account, signing.principal.accountID != account { throw IAMError.invalidAccessKey }
            try SigV4.verify(request, credentials, secret: signing.secretAccessKey, keys: signingKeys)
        }
        guard case .principal(let principal) = caller.identity else { throw IAMError.invalidAccessKey }
        return (principal, caller)
    }

    /// The answer refusing a request with `error`, in `namespace`.
    func refuse(_ error: IAMError, namespace: String, _ answer: Answer) -> Answer {
        var refused = answer
        refused.status = error.httpStatus
        refused.errorCode = error.code
        refused.body = QueryXML.errorResponse(error, namespace: namespace, requestID: answer.requestID)
        return refused
    }

    /// The answer to a request refused before it reached the service (a body too large).
    func refuse(_ error: IAMError) -> Answer {
        refuse(
            error, namespace: QueryXML.iamNamespace,
            Answer(status: 200, body: "", requestID: Self.requestID(simulator.random)))
    }

    /// `text` as the request log may show it: printable ASCII, at most 64 characters (an
    /// unknown action is the client's text, which must not forge log lines).
    static func loggable(_ text: String) -> String {
        String(text.unicodeScalars.prefix(64).map { (0x21...0x7E).contains($0.value) ? Character($0) : "?" })
    }

    /// A request id in AWS's form (a UUID, version 4), from the simulator's randomness.
    static func requestID(_ random: RandomSource) -> String {
        var bytes = random.bytes(16)
        bytes[6] = (bytes[6] & 0x0F) | 0x40
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        // Hex digits by table, not `String(format:)`, which costs a formatter per byte on every request.
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(36)
        for (index, byte) in bytes.enumerated() {
            if [4, 6, 8, 10].contains(index) { text.append(UInt8(ascii: "-")) }
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}

extension QueryService.Answer {
    init(status: Int, body: String, requestID: String) {
        self.init(
            status: status, body: body, requestID: requestID, action: nil, identity: nil, errorCode: nil,
            internalFailure: nil)
    }
}

extension QueryService {
    /// moto's `POST /moto-api/reset` (compatibility mode only): every account served (the one
    /// of `--account`, else all of the database) back to the fixture it was created from, as
    /// `iamsim reset` puts it back (users, keys, devices, sessions, lesson progress, the
    /// trainee's phone; in one transaction), its clock and its events kept.
    ///
    /// - Returns: the accounts reset.
    /// - Throws: `LocalError.noSuchAccount` when the account served is gone,
    ///   `LocalError.invalidValue` for an account with no stored fixture; a database failure.
    public func resetToFixtures() throws -> [AccountID] {
        let accounts = try account.map { [$0] } ?? simulator.accounts.listAccounts().map(\.accountID)
        try simulator.classroom.reset(accounts, to: nil)
        return accounts
    }

    /// The IAM and STS actions iamsim answers (every other operation of AWS's model is
    /// `NotImplemented`).
    public static var answeredActions: [IAMAction] {
        QueryAPI.handlers.keys.sorted { $0.name < $1.name }
    }
}
