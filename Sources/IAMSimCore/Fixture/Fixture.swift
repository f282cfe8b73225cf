import Foundation
import IAMSimMacros

/// One account's complete starting state, as a JSON file (format: docs/fixtures.md).
///
/// Field names are AWS's own (`AccessKeyId`, `Base32StringSeed`), so a fixture reads like the
/// API responses that describe the same state.
@MemberwiseInit
public struct Fixture: Codable, Hashable, Sendable {
    /// The only format version so far.
    public static let currentFormatVersion = 1

    public var formatVersion: Int = Fixture.currentFormatVersion
    /// A short name, used in messages and the event log.
    public var name: String
    public var description: String?
    public var account: Account

    enum CodingKeys: String, CodingKey {
        case formatVersion = "FormatVersion"
        case name = "Name"
        case description = "Description"
        case account = "Account"
    }

    /// The account and everything in it.
    @MemberwiseInit
    public struct Account: Codable, Hashable, Sendable {
        public var accountID: String
        public var alias: String?
        public var createDate: Date?
        public var root: Root
        public var users: [User]?
        /// Hardware TOTP tokens delivered to the account's owner, not yet assigned.
        public var hardwareTokens: [HardwareToken]?
        public var groups: [Group]?
        public var passwordPolicy: PasswordPolicySettings?
        /// Lessons already under way: the steps the trainee has completed.
        public var lessonProgress: [LessonProgressEntry]?

        enum CodingKeys: String, CodingKey {
            case accountID = "AccountId"
            case alias = "AccountAlias"
            case createDate = "CreateDate"
            case root = "Root"
            case users = "Users"
            case hardwareTokens = "HardwareTokens"
            case groups = "Groups"
            case passwordPolicy = "PasswordPolicy"
            case lessonProgress = "LessonProgress"
        }
    }

    /// A lesson's completed steps, by step id.
    @MemberwiseInit
    public struct LessonProgressEntry: Codable, Hashable, Sendable {
        public var lessonID: String
        public var completedSteps: [String]

        enum CodingKeys: String, CodingKey {
            case lessonID = "LessonId"
            case completedSteps = "CompletedSteps"
        }
    }

    /// An IAM group and its members (by user name).
    @MemberwiseInit
    public struct Group: Codable, Hashable, Sendable {
        public var groupName: String
        public var groupID: String?
        public var path: String?
        public var createDate: Date?
        public var members: [String]?

        enum CodingKeys: String, CodingKey {
            case groupName = "GroupName"
            case groupID = "GroupId"
            case path = "Path"
            case createDate = "CreateDate"
            case members = "Members"
        }
    }

    /// The account password policy, in `GetAccountPasswordPolicy`'s shape; omitted settings
    /// take AWS's defaults.
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

        enum CodingKeys: String, CodingKey {
            case minimumPasswordLength = "MinimumPasswordLength"
            case requireSymbols = "RequireSymbols"
            case requireNumbers = "RequireNumbers"
            case requireUppercaseCharacters = "RequireUppercaseCharacters"
            case requireLowercaseCharacters = "RequireLowercaseCharacters"
            case allowUsersToChangePassword = "AllowUsersToChangePassword"
            case maxPasswordAge = "MaxPasswordAge"
            case passwordReusePrevention = "PasswordReusePrevention"
            case hardExpiry = "HardExpiry"
        }
    }

    /// A user's console password (AWS's login profile).
    @MemberwiseInit
    public struct LoginProfile: Codable, Hashable, Sendable {
        public var password: String?
        public var passwordHash: String?
        public var passwordResetRequired: Bool?
        public var createDate: Date?
        public var passwordLastChanged: Date?

        enum CodingKeys: String, CodingKey {
            case password = "Password"
            case passwordHash = "PasswordHash"
            case passwordResetRequired = "PasswordResetRequired"
            case createDate = "CreateDate"
            case passwordLastChanged = "PasswordLastChanged"
        }
    }

    /// A hardware TOTP token: its printed serial and the seed its vendor loaded into it.
    @MemberwiseInit
    public struct HardwareToken: Codable, Hashable, Sendable {
        public var serialNumber: String
        public var base32StringSeed: String

        enum CodingKeys: String, CodingKey {
            case serialNumber = "SerialNumber"
            case base32StringSeed = "Base32StringSeed"
        }
    }

    /// The root user's credentials.
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

        enum CodingKeys: String, CodingKey {
            case email = "Email"
            case password = "Password"
            case passwordHash = "PasswordHash"
            case passwordLastUsed = "PasswordLastUsed"
            case accessKeys = "AccessKeys"
            case mfaDevices = "MFADevices"
        }
    }

    /// An IAM user.
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

        enum CodingKeys: String, CodingKey {
            case userName = "UserName"
            case userID = "UserId"
            case path = "Path"
            case createDate = "CreateDate"
            case loginProfile = "LoginProfile"
            case passwordLastUsed = "PasswordLastUsed"
            case accessKeys = "AccessKeys"
            case mfaDevices = "MFADevices"
        }
    }

    /// An access key with its secret.
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

        enum CodingKeys: String, CodingKey {
            case accessKeyID = "AccessKeyId"
            case secretAccessKey = "SecretAccessKey"
            case status = "Status"
            case createDate = "CreateDate"
            case lastUsedDate = "LastUsedDate"
            case lastUsedService = "LastUsedService"
            case lastUsedRegion = "LastUsedRegion"
        }
    }

    /// An MFA device assigned to its owner, with the seed its authenticator holds.
    @MemberwiseInit
    public struct MFADevice: Codable, Hashable, Sendable {
        public var deviceName: String
        public var type: MFADeviceType?
        /// Hardware tokens carry their printed serial (`GAHT12345678`); virtual serials are derived.
        public var serialNumber: String?
        public var base32StringSeed: String
        public var enableDate: Date?

        enum CodingKeys: String, CodingKey {
            case deviceName = "DeviceName"
            case type = "Type"
            case serialNumber = "SerialNumber"
            case base32StringSeed = "Base32StringSeed"
            case enableDate = "EnableDate"
        }
    }
}
