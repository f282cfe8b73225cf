import Foundation
import IAMSimCore

/// The AWS structures iamsim answers with, built once for every front end: the CLI renders them
/// as the aws CLI's JSON, the Query API as XML (`QueryXML`).
///
/// Member names and order are those of botocore's IAM and STS service models
/// (`botocore/data/iam/2010-05-08/service-2.json`); a member AWS leaves out when it has no value
/// is left out here too. Only AWS's members: iamsim's own additions (a device's name, its type,
/// its drift) belong to the front end that shows them. The operations' results are in
/// `Shapes+Results.swift`.
public enum Shapes {
    /// `User`: Path, UserName, UserId, Arn, CreateDate, then PasswordLastUsed once the password
    /// was used (AWS returns it from GetUser and ListUsers), then Tags when the user has some
    /// and the answer shows them (GetUser, CreateUser).
    public static func user(_ user: User) -> ShapeValue {
        .structure([
            "Path": .string(user.path), "UserName": .string(user.userName), "UserId": .string(user.userID),
            "Arn": .string(user.arn), "CreateDate": .timestamp(user.createDate),
            "PasswordLastUsed": ShapeValue.timestamp(user.passwordLastUsed),
            "Tags": user.tags.isEmpty ? nil : ShapeValue.list(user.tags.map(Shapes.tag)),
        ])
    }

    /// `User` for the root user, as GetUser answers root's own call without a user name:
    /// UserId (the account id), Arn, CreateDate, PasswordLastUsed; no Path or UserName.
    public static func rootUser(_ root: RootUser) -> ShapeValue {
        .structure([
            "UserId": .string(root.accountID.rawValue), "Arn": .string(root.accountID.rootARN),
            "CreateDate": .timestamp(root.createDate),
            "PasswordLastUsed": ShapeValue.timestamp(root.passwordLastUsed),
        ])
    }

    /// `Tag`: Key, Value.
    public static func tag(_ tag: Tag) -> ShapeValue {
        .structure([("Key", .string(tag.key)), ("Value", .string(tag.value))])
    }

    /// `VirtualMFADevice.User`: the identity a virtual device is assigned to. An IAM user is
    /// `User` without PasswordLastUsed; the root user has no user name or path in AWS's answers,
    /// its `UserId` is the account id and its ARN ends in `:root`.
    public static func assignedUser(_ principal: Principal) -> ShapeValue {
        switch principal {
        case .root(let account):
            .structure(["UserId": .string(account.rawValue), "Arn": .string(account.rootARN)])
        case .user(let user):
            .structure([
                "Path": .string(user.path), "UserName": .string(user.userName), "UserId": .string(user.userID),
                "Arn": .string(user.arn), "CreateDate": .timestamp(user.createDate),
            ])
        }
    }

    /// `Group`: Path, GroupName, GroupId, Arn, CreateDate.
    public static func group(_ group: Group) -> ShapeValue {
        .structure([
            "Path": .string(group.path), "GroupName": .string(group.groupName), "GroupId": .string(group.groupID),
            "Arn": .string(group.arn), "CreateDate": .timestamp(group.createDate),
        ])
    }

    /// `AccessKeyMetadata`: UserName (left out for the root user's keys), AccessKeyId, Status,
    /// CreateDate. Never the secret.
    public static func accessKeyMetadata(_ key: AccessKeyMetadata) -> ShapeValue {
        .structure([
            "UserName": ShapeValue.string(key.userName), "AccessKeyId": .string(key.accessKeyID.rawValue),
            "Status": .string(key.status.rawValue), "CreateDate": .timestamp(key.createDate),
        ])
    }

    /// `AccessKey`: the only shape that carries the secret access key (CreateAccessKey).
    public static func accessKey(_ key: NewAccessKey) -> ShapeValue {
        .structure([
            "UserName": ShapeValue.string(key.metadata.userName),
            "AccessKeyId": .string(key.metadata.accessKeyID.rawValue),
            "Status": .string(key.metadata.status.rawValue), "SecretAccessKey": .string(key.secretAccessKey),
            "CreateDate": .timestamp(key.metadata.createDate),
        ])
    }

    /// `MFADevice`, as ListMFADevices returns it, for any type of device (a hardware token's
    /// serial, a virtual device's ARN): UserName, SerialNumber, EnableDate. The root user's
    /// devices carry the account id as `UserName` (AWS's value is undocumented).
    public static func mfaDevice(_ device: MFADevice) -> ShapeValue {
        .structure([
            "UserName": ShapeValue.string(device.assignedTo.map { $0.userName ?? $0.accountID.rawValue }),
            "SerialNumber": .string(device.serialNumber),
            "EnableDate": ShapeValue.timestamp(device.enableDate),
        ])
    }

    /// `VirtualMFADevice`: SerialNumber, then the seed and QR code when given (only
    /// CreateVirtualMFADevice answers with them), then User and EnableDate once assigned.
    ///
    /// - Parameters:
    ///   - base32StringSeed: the seed as base32 text. AWS's blob holds that text's bytes, not
    ///     the key's: boto3 returns `b'JBSW…'`, and the Query API sends its base64.
    ///   - qrCodePNG: the QR code's PNG image, holding the `otpauth://` URI.
    public static func virtualMFADevice(
        _ device: MFADevice, base32StringSeed: String? = nil, qrCodePNG: [UInt8]? = nil
    ) -> ShapeValue {
        .structure([
            "SerialNumber": .string(device.serialNumber),
            "Base32StringSeed": base32StringSeed.map { .blob(Array($0.utf8)) },
            "QRCodePNG": qrCodePNG.map { .blob($0) },
            "User": device.assignedTo.map(assignedUser),
            "EnableDate": ShapeValue.timestamp(device.enableDate),
        ])
    }

    /// `LoginProfile`: UserName, CreateDate, PasswordResetRequired. Never the password.
    public static func loginProfile(_ profile: LoginProfile) -> ShapeValue {
        .structure([
            "UserName": .string(profile.userName), "CreateDate": .timestamp(profile.createDate),
            "PasswordResetRequired": .boolean(profile.passwordResetRequired),
        ])
    }

    /// `PasswordPolicy`, every member GetAccountPasswordPolicy returns, `ExpirePasswords`
    /// included; MaxPasswordAge and PasswordReusePrevention only when set.
    public static func passwordPolicy(_ policy: PasswordPolicy) -> ShapeValue {
        .structure([
            "MinimumPasswordLength": .integer(policy.minimumPasswordLength),
            "RequireSymbols": .boolean(policy.requireSymbols),
            "RequireNumbers": .boolean(policy.requireNumbers),
            "RequireUppercaseCharacters": .boolean(policy.requireUppercaseCharacters),
            "RequireLowercaseCharacters": .boolean(policy.requireLowercaseCharacters),
            "AllowUsersToChangePassword": .boolean(policy.allowUsersToChangePassword),
            "ExpirePasswords": .boolean(policy.expirePasswords),
            "MaxPasswordAge": policy.maxPasswordAge.map { .integer($0) },
            "PasswordReusePrevention": policy.passwordReusePrevention.map { .integer($0) },
            "HardExpiry": .boolean(policy.hardExpiry),
        ])
    }
}

extension ShapeValue {
    /// A string member that AWS leaves out when it has no value.
    public static func string(_ text: String?) -> ShapeValue? { text.map { .string($0) } }

    /// A timestamp member that AWS leaves out when it has no value.
    public static func timestamp(_ date: Date?) -> ShapeValue? { date.map { .timestamp($0) } }
}
