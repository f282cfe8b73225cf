import Crypto
import Foundation
import IAMSimMacros

/// STS `GetSessionToken`'s `Credentials`: a temporary access key (`ASIA…`), its secret, the
/// session token every request signed with it must carry (`X-Amz-Security-Token`), and when
/// it expires, on the account's clock.
///
/// The secret and the token are shown once, in this value; the store keeps the secret (SigV4
/// needs it to verify signatures, as for long-term keys) and only a digest of the token.
@MemberwiseInit
public struct SessionCredentials: Hashable, Sendable {
    /// `ASIA` and 16 base32 characters.
    public var accessKeyID: String
    public var secretAccessKey: String
    public var sessionToken: String
    public var expiration: Date

    /// What the store keeps of a session token: its SHA-256, in lower-case hex. A token is
    /// only ever compared, so the database need not hold it.
    public static func tokenDigest(_ token: String) -> String {
        SigV4.hex(Array(SHA256.hash(data: Array(token.utf8))))
    }
}

/// What temporary credentials carry besides their key: CloudTrail's
/// `userIdentity.sessionContext` (when they were issued, whether MFA authenticated them), and
/// when they expire.
@MemberwiseInit
public struct SessionContext: Hashable, Sendable {
    public var creationDate: Date
    /// Whether an MFA code was part of the request that issued them (`aws:MultiFactorAuthPresent`).
    public var mfaAuthenticated: Bool
    public var expiration: Date
}
