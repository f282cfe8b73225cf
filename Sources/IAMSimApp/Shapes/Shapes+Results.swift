import Foundation
import IAMSimCore
import IAMSimStore

// The operations' results: what AWS puts inside `<OpResult>` (botocore's output shapes), one
// builder per result iamsim produces. Operations with no output shape (DeleteUser,
// EnableMFADevice, UpdateAccessKey…) have no builder: their result is nothing.
//
// List results take the items of one page, whether more follow (`IsTruncated`) and, when they
// do, the `Marker` that asks for the next page: AWS sends `Marker` only when truncated.

extension Shapes {
    // MARK: Users and groups

    /// `CreateUser`: `User`.
    public static func createUser(_ user: User) -> ShapeValue {
        .structure([("User", Shapes.user(user))])
    }

    /// `GetUser`: `User`.
    public static func getUser(_ user: User) -> ShapeValue {
        .structure([("User", Shapes.user(user))])
    }

    /// `ListUsers`: `Users`, `IsTruncated`, `Marker`.
    public static func listUsers(_ users: [User], isTruncated: Bool, marker: String?) -> ShapeValue {
        page("Users", users.map(Shapes.user), isTruncated: isTruncated, marker: marker)
    }

    /// `CreateGroup`: `Group`.
    public static func createGroup(_ group: Group) -> ShapeValue {
        .structure([("Group", Shapes.group(group))])
    }

    /// `ListGroups`: `Groups`, `IsTruncated`, `Marker`.
    public static func listGroups(_ groups: [Group], isTruncated: Bool, marker: String?) -> ShapeValue {
        page("Groups", groups.map(Shapes.group), isTruncated: isTruncated, marker: marker)
    }

    /// `ListGroupsForUser`: `Groups`, `IsTruncated`, `Marker`, as `ListGroups`.
    public static func listGroupsForUser(_ groups: [Group], isTruncated: Bool, marker: String?) -> ShapeValue {
        page("Groups", groups.map(Shapes.group), isTruncated: isTruncated, marker: marker)
    }

    // MARK: Passwords

    /// `CreateLoginProfile`: `LoginProfile`.
    public static func createLoginProfile(_ profile: LoginProfile) -> ShapeValue {
        .structure([("LoginProfile", Shapes.loginProfile(profile))])
    }

    /// `GetLoginProfile`: `LoginProfile`.
    public static func getLoginProfile(_ profile: LoginProfile) -> ShapeValue {
        .structure([("LoginProfile", Shapes.loginProfile(profile))])
    }

    /// `GetAccountPasswordPolicy`: `PasswordPolicy`.
    public static func getAccountPasswordPolicy(_ policy: PasswordPolicy) -> ShapeValue {
        .structure([("PasswordPolicy", Shapes.passwordPolicy(policy))])
    }

    // MARK: Access keys

    /// `CreateAccessKey`: `AccessKey`, with the secret, which no other answer shows.
    public static func createAccessKey(_ key: NewAccessKey) -> ShapeValue {
        .structure([("AccessKey", Shapes.accessKey(key))])
    }

    /// `ListAccessKeys`: `AccessKeyMetadata`, `IsTruncated`, `Marker`.
    public static func listAccessKeys(_ keys: [AccessKeyMetadata], isTruncated: Bool, marker: String?) -> ShapeValue {
        page("AccessKeyMetadata", keys.map(Shapes.accessKeyMetadata), isTruncated: isTruncated, marker: marker)
    }

    // MARK: MFA

    /// `CreateVirtualMFADevice`: `VirtualMFADevice` with its serial number, its seed
    /// (`Base32StringSeed`, the base32 text's bytes) and its QR code (`QRCodePNG`).
    public static func createVirtualMFADevice(_ created: NewVirtualMFADevice, qrCodePNG: [UInt8]) -> ShapeValue {
        .structure([
            (
                "VirtualMFADevice",
                Shapes.virtualMFADevice(
                    created.device, base32StringSeed: created.base32StringSeed, qrCodePNG: qrCodePNG)
            )
        ])
    }

    /// `CreateVirtualMFADevice` for a device just enrolled, with the PNG of its QR code.
    public static func createVirtualMFADevice(_ enrolled: EnrolledDevice) -> ShapeValue {
        createVirtualMFADevice(enrolled.created, qrCodePNG: enrolled.qr.pngBytes)
    }

    /// `ListMFADevices`: `MFADevices`, `IsTruncated`, `Marker`.
    public static func listMFADevices(_ devices: [MFADevice], isTruncated: Bool, marker: String?) -> ShapeValue {
        page("MFADevices", devices.map(Shapes.mfaDevice), isTruncated: isTruncated, marker: marker)
    }

    /// `ListVirtualMFADevices`: `VirtualMFADevices` (no seeds, no QR codes), `IsTruncated`, `Marker`.
    public static func listVirtualMFADevices(_ devices: [MFADevice], isTruncated: Bool, marker: String?) -> ShapeValue {
        page("VirtualMFADevices", devices.map { Shapes.virtualMFADevice($0) }, isTruncated: isTruncated, marker: marker)
    }

    // MARK: Account

    /// `GetAccountSummary`: `SummaryMap`, a map whose keys come in the service model's order.
    public static func getAccountSummary(_ summary: AccountSummary) -> ShapeValue {
        .structure([("SummaryMap", .map(summary.entries.map { ($0.key, .integer($0.value)) }))])
    }

    /// `GenerateCredentialReport`: `State` (`STARTED`, `INPROGRESS` or `COMPLETE`), `Description`.
    public static func generateCredentialReport(_ generation: CredentialReportGeneration) -> ShapeValue {
        .structure(["State": .string(generation.state), "Description": ShapeValue.string(generation.description)])
    }

    /// `GetCredentialReport`: `Content` (the CSV's bytes), `ReportFormat` (`text/csv`),
    /// `GeneratedTime`.
    public static func getCredentialReport(_ report: StoredCredentialReport) -> ShapeValue {
        .structure([
            "Content": .blob(Array(report.content.utf8)), "ReportFormat": .string("text/csv"),
            "GeneratedTime": .timestamp(report.generatedTime),
        ])
    }

    // MARK: STS

    /// STS `GetCallerIdentity`: `UserId` (the account id for the root user), `Account`, `Arn`.
    public static func getCallerIdentity(_ principal: Principal) -> ShapeValue {
        getCallerIdentity(userID: principal.userID, account: principal.accountID, arn: principal.arn)
    }

    /// STS `GetCallerIdentity` of a console session.
    public static func getCallerIdentity(_ identity: CallerIdentity) -> ShapeValue {
        getCallerIdentity(userID: identity.userID, account: identity.account, arn: identity.arn)
    }

    static func getCallerIdentity(userID: String, account: AccountID, arn: String) -> ShapeValue {
        .structure([("UserId", .string(userID)), ("Account", .string(account.rawValue)), ("Arn", .string(arn))])
    }

    /// STS `GetSessionToken`: `Credentials` (AccessKeyId, SecretAccessKey, SessionToken,
    /// Expiration), the only answer that carries the session's secret and token.
    public static func getSessionToken(_ credentials: SessionCredentials) -> ShapeValue {
        .structure([
            (
                "Credentials",
                .structure([
                    ("AccessKeyId", .string(credentials.accessKeyID)),
                    ("SecretAccessKey", .string(credentials.secretAccessKey)),
                    ("SessionToken", .string(credentials.sessionToken)),
                    ("Expiration", .timestamp(credentials.expiration)),
                ])
            )
        ])
    }

    // MARK: Pages

    /// A page of a list result: the items under `name`, `IsTruncated`, then `Marker` when given.
    static func page(_ name: String, _ items: [ShapeValue], isTruncated: Bool, marker: String?) -> ShapeValue {
        .structure([name: .list(items), "IsTruncated": .boolean(isTruncated), "Marker": ShapeValue.string(marker)])
    }
}
