import IAMSimCore

/// What a Query API request can get wrong before (or instead of) reaching an IAM operation:
/// the protocol, the signature, the action. Each has AWS's code, HTTP status and message
/// (../shared/docs/aws-query-auth-reference.md); IAM's own answers are `IAMError`s.
enum QueryError: Error, Equatable, Sendable {
    /// No `Action` parameter (400 MissingAction).
    case missingAction
    /// An `Action` the `Version` (IAM 2010-05-08, STS 2011-06-15) does not have (400 InvalidAction).
    case invalidAction(action: String, version: String)
    /// An operation of AWS's model that iamsim does not simulate (roles, policies, SAML…):
    /// 400, code `NotImplemented`, naming what is missing. Never a 5xx, which clients retry.
    case notSimulated(action: String, what: String)
    /// A body that is not form text.
    case malformedBody(String)
    /// A body over the server's limit (413).
    case tooLarge(limit: Int)
    /// A signature that is missing, malformed or wrong.
    case signature(SigV4.Failure)
    /// An unknown, deleted or inactive access key (403 InvalidClientTokenId); a session token
    /// that is not one iamsim issued gets the same message without its final period, as AWS's.
    case invalidClientTokenId(sessionToken: Bool)
    /// Session credentials whose token expired on the account's clock (403 ExpiredToken).
    case expiredToken

    /// The AWS error code.
    var code: String {
        switch self {
        case .missingAction: "MissingAction"
        case .invalidAction: "InvalidAction"
        case .notSimulated: "NotImplemented"
        case .malformedBody: "MalformedQueryString"
        case .tooLarge: "RequestEntityTooLarge"
        case .signature(.missingAuthenticationToken): "MissingAuthenticationToken"
        case .signature(.incompleteSignature): "IncompleteSignature"
        case .signature(.signatureDoesNotMatch): "SignatureDoesNotMatch"
        case .invalidClientTokenId: "InvalidClientTokenId"
        case .expiredToken: "ExpiredToken"
        }
    }

    /// The HTTP status AWS answers with.
    var httpStatus: Int {
        switch self {
        case .missingAction, .invalidAction, .notSimulated, .malformedBody, .signature(.incompleteSignature): 400
        case .tooLarge: 413
        case .signature(.missingAuthenticationToken), .signature(.signatureDoesNotMatch), .invalidClientTokenId,
            .expiredToken:
            403
        }
    }

    /// AWS's message.
    var message: String {
        switch self {
        case .missingAction: "Missing Action"
        case .invalidAction(let action, let version): "Could not find operation \(action) for version \(version)"
        case .notSimulated(let action, let what):
            "iamsim does not simulate \(what), so \(action) is not available. See docs/api.md for the actions iamsim answers."
        case .malformedBody(let reason): reason
        case .tooLarge(let limit): "The request body is larger than \(limit) bytes."
        case .signature(.missingAuthenticationToken): "Request is missing Authentication Token"
        case .signature(.incompleteSignature(let message)), .signature(.signatureDoesNotMatch(let message)): message
        case .invalidClientTokenId(let sessionToken):
            sessionToken
                ? "The security token included in the request is invalid"
                : "The security token included in the request is invalid."
        case .expiredToken: "The security token included in the request is expired"
        }
    }
}
