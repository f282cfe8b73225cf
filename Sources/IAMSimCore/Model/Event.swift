import Foundation

/// One entry of the append-only event log, shaped like a CloudTrail record.
public struct Event: Hashable, Sendable {
    /// Whether the action succeeded.
    public enum Outcome: String, Codable, Sendable {
        case success = "Success"
        case failure = "Failure"
    }

    public var eventID: Int64
    public var eventTime: Date
    /// The AWS API or console action: `ConsoleLogin`, `DeleteAccessKey`, `EnableMFADevice`…
    public var eventName: String
    public var accountID: AccountID?
    /// The acting identity's ARN; for a failed sign-in, the one that was claimed, if known.
    public var actorARN: String?
    public var outcome: Outcome
    public var errorCode: String?
    public var errorMessage: String?
    /// For `ConsoleLogin`: whether an MFA code was part of the attempt.
    public var mfaUsed: Bool?
    /// The key id, serial number or other resource the action touched.
    public var resource: String?
    /// CloudTrail's `eventSource`: `iam.amazonaws.com`, `sts.amazonaws.com`,
    /// `signin.amazonaws.com`, or `iamsim` for the simulator's own actions.
    public var eventSource: String
    /// CloudTrail's `userIdentity.type`: `Root` or `IAMUser`; nil without an actor.
    public var userIdentityType: String?
    /// The access key that signed the call (`AKIA…`, or `ASIA…` for temporary credentials).
    public var accessKeyID: String?
    /// The caller's IP address, or the name of the front end that made the call (`iamsim-cli`).
    public var sourceIPAddress: String?
    /// The caller's `User-Agent`.
    public var userAgent: String?
    /// For calls with temporary credentials (a console session, STS `GetSessionToken`'s): whether
    /// MFA authenticated them (`sessionContext.attributes.mfaAuthenticated`). Nil for long-term
    /// keys.
    public var mfaAuthenticated: Bool?

    public init(
        eventID: Int64, eventTime: Date, eventName: String, accountID: AccountID?, actorARN: String?,
        outcome: Outcome, errorCode: String? = nil, errorMessage: String? = nil, mfaUsed: Bool? = nil,
        resource: String? = nil, eventSource: String? = nil, userIdentityType: String? = nil,
        accessKeyID: String? = nil, sourceIPAddress: String? = nil, userAgent: String? = nil,
        mfaAuthenticated: Bool? = nil
    ) {
        self.eventID = eventID
        self.eventTime = eventTime
        self.eventName = eventName
        self.accountID = accountID
        self.actorARN = actorARN
        self.outcome = outcome
        self.errorCode = errorCode
        self.errorMessage = errorMessage
        self.mfaUsed = mfaUsed
        self.resource = resource
        self.eventSource = eventSource ?? Self.source(ofEventName: eventName)
        self.userIdentityType = userIdentityType ?? actorARN.flatMap(Principal.typeName(ofARN:))
        self.accessKeyID = accessKeyID
        self.sourceIPAddress = sourceIPAddress
        self.userAgent = userAgent
        self.mfaAuthenticated = mfaAuthenticated
    }

    /// The event source of an event named `eventName` (for events logged before sources were
    /// recorded): its action's; `iam.amazonaws.com` for a name iamsim no longer knows.
    public static func source(ofEventName eventName: String) -> String {
        (IAMAction(rawValue: eventName)?.eventSource ?? .iam).rawValue
    }
}
