import Foundation

/// STS `GetSessionToken`'s rules: how long the credentials last, and what they may call.
///
/// Source: the STS API reference (GetSessionToken) and botocore's STS model: `DurationSeconds`
/// 900 to 129,600 seconds, 43,200 by default; the root user's sessions last at most an hour,
/// and a longer request silently gets one hour. The IAM User Guide's comparison of STS
/// credentials: they cannot call IAM unless MFA was part of the request, and call no STS action
/// but `GetCallerIdentity` (and `AssumeRole`, which iamsim does not simulate).
public enum SessionTokenRules {
    /// The shortest session, in seconds (15 minutes).
    public static let minimumDuration = 900
    /// The longest session of an IAM user, in seconds (36 hours).
    public static let maximumDuration = 129_600
    /// An IAM user's session when `DurationSeconds` is left out (12 hours).
    public static let defaultDuration = 43_200
    /// The root user's longest session, and its default (one hour).
    public static let rootMaximumDuration = 3_600

    /// The session's length in seconds for `principal` asking for `requested` (nil: the default).
    ///
    /// - Throws: `ValidationError` in AWS's words for a value outside 900…129,600.
    public static func duration(requested: Int?, for principal: Principal) throws(IAMError) -> Int {
        if let requested {
            let prefix =
                "1 validation error detected: Value '\(requested)' at 'durationSeconds' failed to satisfy constraint: Member must have value"
            if requested < minimumDuration {
                throw .validationError("\(prefix) greater than or equal to \(minimumDuration)")
            }
            if requested > maximumDuration {
                throw .validationError("\(prefix) less than or equal to \(maximumDuration)")
            }
        }
        switch principal {
        case .root: return min(requested ?? rootMaximumDuration, rootMaximumDuration)
        case .user: return requested ?? defaultDuration
        }
    }

    /// Checks that temporary credentials in `session` may call `action`.
    ///
    /// - Throws: `InvalidClientTokenId` (AWS's sentence without its final period) for an IAM
    ///   action with credentials issued without MFA, as AWS answers; nothing for STS's actions
    ///   (`GetSessionToken` refuses session credentials itself, with `AccessDenied`).
    public static func authorize(_ action: IAMAction, session: SessionContext) throws(IAMError) {
        if action.service == .iam, !session.mfaAuthenticated { throw IAMError.invalidSessionToken }
    }
}

extension IAMError {
    /// AWS's answer to a session token it does not accept: a wrong or missing token, one sent
    /// with a long-term key, or session credentials without MFA calling IAM. As AWS words it,
    /// without the final period of `invalidAccessKey`.
    public static let invalidSessionToken = IAMError.invalidClientTokenId(
        "The security token included in the request is invalid")

    /// AWS's answer to temporary credentials used after their expiration.
    public static let expiredSessionToken = IAMError.expiredToken(
        "The security token included in the request is expired")

    /// `GetSessionToken` signed with temporary credentials.
    public static let sessionCredentialsCannotGetSessionToken = IAMError.accessDenied(
        "Cannot call GetSessionToken with session credentials")

    /// `GetSessionToken` with a wrong, reused or malformed `TokenCode` (AWS's message, with its
    /// trailing space).
    public static let invalidMFAOneTimePassCode = IAMError.accessDenied(
        "MultiFactorAuthentication failed with invalid MFA one time pass code. ")

    /// `GetSessionToken` naming a `SerialNumber` that is not a device of the caller (AWS's
    /// message, with its two spaces).
    public static let mfaSerialNotAssociated = IAMError.accessDenied(
        "MultiFactorAuthentication failed, unable to validate MFA code.  Please verify your MFA serial number is valid and associated with this user."
    )
}
