import Foundation

/// An access key's status, as `UpdateAccessKey` sets it.
public enum AccessKeyStatus: String, Codable, Sendable, CaseIterable {
    case active = "Active"
    case inactive = "Inactive"
}

/// AWS's `AccessKeyMetadata`: everything about a key except its secret.
public struct AccessKeyMetadata: Hashable, Sendable {
    /// The owner's user name; nil for root's keys.
    public var userName: String?
    public var accessKeyID: AccessKeyID
    public var status: AccessKeyStatus
    public var createDate: Date
    public var lastUsedDate: Date?

    public init(
        userName: String?, accessKeyID: AccessKeyID, status: AccessKeyStatus, createDate: Date,
        lastUsedDate: Date? = nil
    ) {
        self.userName = userName
        self.accessKeyID = accessKeyID
        self.status = status
        self.createDate = createDate
        self.lastUsedDate = lastUsedDate
    }
}

/// AWS's `AccessKey`: a key with its secret, returned only by `CreateAccessKey`.
public struct NewAccessKey: Hashable, Sendable {
    public var metadata: AccessKeyMetadata
    public var secretAccessKey: String

    public init(metadata: AccessKeyMetadata, secretAccessKey: String) {
        self.metadata = metadata
        self.secretAccessKey = secretAccessKey
    }
}

/// What a request signed with an access key is verified against (SigV4): the key's secret,
/// who holds it and whether it is active, and for temporary credentials (`ASIA…`) their
/// session. Never part of an answer: AWS shows a secret only when it issues it.
public struct SigningCredentials: Hashable, Sendable {
    public var accessKeyID: AccessKeyID
    public var secretAccessKey: String
    /// The key's holder: root or an IAM user.
    public var principal: Principal
    public var status: AccessKeyStatus
    /// For temporary credentials (STS `GetSessionToken`'s): when they were issued and expire,
    /// and whether MFA authenticated them. Nil for a long-term key.
    public var session: SessionContext?

    public init(
        accessKeyID: AccessKeyID, secretAccessKey: String, principal: Principal, status: AccessKeyStatus,
        session: SessionContext? = nil
    ) {
        self.accessKeyID = accessKeyID
        self.secretAccessKey = secretAccessKey
        self.principal = principal
        self.status = status
        self.session = session
    }
}

/// IAM's access-key quota.
public enum AccessKeyRules {
    /// At most two keys per identity, active or inactive alike.
    public static let maxKeysPerIdentity = 2
}
