import Foundation
import IAMSimMacros

/// One account's complete starting state, as a JSON file (format: docs/fixtures.md).
///
/// Field names are AWS's own (`AccessKeyId`, `Base32StringSeed`), so a fixture reads like the
/// API responses that describe the same state.
@AWSCodingKeys
@MemberwiseInit
public struct Fixture: Codable, Hashable, Sendable {
    /// The only format version so far.
    public static let currentFormatVersion = 1

    public var formatVersion: Int = Fixture.currentFormatVersion
    /// A short name, used in messages and the event log.
    public var name: String
    public var description: String?
    public var account: Account

    /// The account and everything in it.
    @AWSCodingKeys
    @MemberwiseInit
    public struct Account: Codable, Hashable, Sendable {
        public var accountID: String
        public var accountAlias: String?
        public var createDate: Date?
        public var root: Root
        public var users: [User]?
        /// Hardware TOTP tokens delivered to the account's owner, not yet assigned.
        public var hardwareTokens: [HardwareToken]?
        public var groups: [Group]?
        public var passwordPolicy: PasswordPolicySettings?
        /// Lessons already under way: the steps the trainee has completed.
        public var lessonProgress: [LessonProgressEntry]?
    }

    /// A lesson's completed steps, by step id.
    @AWSCodingKeys
    @MemberwiseInit
    public struct LessonProgressEntry: Codable, Hashable, Sendable {
        public var lessonID: String
        public var completedSteps: [String]
    }

    /// An IAM group and its members (by user name).
    @AWSCodingKeys
    @MemberwiseInit
    public struct Group: Codable, Hashable, Sendable {
        public var groupName: String
        public var groupID: String?
        public var path: String?
        public var createDate: Date?
        public var members: [String]?
    }

    /// The account password policy, in `GetAccountPasswordPolicy`'s shape; omitted settings
    /// take AWS's defaults.
    @AWSCodingKeys
    public struct PasswordPolicySettings: Codable, Hashable, Sendable {
        public var minimumPasswordLength: Int?
        public var requireSymbols: Bool?
        public var requireNumbers: Bool?
        public var requireUppercaseCharacters: Bool?
        public var requireLowercaseCharacters: Bool?
        public var allowUsersToChangePassword: Bool?
        public var maxPasswordAge: Int?
        public var passwordReusePrevention: Int?
        public var hardExpiry: Bool?

        public init(_ policy: PasswordPolicy) {
            minimumPasswordLength = policy.minimumPasswordLength
            requireSymbols = policy.requireSymbols
            requireNumbers = policy.requireNumbers
            requireUppercaseCharacters = policy.requireUppercaseCharacters
            requireLowercaseCharacters = policy.requireLowercaseCharacters
            allowUsersToChangePassword = policy.allowUsersToChangePassword
            maxPasswordAge = policy.maxPasswordAge
            passwordReusePrevention = policy.passwordReusePrevention
            hardExpiry = policy.hardExpiry
        }

        /// The policy these settings describe.
        public var policy: PasswordPolicy {
            PasswordPolicy(
                minimumPasswordLength: minimumPasswordLength ?? 6, requireSymbols: requireSymbols ?? false,
                requireNumbers: requireNumbers ?? false,
                requireUppercaseCharacters: requireUppercaseCharacters ?? false,
                requireLowercaseCharacters: requireLowercaseCharacters ?? false,
                allowUsersToChangePassword: allowUsersToChangePassword ?? false, maxPasswordAge: maxPasswordAge,
                passwordReusePrevention: passwordReusePrevention, hardExpiry: hardExpiry ?? false)
        }
    }

    /// A user's console password (AWS's login profile).
    @AWSCodingKeys
    @MemberwiseInit
    public struct LoginProfile: Codable, Hashable, Sendable {
        public var password: String?
        public var passwordHash: String?
        public var passwordResetRequired: Bool?
        public var createDate: Date?
        public var passwordLastChanged: Date?
    }

    /// A hardware TOTP token: its printed serial and the seed its vendor loaded into it.
    @AWSCodingKeys
    @MemberwiseInit
    public struct HardwareToken: Codable, Hashable, Sendable {
        public var serialNumber: String
        public var base32StringSeed: String
    }

    /// The root user's credentials.
    @AWSCodingKeys
    @MemberwiseInit
    public struct Root: Codable, Hashable, Sendable {
        public var email: String
        /// The console password in plain text; iamsim stores only its salted hash.
        public var password: String?
        /// Or the stored hash itself (`pbkdf2-sha512$…`), as an exported account carries it.
        public var passwordHash: String?
        public var passwordLastUsed: Date?
        public var accessKeys: [AccessKey]?
        public var mfaDevices: [MFADevice]?
    }

    /// An IAM user.
    @AWSCodingKeys
    @MemberwiseInit
    public struct User: Codable, Hashable, Sendable {
        public var userName: String
        public var userID: String?
        public var path: String?
        public var createDate: Date?
        public var loginProfile: LoginProfile?
        public var passwordLastUsed: Date?
        public var accessKeys: [AccessKey]?
        public var mfaDevices: [MFADevice]?
    }

    /// An access key with its secret.
    @AWSCodingKeys
    @MemberwiseInit
    public struct AccessKey: Codable, Hashable, Sendable {
        public var accessKeyID: String
        public var secretAccessKey: String
        public var status: AccessKeyStatus?
        public var createDate: Date?
        public var lastUsedDate: Date?
        /// The service namespace, such as `s3` or `ec2`.
        public var lastUsedService: String?
        /// The region, such as `us-east-1`; none for global services.
        public var lastUsedRegion: String?
    }

    /// An MFA device assigned to its owner, with the seed its authenticator holds.
    @AWSCodingKeys
    @MemberwiseInit
    public struct MFADevice: Codable, Hashable, Sendable {
        public var deviceName: String
        public var type: MFADeviceType?
        /// Hardware tokens carry their printed serial (`GAHT12345678`); virtual serials are derived.
        public var serialNumber: String?
        public var base32StringSeed: String
        public var enableDate: Date?
    }
}
