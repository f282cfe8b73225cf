import Foundation
import Testing

@testable import IAMSimApp
@testable import IAMSimCore
@testable import IAMSimStore

/// Sample values, and the member names of a shape in order.
enum ShapeSamples {
    static let account = AccountID(known: "123456789012")
    /// 2026-01-05T09:30:05Z.
    static let date = Date(timeIntervalSince1970: 1_767_605_405)
    static let later = date.addingTimeInterval(60)
    static let alice = User(
        accountID: account, userName: "alice", userID: "AIDAEXAMPLEALICE00001", path: "/", createDate: date)
    static let key = AccessKeyMetadata(
        userName: "alice", accessKeyID: AccessKeyID(known: "AKIAIOSFODNN7EXAMPLE"), status: .active, createDate: date)
    static let rootKey = AccessKeyMetadata(
        userName: nil, accessKeyID: AccessKeyID(known: "AKIAROOTKEYEXAMPLE01"), status: .inactive, createDate: date)
    static let virtual = MFADevice(
        serialNumber: "arn:aws:iam::123456789012:mfa/root-mfa", deviceName: "root-mfa", type: .virtual,
        createDate: date,
        assignedTo: .root(account), enableDate: later, drift: -2)
    static let pending = MFADevice(
        serialNumber: "arn:aws:iam::123456789012:mfa/spare", deviceName: "spare", type: .virtual, createDate: date,
        assignedTo: nil, enableDate: nil)
    static let token = MFADevice(
        serialNumber: "GAHT12345678", deviceName: "desk-token", type: .hardware, createDate: date,
        assignedTo: .user(alice), enableDate: later)
    static let group = Group(
        accountID: account, groupName: "admins", groupID: "AGPAEXAMPLEADMINS0001", path: "/ops/", createDate: date)

    /// The member names of a structure, in order; nil for any other kind.
    static func names(_ value: ShapeValue) -> [String]? {
        guard case .structure(let members) = value else { return nil }
        return members.map(\.0)
    }

    /// The member `name` of a structure.
    static func member(_ name: String, of value: ShapeValue) -> ShapeValue? {
        guard case .structure(let members) = value else { return nil }
        return members.first { $0.0 == name }?.1
    }
}

@Suite("AWS result shapes: botocore's member names and order")
struct ShapesTests {
    typealias S = ShapeSamples

    @Test(
        "each structure lists AWS's members in the service model's order, leaving out absent ones",
        arguments: [
            ("User", Shapes.user(S.alice), ["Path", "UserName", "UserId", "Arn", "CreateDate"]),
            (
                "User, password used",
                Shapes.user(
                    {
                        var u = S.alice
                        u.passwordLastUsed = S.later
                        return u
                    }()),
                ["Path", "UserName", "UserId", "Arn", "CreateDate", "PasswordLastUsed"]
            ),
            ("Group", Shapes.group(S.group), ["Path", "GroupName", "GroupId", "Arn", "CreateDate"]),
            (
                "AccessKeyMetadata", Shapes.accessKeyMetadata(S.key),
                ["UserName", "AccessKeyId", "Status", "CreateDate"]
            ),
            (
                "AccessKeyMetadata of root", Shapes.accessKeyMetadata(S.rootKey),
                ["AccessKeyId", "Status", "CreateDate"]
            ),
            (
                "AccessKey",
                Shapes.accessKey(
                    NewAccessKey(metadata: S.key, secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY")),
                ["UserName", "AccessKeyId", "Status", "SecretAccessKey", "CreateDate"]
            ),
            ("MFADevice", Shapes.mfaDevice(S.virtual), ["UserName", "SerialNumber", "EnableDate"]),
            ("VirtualMFADevice, assigned", Shapes.virtualMFADevice(S.virtual), ["SerialNumber", "User", "EnableDate"]),
            ("VirtualMFADevice, awaiting activation", Shapes.virtualMFADevice(S.pending), ["SerialNumber"]),
            (
                "VirtualMFADevice, created",
                Shapes.virtualMFADevice(S.pending, base32StringSeed: "JBSWY3DPEHPK3PXP", qrCodePNG: [1]),
                ["SerialNumber", "Base32StringSeed", "QRCodePNG"]
            ),
            ("User of root", Shapes.assignedUser(.root(S.account)), ["UserId", "Arn"]),
            (
                "User of a user", Shapes.assignedUser(.user(S.alice)),
                ["Path", "UserName", "UserId", "Arn", "CreateDate"]
            ),
            (
                "LoginProfile",
                Shapes.loginProfile(LoginProfile(userName: "alice", createDate: S.date, passwordResetRequired: true)),
                ["UserName", "CreateDate", "PasswordResetRequired"]
            ),
            (
                "PasswordPolicy, passwords never expire", Shapes.passwordPolicy(PasswordPolicy()),
                [
                    "MinimumPasswordLength", "RequireSymbols", "RequireNumbers", "RequireUppercaseCharacters",
                    "RequireLowercaseCharacters", "AllowUsersToChangePassword", "ExpirePasswords", "HardExpiry",
                ]
            ),
            (
                "PasswordPolicy, every setting",
                Shapes.passwordPolicy(PasswordPolicy(maxPasswordAge: 90, passwordReusePrevention: 24)),
                [
                    "MinimumPasswordLength", "RequireSymbols", "RequireNumbers", "RequireUppercaseCharacters",
                    "RequireLowercaseCharacters", "AllowUsersToChangePassword", "ExpirePasswords", "MaxPasswordAge",
                    "PasswordReusePrevention", "HardExpiry",
                ]
            ),
        ] as [(String, ShapeValue, [String])])
    func structures(label: String, shape: ShapeValue, members: [String]) {
        #expect(S.names(shape) == members, "\(label)")
    }

    @Test(
        "each result wraps its structures under AWS's names; a list result has IsTruncated, and Marker only when truncated",
        arguments: [
            ("CreateUser", Shapes.createUser(S.alice), ["User"]),
            ("GetUser", Shapes.getUser(S.alice), ["User"]),
            ("ListUsers", Shapes.listUsers([S.alice], isTruncated: false, marker: nil), ["Users", "IsTruncated"]),
            (
                "ListUsers, truncated", Shapes.listUsers([S.alice], isTruncated: true, marker: "m1"),
                ["Users", "IsTruncated", "Marker"]
            ),
            ("CreateGroup", Shapes.createGroup(S.group), ["Group"]),
            ("ListGroups", Shapes.listGroups([S.group], isTruncated: false, marker: nil), ["Groups", "IsTruncated"]),
            (
                "ListGroupsForUser", Shapes.listGroupsForUser([], isTruncated: true, marker: "m2"),
                ["Groups", "IsTruncated", "Marker"]
            ),
            (
                "CreateLoginProfile",
                Shapes.createLoginProfile(
                    LoginProfile(userName: "a", createDate: S.date, passwordResetRequired: false)), ["LoginProfile"]
            ),
            (
                "GetLoginProfile",
                Shapes.getLoginProfile(LoginProfile(userName: "a", createDate: S.date, passwordResetRequired: false)),
                ["LoginProfile"]
            ),
            ("GetAccountPasswordPolicy", Shapes.getAccountPasswordPolicy(PasswordPolicy()), ["PasswordPolicy"]),
            (
                "CreateAccessKey", Shapes.createAccessKey(NewAccessKey(metadata: S.key, secretAccessKey: "s")),
                ["AccessKey"]
            ),
            (
                "ListAccessKeys", Shapes.listAccessKeys([S.key], isTruncated: false, marker: nil),
                ["AccessKeyMetadata", "IsTruncated"]
            ),
            (
                "ListMFADevices", Shapes.listMFADevices([S.virtual], isTruncated: false, marker: nil),
                ["MFADevices", "IsTruncated"]
            ),
            (
                "ListVirtualMFADevices", Shapes.listVirtualMFADevices([S.virtual], isTruncated: true, marker: "m3"),
                ["VirtualMFADevices", "IsTruncated", "Marker"]
            ),
            (
                "GetAccountSummary", Shapes.getAccountSummary(AccountSummary(AccountState(accountID: S.account))),
                ["SummaryMap"]
            ),
            (
                "GenerateCredentialReport",
                Shapes.generateCredentialReport(
                    CredentialReportGeneration(state: "STARTED", description: "No report exists.")),
                ["State", "Description"]
            ),
            (
                "GetCredentialReport",
                Shapes.getCredentialReport(StoredCredentialReport(content: "user\n", generatedTime: S.date)),
                ["Content", "ReportFormat", "GeneratedTime"]
            ),
            ("GetCallerIdentity", Shapes.getCallerIdentity(.user(S.alice)), ["UserId", "Account", "Arn"]),
            (
                "GetSessionToken",
                Shapes.getSessionToken(
                    SessionCredentials(accessKeyID: "ASIA", secretAccessKey: "s", sessionToken: "t", expiration: S.date)
                ),
                ["Credentials"]
            ),
        ] as [(String, ShapeValue, [String])])
    func results(operation: String, shape: ShapeValue, members: [String]) {
        #expect(S.names(shape) == members, "\(operation)")
    }

    @Test("CreateVirtualMFADevice's seed is the base32 text's bytes, and its QR code the PNG's bytes")
    func createdDevice() throws {
        let created = NewVirtualMFADevice(
            device: S.pending, base32StringSeed: "JBSWY3DPEHPK3PXP", uri: "otpauth://totp/x?secret=JBSWY3DPEHPK3PXP")
        let result = Shapes.createVirtualMFADevice(created, qrCodePNG: [0x89, 0x50])
        let device = try #require(S.member("VirtualMFADevice", of: result))
        #expect(S.member("Base32StringSeed", of: device) == .blob(Array("JBSWY3DPEHPK3PXP".utf8)))
        #expect(S.member("QRCodePNG", of: device) == .blob([0x89, 0x50]))
        #expect(S.member("SerialNumber", of: device) == .string("arn:aws:iam::123456789012:mfa/spare"))
    }

    @Test("ListVirtualMFADevices never carries a seed or a QR code")
    func listedDevicesHaveNoSeed() throws {
        let result = Shapes.listVirtualMFADevices([S.virtual, S.pending], isTruncated: false, marker: nil)
        guard case .list(let devices)? = S.member("VirtualMFADevices", of: result) else {
            Issue.record("no list")
            return
        }
        for device in devices {
            #expect(S.member("Base32StringSeed", of: device) == nil)
            #expect(S.member("QRCodePNG", of: device) == nil)
        }
    }

    @Test("a root user's device names the account as UserName; an IAM user's, the user")
    func deviceOwners() {
        #expect(S.member("UserName", of: Shapes.mfaDevice(S.virtual)) == .string("123456789012"))
        #expect(S.member("UserName", of: Shapes.mfaDevice(S.token)) == .string("alice"))
        #expect(S.member("SerialNumber", of: Shapes.mfaDevice(S.token)) == .string("GAHT12345678"))
    }

    @Test("GetAccountSummary's map keeps AWS's key order and integer values")
    func summaryMap() throws {
        let summary = AccountSummary(AccountState(accountID: S.account, users: 2, groups: 1))
        guard case .map(let entries)? = S.member("SummaryMap", of: Shapes.getAccountSummary(summary)) else {
            Issue.record("no map")
            return
        }
        #expect(entries.map(\.0) == summary.entries.map(\.key))
        #expect(entries.prefix(3).map(\.1) == [.integer(2), .integer(5_000), .integer(1)])
    }

    @Test("GetCredentialReport's content is the CSV's bytes, in text/csv, with its time")
    func credentialReport() {
        let report = StoredCredentialReport(content: "user,arn\n<root_account>,x\n", generatedTime: S.date)
        let shape = Shapes.getCredentialReport(report)
        #expect(S.member("Content", of: shape) == .blob(Array(report.content.utf8)))
        #expect(S.member("ReportFormat", of: shape) == .string("text/csv"))
        #expect(S.member("GeneratedTime", of: shape) == .timestamp(S.date))
    }

    @Test("GetCallerIdentity: the root user's UserId is the account id and its ARN ends in :root")
    func callerIdentity() {
        #expect(
            Shapes.getCallerIdentity(.root(S.account))
                == .structure([
                    ("UserId", .string("123456789012")), ("Account", .string("123456789012")),
                    ("Arn", .string("arn:aws:iam::123456789012:root")),
                ]))
    }

    @Test("PasswordPolicy: ExpirePasswords follows MaxPasswordAge")
    func expirePasswords() {
        #expect(S.member("ExpirePasswords", of: Shapes.passwordPolicy(PasswordPolicy())) == .boolean(false))
        #expect(
            S.member("ExpirePasswords", of: Shapes.passwordPolicy(PasswordPolicy(maxPasswordAge: 90))) == .boolean(true)
        )
        #expect(
            S.member("MaxPasswordAge", of: Shapes.passwordPolicy(PasswordPolicy(maxPasswordAge: 90))) == .integer(90))
    }
}
