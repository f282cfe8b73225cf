import Foundation
import IAMSimMacros

/// What an auditor reads about an account at one moment: the facts `AuditControls` judges.
///
/// Counts and dates only, never key ids or secrets, so a snapshot can be logged or shown whole.
@MemberwiseInit
public struct AuditSnapshot: Hashable, Sendable {
    /// One of the root user's access keys, as the audit needs it.
    @MemberwiseInit
    public struct KeyUse: Hashable, Sendable {
        /// Whether the key's status is `Active`.
        public var active: Bool
        /// When the key last signed a request; nil when never used.
        public var lastUsedDate: Date?
    }

    /// One IAM user, as the audit needs it.
    @MemberwiseInit
    public struct UserAudit: Hashable, Sendable {
        public var userName: String
        /// Whether the user has a console password (a login profile).
        public var hasPassword: Bool
        /// Whether the user has an assigned, enabled MFA device.
        public var mfaActive: Bool
        /// How many groups the user belongs to.
        public var groupCount: Int = 0
    }

    public var accountID: AccountID
    /// The moment of the audit; "recent use" is measured back from it.
    public var now: Date
    /// Every root access key, active or inactive.
    public var rootAccessKeys: [KeyUse] = []
    /// The kinds of the root user's active (assigned and enabled) MFA devices, one per device.
    public var rootMFADevices: [MFADeviceType] = []
    /// When the root user's password last signed in; nil when never.
    public var rootPasswordLastUsed: Date?
    public var users: [UserAudit] = []
    /// How many groups the account has.
    public var groupCount: Int = 0
    /// The custom password policy; nil when none is set and AWS's default applies.
    public var passwordPolicy: PasswordPolicy?
}
