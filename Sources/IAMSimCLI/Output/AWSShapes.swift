import Foundation
import IAMSimApp
import IAMSimCore

// The JSON of AWS's response shapes, with AWS's field names, in AWS's order.

extension JSONValue {
    /// An AWS timestamp as the aws CLI prints it: `2026-11-29T00:25:32+00:00`.
    static func date(_ date: Date) -> JSONValue { .string(Timestamp.iso8601(date)) }
    static func date(_ date: Date?) -> JSONValue? { date.map { .string(Timestamp.iso8601($0)) } }
    static func string(_ text: String?) -> JSONValue? { text.map { .string($0) } }
}

extension AccessKeyMetadata {
    /// `AccessKeyMetadata`.
    var json: JSONValue {
        .object([
            "UserName": .string(userName),
            "AccessKeyId": .string(accessKeyID.rawValue),
            "Status": .string(status.rawValue),
            "CreateDate": .date(createDate),
        ])
    }
}

extension NewAccessKey {
    /// `AccessKey`, the only shape that carries the secret.
    var json: JSONValue {
        .object([
            "UserName": .string(metadata.userName),
            "AccessKeyId": .string(metadata.accessKeyID.rawValue),
            "Status": .string(metadata.status.rawValue),
            "SecretAccessKey": .string(secretAccessKey),
            "CreateDate": .date(metadata.createDate),
        ])
    }
}

extension Principal {
    /// `User`, as `ListVirtualMFADevices` nests it. Root has no user name or path in AWS's
    /// answers; its `UserId` is the account id and its ARN ends in `:root`.
    var userJSON: JSONValue {
        switch self {
        case .root(let account):
            .object(["UserId": .string(account.rawValue), "Arn": .string(account.rootARN)])
        case .user(let user):
            .object([
                "Path": .string(user.path), "UserName": .string(user.userName), "UserId": .string(user.userID),
                "Arn": .string(user.arn), "CreateDate": .date(user.createDate),
            ])
        }
    }
}

extension MFADevice {
    /// `MFADevice`, as `ListMFADevices` returns it (any type: a hardware token's serial, a
    /// virtual device's ARN), plus iamsim's `DeviceName`, `Type` and `Drift`, which AWS does not
    /// return. Root's devices carry the account id as `UserName` (AWS's value is undocumented).
    var json: JSONValue {
        .object([
            "UserName": .string(assignedTo?.userName ?? assignedTo?.accountID.rawValue),
            "SerialNumber": .string(serialNumber),
            "EnableDate": .date(enableDate),
            "DeviceName": .string(deviceName),
            "Type": .string(type.rawValue),
            "Drift": .int(Int(drift)),
        ])
    }

    /// `VirtualMFADevice` as `ListVirtualMFADevices` returns it: no seed, no QR code.
    var virtualJSON: JSONValue {
        .object([
            "SerialNumber": .string(serialNumber),
            "User": assignedTo?.userJSON,
            "EnableDate": .date(enableDate),
        ])
    }
}

extension User {
    /// `User`.
    var json: JSONValue {
        .object([
            "Path": .string(path), "UserName": .string(userName), "UserId": .string(userID), "Arn": .string(arn),
            "CreateDate": .date(createDate), "PasswordLastUsed": .date(passwordLastUsed),
        ])
    }
}

extension Group {
    /// `Group`.
    var json: JSONValue {
        .object([
            "Path": .string(path), "GroupName": .string(groupName), "GroupId": .string(groupID), "Arn": .string(arn),
            "CreateDate": .date(createDate),
        ])
    }
}

extension LoginProfile {
    /// `LoginProfile`.
    var json: JSONValue {
        .object([
            "UserName": .string(userName), "CreateDate": .date(createDate),
            "PasswordResetRequired": .bool(passwordResetRequired),
        ])
    }
}

extension PasswordPolicy {
    /// `PasswordPolicy`, as `GetAccountPasswordPolicy` returns it.
    var json: JSONValue {
        .object([
            "MinimumPasswordLength": .int(minimumPasswordLength),
            "RequireSymbols": .bool(requireSymbols),
            "RequireNumbers": .bool(requireNumbers),
            "RequireUppercaseCharacters": .bool(requireUppercaseCharacters),
            "RequireLowercaseCharacters": .bool(requireLowercaseCharacters),
            "AllowUsersToChangePassword": .bool(allowUsersToChangePassword),
            "ExpirePasswords": .bool(expirePasswords),
            "MaxPasswordAge": maxPasswordAge.map { .int($0) },
            "PasswordReusePrevention": passwordReusePrevention.map { .int($0) },
            "HardExpiry": .bool(hardExpiry),
        ])
    }
}
