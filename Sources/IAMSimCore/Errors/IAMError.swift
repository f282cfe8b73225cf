/// The one error vocabulary of iamsim: every case is an AWS error code, IAM's own or one of the
/// Query protocol's common errors (a request's signature, its action).
///
/// Front ends map these once: the CLI to a one-line `An error occurred (Code) when calling
/// the Op operation: message` and an exit code, the Query API to an `ErrorResponse` sent with
/// `httpStatus`.
public enum IAMError: Error, Equatable, Sendable {
    case noSuchEntity(String)
    case entityAlreadyExists(String)
    case limitExceeded(String)
    case deleteConflict(String)
    case invalidAuthenticationCode(String)
    case entityTemporarilyUnmodifiable(String)
    case validationError(String)
    case invalidInput(String)
    case accessDenied(String)
    case passwordPolicyViolation(String)
    case invalidUserType(String)
    case reportNotPresent(String)
    case reportInProgress(String)
    /// `ListOrganizationsFeatures` for an account that belongs to no organization, as every
    /// simulated account is (400; botocore's `OrganizationNotFoundException` has no code of its
    /// own, so the shape's name is the code).
    case organizationNotFound(String)
    case invalidClientTokenId(String)
    case signatureDoesNotMatch(String)
    /// Temporary credentials used after they expired (403; STS `GetSessionToken`'s).
    case expiredToken(String)
    case serviceFailure(String)

    // MARK: The Query protocol's common errors (IAM API Reference, "Common Errors")

    /// A request with neither an `Authorization` header nor a presigned query (403).
    case missingAuthenticationToken(String)
    /// A signature with a part missing or malformed (400).
    case incompleteSignature(String)
    /// No `Action` parameter (400).
    case missingAction(String)
    /// An `Action` the `Version` does not have (400).
    case invalidAction(String)
    /// A request body that is not form text (400).
    case malformedQueryString(String)
    /// A request body over the server's limit (413).
    case requestEntityTooLarge(String)
    /// An operation of AWS's model that iamsim does not simulate (roles, policies…). iamsim's
    /// own answer, 400 so that no client retries it (docs/differences.md).
    case notImplemented(String)

    /// The AWS error code, exactly as AWS spells it.
    public var code: String {
        switch self {
        case .noSuchEntity: "NoSuchEntity"
        case .entityAlreadyExists: "EntityAlreadyExists"
        case .limitExceeded: "LimitExceeded"
        case .deleteConflict: "DeleteConflict"
        case .invalidAuthenticationCode: "InvalidAuthenticationCode"
        case .entityTemporarilyUnmodifiable: "EntityTemporarilyUnmodifiable"
        case .validationError: "ValidationError"
        case .invalidInput: "InvalidInput"
        case .accessDenied: "AccessDenied"
        case .passwordPolicyViolation: "PasswordPolicyViolation"
        case .invalidUserType: "InvalidUserType"
        case .reportNotPresent: "ReportNotPresent"
        case .reportInProgress: "ReportInProgress"
        case .organizationNotFound: "OrganizationNotFoundException"
        case .invalidClientTokenId: "InvalidClientTokenId"
        case .signatureDoesNotMatch: "SignatureDoesNotMatch"
        case .expiredToken: "ExpiredToken"
        case .serviceFailure: "ServiceFailure"
        case .missingAuthenticationToken: "MissingAuthenticationToken"
        case .incompleteSignature: "IncompleteSignature"
        case .missingAction: "MissingAction"
        case .invalidAction: "InvalidAction"
        case .malformedQueryString: "MalformedQueryString"
        case .requestEntityTooLarge: "RequestEntityTooLarge"
        case .notImplemented: "NotImplemented"
        }
    }

    /// The human-readable message, worded like AWS's where AWS's wording is known.
    public var message: String {
        switch self {
        case .noSuchEntity(let m), .entityAlreadyExists(let m), .limitExceeded(let m),
            .deleteConflict(let m), .invalidAuthenticationCode(let m),
            .entityTemporarilyUnmodifiable(let m), .validationError(let m), .invalidInput(let m),
            .accessDenied(let m), .passwordPolicyViolation(let m), .invalidUserType(let m), .reportNotPresent(let m),
            .reportInProgress(let m), .organizationNotFound(let m), .invalidClientTokenId(let m),
            .signatureDoesNotMatch(let m),
            .expiredToken(let m), .serviceFailure(let m), .missingAuthenticationToken(let m),
            .incompleteSignature(let m),
            .missingAction(let m), .invalidAction(let m), .malformedQueryString(let m), .requestEntityTooLarge(let m),
            .notImplemented(let m):
            m
        }
    }

    /// The HTTP status AWS's service model gives the error shape.
    public var httpStatus: Int {
        switch self {
        case .noSuchEntity, .reportInProgress: 404
        case .entityAlreadyExists, .limitExceeded, .deleteConflict, .entityTemporarilyUnmodifiable: 409
        case .invalidAuthenticationCode, .accessDenied, .invalidClientTokenId, .signatureDoesNotMatch,
            .missingAuthenticationToken, .expiredToken:
            403
        case .validationError, .invalidInput, .passwordPolicyViolation, .invalidUserType, .incompleteSignature,
            .missingAction, .invalidAction, .malformedQueryString, .notImplemented, .organizationNotFound:
            400
        case .requestEntityTooLarge: 413
        case .reportNotPresent: 410
        case .serviceFailure: 500
        }
    }

    /// Whether the caller (`Sender`) or the service (`Receiver`) is at fault.
    public var isSenderFault: Bool {
        if case .serviceFailure = self { return false }
        return true
    }
}

// MARK: - Messages shared by several operations

extension IAMError {
    /// AWS's exact wording for a rejected pair of MFA codes.
    public static let invalidMFACodes = IAMError.invalidAuthenticationCode(
        "Authentication code for device is not valid.")

    /// The console's answer to any failed sign-in: wrong email, password or MFA code alike,
    /// so that a failure never reveals which part was wrong.
    public static let signInFailed = IAMError.accessDenied(
        "Your authentication information is incorrect. Please try again.")

    /// AWS's answer to an unknown or inactive access key.
    public static let invalidAccessKey = IAMError.invalidClientTokenId(
        "The security token included in the request is invalid.")

    /// AWS's answer to a request that is not signed at all.
    public static let unsignedRequest = IAMError.missingAuthenticationToken("Request is missing Authentication Token")

    /// AWS's answer to a request signed with the wrong secret (or whose canonical form the
    /// signer computed differently).
    public static let wrongSecret = IAMError.signatureDoesNotMatch(
        "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details."
    )

    public static func noSuchAccessKey(_ id: String) -> IAMError {
        .noSuchEntity("The Access Key with id \(id) cannot be found.")
    }

    public static func noSuchMFADevice(_ serial: String) -> IAMError {
        .noSuchEntity("MFA Device with serial number \(serial) does not exist.")
    }

    public static func noSuchUser(_ name: String) -> IAMError {
        .noSuchEntity("The user with name \(name) cannot be found.")
    }

    public static func quotaExceeded(_ quota: String, _ limit: Int) -> IAMError {
        .limitExceeded("Cannot exceed quota for \(quota): \(limit)")
    }
}

extension IAMError: CustomStringConvertible {
    public var description: String { "\(code): \(message)" }
}
