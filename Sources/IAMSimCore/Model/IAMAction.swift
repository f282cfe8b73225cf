/// Every action iamsim performs, logs or authorizes, named once: the IAM and STS API actions
/// (as their `Action=` parameter and CloudTrail `eventName` spell them), the console's sign-in
/// events, and iamsim's own actions (fixtures, clocks, the trainee's devices, the lesson).
///
/// Operations, event records, permission checks and error messages name their action through
/// this type, so a name is spelled in one place and the log, the authorization and the error a
/// user reads can never disagree about it.
public enum IAMAction: String, CaseIterable, Hashable, Sendable {
    // MARK: IAM (https://docs.aws.amazon.com/IAM/latest/APIReference/API_Operations.html)
    case addUserToGroup = "AddUserToGroup"
    case changePassword = "ChangePassword"
    case createAccessKey = "CreateAccessKey"
    case createAccountAlias = "CreateAccountAlias"
    case createGroup = "CreateGroup"
    case createLoginProfile = "CreateLoginProfile"
    case createUser = "CreateUser"
    case createVirtualMFADevice = "CreateVirtualMFADevice"
    case deactivateMFADevice = "DeactivateMFADevice"
    case deleteAccessKey = "DeleteAccessKey"
    case deleteAccountAlias = "DeleteAccountAlias"
    case deleteAccountPasswordPolicy = "DeleteAccountPasswordPolicy"
    case deleteGroup = "DeleteGroup"
    case deleteLoginProfile = "DeleteLoginProfile"
    case deleteUser = "DeleteUser"
    case deleteVirtualMFADevice = "DeleteVirtualMFADevice"
    case enableMFADevice = "EnableMFADevice"
    case generateCredentialReport = "GenerateCredentialReport"
    case generateServiceLastAccessedDetails = "GenerateServiceLastAccessedDetails"
    case getAccessKeyLastUsed = "GetAccessKeyLastUsed"
    case getAccountPasswordPolicy = "GetAccountPasswordPolicy"
    case getAccountSummary = "GetAccountSummary"
    case getCredentialReport = "GetCredentialReport"
    case getGroup = "GetGroup"
    case getLoginProfile = "GetLoginProfile"
    case getMFADevice = "GetMFADevice"
    case getPolicyVersion = "GetPolicyVersion"
    case getServiceLastAccessedDetails = "GetServiceLastAccessedDetails"
    case getUser = "GetUser"
    case listAccessKeys = "ListAccessKeys"
    case listAccountAliases = "ListAccountAliases"
    case listAttachedGroupPolicies = "ListAttachedGroupPolicies"
    case listAttachedUserPolicies = "ListAttachedUserPolicies"
    case listEntitiesForPolicy = "ListEntitiesForPolicy"
    case listGroupPolicies = "ListGroupPolicies"
    case listGroups = "ListGroups"
    case listGroupsForUser = "ListGroupsForUser"
    case listMFADevices = "ListMFADevices"
    case listOrganizationsFeatures = "ListOrganizationsFeatures"
    case listPolicies = "ListPolicies"
    case listRoles = "ListRoles"
    case listSAMLProviders = "ListSAMLProviders"
    case listServerCertificates = "ListServerCertificates"
    case listServiceSpecificCredentials = "ListServiceSpecificCredentials"
    case listUserPolicies = "ListUserPolicies"
    case listUserTags = "ListUserTags"
    case listUsers = "ListUsers"
    case listVirtualMFADevices = "ListVirtualMFADevices"
    case removeUserFromGroup = "RemoveUserFromGroup"
    case resyncMFADevice = "ResyncMFADevice"
    case tagUser = "TagUser"
    case untagUser = "UntagUser"
    case updateAccessKey = "UpdateAccessKey"
    case updateAccountPasswordPolicy = "UpdateAccountPasswordPolicy"
    case updateLoginProfile = "UpdateLoginProfile"
    case updateUser = "UpdateUser"

    // MARK: STS
    case getCallerIdentity = "GetCallerIdentity"
    case getSessionToken = "GetSessionToken"

    // MARK: Console sign-in (CloudTrail's signin.amazonaws.com events)
    case consoleLogin = "ConsoleLogin"
    case consoleSignOut = "ConsoleSignOut"
    case credentialChallenge = "CredentialChallenge"

    // MARK: CloudTrail
    case lookupEvents = "LookupEvents"

    // MARK: iamsim's own
    case loadFixture = "LoadFixture"
    case resetAccount = "ResetAccount"
    case deleteAccount = "DeleteAccount"
    case setClock = "SetClock"
    case advanceClock = "AdvanceClock"
    case useRealClock = "UseRealClock"
    case mfaLockout = "MFALockout"
    case lessonComplete = "LessonComplete"
    case initialize = "Init"
    case createAccounts = "CreateAccounts"
    case listAccounts = "ListAccounts"
    case resetAccounts = "ResetAccounts"
    case exportAccount = "ExportAccount"
    case validateFixture = "ValidateFixture"
    case classReport = "ClassReport"
    case audit = "Audit"
    case showClock = "ShowClock"
    case lessonNext = "LessonNext"
    case lessonStatus = "LessonStatus"
    case lessonReset = "LessonReset"
    case addAuthenticatorAccount = "AddAuthenticatorAccount"
    case scanQRCode = "ScanQRCode"
    case listAuthenticatorAccounts = "ListAuthenticatorAccounts"
    case getAuthenticatorCodes = "GetAuthenticatorCodes"
    case removeAuthenticatorAccount = "RemoveAuthenticatorAccount"
    case readHardwareTokens = "ReadHardwareTokens"
    case demo = "Demo"
    case serve = "Serve"

    /// The service an action belongs to, as CloudTrail's `eventSource` names it.
    public enum Service: String, Sendable {
        case iam = "iam.amazonaws.com"
        case sts = "sts.amazonaws.com"
        case signin = "signin.amazonaws.com"
        case cloudtrail = "cloudtrail.amazonaws.com"
        /// An action of the simulator itself, which AWS has no name for.
        case iamsim = "iamsim"
    }

    /// The action's name, as AWS spells it (`DeleteAccessKey`), or iamsim's for its own.
    public var name: String { rawValue }

    /// The service the action belongs to.
    public var service: Service {
        switch self {
        case .getCallerIdentity, .getSessionToken: .sts
        case .consoleLogin, .consoleSignOut, .credentialChallenge: .signin
        case .lookupEvents: .cloudtrail
        case .loadFixture, .resetAccount, .deleteAccount, .setClock, .advanceClock, .useRealClock, .mfaLockout,
            .lessonComplete, .initialize, .createAccounts, .listAccounts, .resetAccounts, .exportAccount,
            .validateFixture, .classReport, .audit, .showClock, .lessonNext, .lessonStatus, .lessonReset,
            .addAuthenticatorAccount, .scanQRCode, .listAuthenticatorAccounts, .getAuthenticatorCodes,
            .removeAuthenticatorAccount, .readHardwareTokens, .demo, .serve:
            .iamsim
        default: .iam
        }
    }

    /// CloudTrail's `eventSource` of the action's events: its service's, but for the MFA
    /// lockout, which sign-in's guard records (also when `GetSessionToken`'s codes trip it).
    public var eventSource: Service {
        self == .mfaLockout ? .signin : service
    }

    /// The IAM policy action (`iam:DeleteAccessKey`), as AWS's AccessDenied message names it.
    public var policyAction: String {
        switch service {
        case .iam, .iamsim: "iam:" + rawValue
        case .sts: "sts:" + rawValue
        case .signin: "signin:" + rawValue
        case .cloudtrail: "cloudtrail:" + rawValue
        }
    }
}
