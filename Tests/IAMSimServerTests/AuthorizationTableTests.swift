import Foundation
import IAMSimCore
import IAMSimServer
import IAMSimTestSupport
import Testing

/// Who may do what through the Query API, from the same rules as the CLI (`Permissions`):
/// root may do everything; an IAM user may manage only its own credentials. Each row is one
/// request an IAM user, bob, signs, on his own credentials or on another user's (carol's) or the
/// account's; root signs the same request and is never refused.
@Suite("Query API: the authorization table")
struct AuthorizationTableTests {
    static let account = "arn:aws:iam::123456789012"

    struct Row: CustomTestStringConvertible, Sendable {
        var action: String
        var parameters: [(String, String)]
        /// The resource bob is refused on, or nil when bob may do it.
        var deniedOn: String?
        var sts = false
        var testDescription: String {
            "\(action)(\(parameters.map { "\($0.0)=\($0.1)" }.joined(separator: ", "))): "
                + (deniedOn.map { "refused on \($0)" } ?? "allowed")
        }
    }

    /// Serial numbers and key ids the rows name, fixed by the world below.
    static let carolKey = "AKIACAROLKEY00000001"
    static let bobPhone = "\(account):mfa/bob-phone"
    static let carolPhone = "\(account):mfa/carol-phone"
    static let carolPending = "\(account):mfa/carol"
    static let codes = [("AuthenticationCode1", "123456"), ("AuthenticationCode2", "654321")]
    static let securityAudit = "arn:aws:iam::aws:policy/SecurityAudit"

    static let rows: [Row] = [
        // Users: bob may read himself, nothing more.
        Row(action: "GetUser", parameters: [("UserName", "bob")], deniedOn: nil),
        Row(action: "GetUser", parameters: [("UserName", "carol")], deniedOn: "\(account):user/carol"),
        Row(action: "ListUsers", parameters: [], deniedOn: "\(account):user/*"),
        Row(action: "CreateUser", parameters: [("UserName", "dave")], deniedOn: "\(account):user/dave"),
        Row(
            action: "UpdateUser", parameters: [("UserName", "bob"), ("NewPath", "/x/")], deniedOn: "\(account):user/bob"
        ),
        Row(action: "DeleteUser", parameters: [("UserName", "carol")], deniedOn: "\(account):user/carol"),
        Row(
            action: "TagUser",
            parameters: [("UserName", "bob"), ("Tags.member.1.Key", "k"), ("Tags.member.1.Value", "v")],
            deniedOn: "\(account):user/bob"),
        Row(
            action: "UntagUser", parameters: [("UserName", "carol"), ("TagKeys.member.1", "k")],
            deniedOn: "\(account):user/carol"),
        Row(action: "ListUserTags", parameters: [("UserName", "bob")], deniedOn: nil),
        Row(action: "ListUserTags", parameters: [("UserName", "carol")], deniedOn: "\(account):user/carol"),
        // Passwords: bob changes his own; the rest is root's.
        Row(action: "GetLoginProfile", parameters: [("UserName", "bob")], deniedOn: nil),
        Row(action: "GetLoginProfile", parameters: [("UserName", "carol")], deniedOn: "\(account):user/carol"),
        Row(
            action: "CreateLoginProfile", parameters: [("UserName", "dave"), ("Password", "Strong-Password-2026!")],
            deniedOn: "\(account):user/dave"),
        Row(
            action: "UpdateLoginProfile", parameters: [("UserName", "carol"), ("PasswordResetRequired", "true")],
            deniedOn: "\(account):user/carol"),
        Row(action: "DeleteLoginProfile", parameters: [("UserName", "carol")], deniedOn: "\(account):user/carol"),
        Row(action: "GetAccountPasswordPolicy", parameters: [], deniedOn: nil),
        Row(
            action: "UpdateAccountPasswordPolicy", parameters: [("MinimumPasswordLength", "8")],
            deniedOn: "\(account):root"),
        Row(action: "DeleteAccountPasswordPolicy", parameters: [], deniedOn: "\(account):root"),
        // Groups: root's.
        Row(action: "CreateGroup", parameters: [("GroupName", "ops")], deniedOn: "\(account):group/ops"),
        Row(action: "GetGroup", parameters: [("GroupName", "devs")], deniedOn: "\(account):group/devs"),
        Row(action: "ListGroups", parameters: [], deniedOn: "\(account):group/*"),
        Row(
            action: "AddUserToGroup", parameters: [("GroupName", "devs"), ("UserName", "bob")],
            deniedOn: "\(account):group/devs"),
        Row(
            action: "RemoveUserFromGroup", parameters: [("GroupName", "devs"), ("UserName", "carol")],
            deniedOn: "\(account):group/devs"),
        Row(action: "DeleteGroup", parameters: [("GroupName", "devs")], deniedOn: "\(account):group/devs"),
        Row(action: "ListGroupsForUser", parameters: [("UserName", "bob")], deniedOn: nil),
        Row(action: "ListGroupsForUser", parameters: [("UserName", "carol")], deniedOn: "\(account):user/carol"),
        // Access keys: his own.
        Row(action: "ListAccessKeys", parameters: [], deniedOn: nil),
        Row(action: "ListAccessKeys", parameters: [("UserName", "carol")], deniedOn: "\(account):user/carol"),
        Row(action: "CreateAccessKey", parameters: [("UserName", "carol")], deniedOn: "\(account):user/carol"),
        Row(
            action: "UpdateAccessKey",
            parameters: [("UserName", "carol"), ("AccessKeyId", carolKey), ("Status", "Inactive")],
            deniedOn: "\(account):user/carol"),
        Row(
            action: "DeleteAccessKey", parameters: [("UserName", "carol"), ("AccessKeyId", carolKey)],
            deniedOn: "\(account):user/carol"),
        Row(action: "GetAccessKeyLastUsed", parameters: [("AccessKeyId", carolKey)], deniedOn: "\(account):user/carol"),
        Row(
            action: "GetAccessKeyLastUsed", parameters: [("AccessKeyId", TestValues.rootKey)],
            deniedOn: "\(account):root"),
        // MFA: his own devices; creating a device is allowed under any name.
        Row(action: "CreateVirtualMFADevice", parameters: [("VirtualMFADeviceName", "anything")], deniedOn: nil),
        Row(action: "ListVirtualMFADevices", parameters: [], deniedOn: nil),
        Row(action: "ListMFADevices", parameters: [], deniedOn: nil),
        Row(action: "ListMFADevices", parameters: [("UserName", "carol")], deniedOn: "\(account):user/carol"),
        Row(action: "GetMFADevice", parameters: [("SerialNumber", bobPhone)], deniedOn: nil),
        Row(
            action: "GetMFADevice", parameters: [("UserName", "carol"), ("SerialNumber", carolPhone)],
            deniedOn: "\(account):user/carol"),
        Row(
            action: "EnableMFADevice", parameters: [("UserName", "carol"), ("SerialNumber", carolPending)] + codes,
            deniedOn: "\(account):user/carol"),
        Row(
            action: "ResyncMFADevice", parameters: [("UserName", "carol"), ("SerialNumber", carolPhone)] + codes,
            deniedOn: "\(account):user/carol"),
        Row(
            action: "DeactivateMFADevice", parameters: [("UserName", "carol"), ("SerialNumber", carolPhone)],
            deniedOn: "\(account):user/carol"),
        Row(action: "DeleteVirtualMFADevice", parameters: [("SerialNumber", carolPending)], deniedOn: carolPending),
        // The account.
        Row(action: "ListAccountAliases", parameters: [], deniedOn: nil),
        Row(action: "CreateAccountAlias", parameters: [("AccountAlias", "mine")], deniedOn: "\(account):root"),
        Row(action: "DeleteAccountAlias", parameters: [("AccountAlias", "mine")], deniedOn: "\(account):root"),
        Row(action: "GetAccountSummary", parameters: [], deniedOn: nil),
        Row(action: "GenerateCredentialReport", parameters: [], deniedOn: "*"),
        Row(action: "GetCredentialReport", parameters: [], deniedOn: "*"),
        Row(action: "GetCallerIdentity", parameters: [], deniedOn: nil, sts: true),
        // Kinds iamsim does not model: their listings are root's, but a user's own
        // service-specific credentials.
        Row(action: "ListRoles", parameters: [], deniedOn: "\(account):role/*"),
        Row(action: "ListPolicies", parameters: [], deniedOn: "\(account):policy/*"),
        Row(action: "ListEntitiesForPolicy", parameters: [("PolicyArn", securityAudit)], deniedOn: securityAudit),
        Row(
            action: "GetPolicyVersion", parameters: [("PolicyArn", securityAudit), ("VersionId", "v1")],
            deniedOn: securityAudit),
        Row(action: "ListAttachedUserPolicies", parameters: [("UserName", "bob")], deniedOn: "\(account):user/bob"),
        Row(
            action: "ListAttachedGroupPolicies", parameters: [("GroupName", "devs")], deniedOn: "\(account):group/devs"
        ),
        Row(action: "ListUserPolicies", parameters: [("UserName", "bob")], deniedOn: "\(account):user/bob"),
        Row(action: "ListGroupPolicies", parameters: [("GroupName", "devs")], deniedOn: "\(account):group/devs"),
        Row(action: "ListServiceSpecificCredentials", parameters: [], deniedOn: nil),
        Row(
            action: "ListServiceSpecificCredentials", parameters: [("UserName", "carol")],
            deniedOn: "\(account):user/carol"),
        Row(action: "ListSAMLProviders", parameters: [], deniedOn: "\(account):saml-provider/*"),
        Row(action: "ListServerCertificates", parameters: [], deniedOn: "\(account):server-certificate/*"),
        Row(action: "ListOrganizationsFeatures", parameters: [], deniedOn: "*"),
        Row(
            action: "GenerateServiceLastAccessedDetails", parameters: [("Arn", "\(account):user/bob")],
            deniedOn: "\(account):user/bob"),
        Row(
            action: "GetServiceLastAccessedDetails", parameters: [("JobId", "0b4f5c3e-8f0e-4b6a-9c1d-2e3f4a5b6c7d")],
            deniedOn: "*"),
    ]

    /// The account: bob and carol, each with a key and a console password; carol in `devs`,
    /// with an active device `carol-phone` and one named after her awaiting activation; bob with
    /// an active device `bob-phone`.
    static func world() throws -> (root: QueryClient, bob: QueryClient) {
        let client = try QueryClient()
        let root = client.root
        let store = client.store
        let bob = try client.createUserWithKey("bob")
        try store.createUser(caller: root, userName: "carol")
        try store.createLoginProfile(caller: root, userName: "bob", password: "Strong-Password-2026!")
        try store.createLoginProfile(caller: root, userName: "carol", password: "Strong-Password-2026!")
        try store.createGroup(caller: root, groupName: "devs")
        try store.addUserToGroup(caller: root, groupName: "devs", userName: "carol")
        _ = try store.createAccessKey(caller: root, userName: "carol")
        for (device, user) in [("bob-phone", "bob"), ("carol-phone", "carol")] {
            let seed = try store.createVirtualMFADevice(caller: root, deviceName: device).base32StringSeed
            try store.enableMFADevice(
                caller: root, serialNumber: "\(account):mfa/\(device)",
                code1: IndependentTOTP.code(base32: seed, unixTime: TestValues.startUnixTime - 30),
                code2: IndependentTOTP.code(base32: seed, unixTime: TestValues.startUnixTime), userName: user)
        }
        try store.createVirtualMFADevice(caller: root, deviceName: "carol")
        return (client, client.signing(with: bob))
    }

    @Test("an IAM user is refused in AWS's words exactly where the rules say", arguments: rows)
    func asUser(_ row: Row) throws {
        let (_, bob) = try Self.world()
        // The row's key id stands for carol's real one.
        let carolKey = try bob.store.listAccessKeys(caller: .principal(.root(TestValues.account)), userName: "carol")[0]
        let parameters = row.parameters.map { ($0.0, $0.1 == Self.carolKey ? carolKey.accessKeyID.rawValue : $0.1) }
        let answer = bob.call(row.action, parameters, sts: row.sts)
        if let resource = row.deniedOn {
            let prefix = row.sts ? "sts" : "iam"
            expectError(
                answer, 403, "AccessDenied",
                "User: \(Self.account):user/bob is not authorized to perform: \(prefix):\(row.action) on resource: \(resource)",
                sts: row.sts)
        } else {
            #expect(answer.status != 403, "\(answer.body)")
            #expect(answer.errorCode != "AccessDenied")
        }
    }

    @Test("root is refused nothing", arguments: rows)
    func asRoot(_ row: Row) throws {
        let (root, _) = try Self.world()
        let carolKey = try root.store.listAccessKeys(caller: root.root, userName: "carol")[0]
        let parameters = row.parameters.map { ($0.0, $0.1 == Self.carolKey ? carolKey.accessKeyID.rawValue : $0.1) }
        let answer = root.call(row.action, parameters, sts: row.sts)
        #expect(answer.errorCode != "AccessDenied", "\(answer.body)")
    }

    @Test("every action iamsim answers is in the table")
    func coverage() {
        let covered = Set(Self.rows.map(\.action))
        let answered = Set(QueryService.answeredActions.map(\.name))
        // ChangePassword and GetSessionToken act on the caller only (no resource to be refused):
        // their rules are tested with their actions (the password and STS session suites).
        #expect(answered.subtracting(covered).sorted() == ["ChangePassword", "GetSessionToken"])
    }
}
