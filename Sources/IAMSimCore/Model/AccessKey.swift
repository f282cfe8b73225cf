import Foundation
import IAMSimMacros

/// An access key's status, as `UpdateAccessKey` sets it.
public enum AccessKeyStatus: String, Codable, Sendable, CaseIterable {
    case active = "Active"
    case inactive = "Inactive"
}

/// AWS's `AccessKeyMetadata`: everything about a key except its secret.
@MemberwiseInit
public struct AccessKeyMetadata: Hashable, Sendable {
    /// The owner's user name; nil for root's keys.
    public var userName: String?
    public var accessKeyID: AccessKeyID
    public var status: AccessKeyStatus
    public var createDate: Date
    public var lastUsedDate: Date?
}

/// AWS's `AccessKey`: a key with its secret, returned only by `CreateAccessKey`.
@MemberwiseInit
public struct NewAccessKey: Hashable, Sendable {
    public var metadata: AccessKeyMetadata
    public var secretAccessKey: String
}

/// What a request signed with an access key is verified against (SigV4): the key's secret,
/// who holds it and whether it is active, and for temporary credentials (`ASIA…`) their
/// session. Never part of an answer: AWS shows a secret only when it issues it.
@MemberwiseInit
public struct SigningCredentials: Hashable, Sendable {
    public var accessKeyID: AccessKeyID
    public var secretAccessKey: String
    /// The key's holder: root or an IAM user.
    public var principal: Principal
    public var status: AccessKeyStatus
    /// For temporary credentials (STS `GetSessionToken`'s): when they were issued and expire,
    /// and whether MFA authenticated them. Nil for a long-term key.
    public var session: SessionContext?
}

/// IAM's access-key quota.
public enum AccessKeyRules {
    /// At most two keys per identity, active or inactive alike.
    public static let maxKeysPerIdentity = 2
}

/// `GetAccessKeyLastUsed`'s answer: whose key it is, and AWS's `AccessKeyLastUsed`: when the
/// key last signed a request, to which service and in which region (the signature's scope).
/// AWS answers `N/A` for the service and region of a key never used, and leaves out the date.
public struct AccessKeyLastUsed: Hashable, Sendable {
    /// AWS's value for a service or region it has no data for.
    public static let notAvailable = "N/A"

    /// The key's user; nil for a root user's key (AWS names no user for root's credentials).
    public var userName: String?
    public var lastUsedDate: Date?
    /// The service's namespace (`iam`, `sts`), or `N/A`.
    public var serviceName: String
    /// The region (`us-east-1`), or `N/A`.
    public var region: String

    public init(userName: String?, lastUsedDate: Date?, serviceName: String?, region: String?) {
        self.userName = userName
        self.lastUsedDate = lastUsedDate
        self.serviceName = lastUsedDate == nil ? Self.notAvailable : serviceName ?? Self.notAvailable
        self.region = lastUsedDate == nil ? Self.notAvailable : region ?? Self.notAvailable
    }
}
