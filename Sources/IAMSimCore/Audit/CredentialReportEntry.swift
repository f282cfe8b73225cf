import Foundation
import IAMSimMacros

/// One identity's line of the credential report, as facts; `CredentialReport` spells them.
///
/// Facts, not report values: "no password" is `hasPassword == false`, never `N/A`, so that
/// the rules for `N/A`, `no_information` and `not_supported` live in one place.
@MemberwiseInit
public struct CredentialReportEntry: Hashable, Sendable {
    /// One access key, as its report columns need it.
    @MemberwiseInit
    public struct AccessKey: Hashable, Sendable {
        /// Whether the key's status is `Active`.
        public var active: Bool
        /// When the key was created or its status last changed (`access_key_N_last_rotated`).
        public var lastRotated: Date
        /// When the key last signed a request; nil when never used.
        public var lastUsedDate: Date?
        /// Where it was last used, such as `us-east-1`; nil when never used or for a
        /// non-regional service.
        public var lastUsedRegion: String?
        /// The service namespace it last called, such as `s3`; nil when never used.
        public var lastUsedService: String?
    }

    /// Whether this is the root user's line, printed as `<root_account>`.
    public var isRoot: Bool = false
    /// The IAM user's name; ignored for root.
    public var user: String
    /// The identity's ARN: `arn:aws:iam::ACCOUNT:root` or `arn:aws:iam::ACCOUNT:user/PATH/NAME`.
    public var arn: String
    /// When the user was created; for root, when the account was.
    public var creationTime: Date
    /// Whether the identity has a console password (a login profile, for IAM users).
    public var hasPassword: Bool
    /// When the password was last used to sign in; nil when never.
    public var passwordLastUsed: Date?
    /// When the password was last set; ignored for root, whose report says `not_supported`.
    public var passwordLastChanged: Date?
    /// When the password policy makes the password expire; nil when it never does.
    public var passwordNextRotation: Date?
    /// Whether an MFA device is assigned and enabled.
    public var mfaActive: Bool = false
    /// At most two keys, oldest first: the report's `access_key_1_*` then `access_key_2_*`.
    public var accessKeys: [AccessKey] = []
}
