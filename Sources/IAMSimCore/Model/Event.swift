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

    public init(
        eventID: Int64, eventTime: Date, eventName: String, accountID: AccountID?, actorARN: String?,
        outcome: Outcome, errorCode: String? = nil, errorMessage: String? = nil, mfaUsed: Bool? = nil,
        resource: String? = nil
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
    }
}
