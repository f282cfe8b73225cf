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

    /// `GetUser` answering the root user's own call: `User`, the root user's (`rootUser`).
    public static func getUser(_ root: RootUser) -> ShapeValue {
        .structure([("User", Shapes.rootUser(root))])
    }

    /// `ListUserTags`: `Tags`, `IsTruncated`, `Marker`.
    public static func listUserTags(_ tags: [Tag], isTruncated: Bool, marker: String?) -> ShapeValue {
        page("Tags", tags.map(Shapes.tag), isTruncated: isTruncated, marker: marker)
    }

    /// `ListUsers`: `Users`, `IsTruncated`, `Marker`.
    public static func listUsers(_ users: [User], isTruncated: Bool, marker: String?) -> ShapeValue {
        page("Users", users.map(Shapes.user), isTruncated: isTruncated, marker: marker)
    }

    /// `CreateGroup`: `Group`.
    public static func createGroup(_ group: Group) -> ShapeValue {
        .structure([("Group", Shapes.group(group))])
    }

    /// `GetGroup`: `Group`, `Users` (a page of its members), `IsTruncated`, `Marker`.
    public static func getGroup(_ group: Group, users: [User], isTruncated: Bool, marker: String?) -> ShapeValue {
        .structure([
            "Group": Shapes.group(group), "Users": .list(users.map(Shapes.user)),
            "IsTruncated": .boolean(isTruncated), "Marker": ShapeValue.string(marker),
        ])
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

    /// `GetAccessKeyLastUsed`: `UserName` (left out for a root user's key),
    /// `AccessKeyLastUsed` (`LastUsedDate` once used, `ServiceName`, `Region`: `N/A` until then).
    public static func getAccessKeyLastUsed(_ lastUsed: AccessKeyLastUsed) -> ShapeValue {
        .structure([
            "UserName": ShapeValue.string(lastUsed.userName),
            "AccessKeyLastUsed": .structure([
                "LastUsedDate": ShapeValue.timestamp(lastUsed.lastUsedDate),
                "ServiceName": .string(lastUsed.serviceName), "Region": .string(lastUsed.region),
            ]),
        ])
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

    /// `GetMFADevice`: `UserName`, `SerialNumber`, `EnableDate` (AWS's `Certifications`
    /// belong to FIDO security keys, which iamsim does not simulate).
    public static func getMFADevice(_ device: MFADevice) -> ShapeValue {
        Shapes.mfaDevice(device)
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

    /// `ListAccountAliases`: `AccountAliases` (at most one), `IsTruncated`, `Marker`.
    public static func listAccountAliases(_ aliases: [String], isTruncated: Bool, marker: String?) -> ShapeValue {
        page("AccountAliases", aliases.map { .string($0) }, isTruncated: isTruncated, marker: marker)
    }

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
