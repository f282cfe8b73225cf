import IAMSimMacros

/// Who a copy of a fixture is for: one trainee's account in a classroom.
@MemberwiseInit
public struct Trainee: Hashable, Sendable {
    public var accountID: AccountID
    public var email: String
    public var alias: String?
    /// The root password, in plain text (shown once) or as a hash (when resetting).
    public var password: String?
    public var passwordHash: String?
}

extension Fixture {
    /// A copy of this fixture for `trainee`: their account id, email, alias and password, and
    /// fresh ids and secrets everywhere (access keys, user and group ids, MFA seeds, hardware
    /// tokens), so that no two trainees share a credential. Names, dates, statuses, the
    /// password policy and lesson progress stay as the fixture has them.
    public func personalized(for trainee: Trainee, secrets: SecretGenerator) -> Fixture {
        var copy = self
        var account = copy.account
        account.accountID = trainee.accountID.rawValue
        account.accountAlias = trainee.alias
        account.root.email = trainee.email
        account.root.password = trainee.password
        account.root.passwordHash = trainee.passwordHash
        account.root.accessKeys = account.root.accessKeys.map(Self.freshKeys(secrets))

        var serials: [String: String] = [:]
        account.hardwareTokens = account.hardwareTokens?.map { token in
            let serial = secrets.hardwareSerial()
            serials[token.serialNumber] = serial
            return HardwareToken(serialNumber: serial, base32StringSeed: secrets.mfaSeed())
        }
        let freshDevices = { (devices: [MFADevice]?) in
            devices?.map { device -> MFADevice in
                var fresh = device
                fresh.base32StringSeed = secrets.mfaSeed()
                if let serial = device.serialNumber { fresh.serialNumber = serials[serial] ?? secrets.hardwareSerial() }
                return fresh
            }
        }
        account.root.mfaDevices = freshDevices(account.root.mfaDevices)
        account.users = account.users?.map { user in
            var fresh = user
            fresh.userID = secrets.userID()
            fresh.accessKeys = user.accessKeys.map(Self.freshKeys(secrets))
            fresh.mfaDevices = freshDevices(user.mfaDevices)
            return fresh
        }
        account.groups = account.groups?.map { group in
            var fresh = group
            fresh.groupID = secrets.groupID()
            return fresh
        }
        copy.account = account
        return copy
    }

    private static func freshKeys(_ secrets: SecretGenerator) -> ([AccessKey]) -> [AccessKey] {
        { keys in
            keys.map { key in
                var fresh = key
                fresh.accessKeyID = secrets.accessKeyID().rawValue
                fresh.secretAccessKey = secrets.secretAccessKey()
                return fresh
            }
        }
    }
}

/// Trainee emails from a template such as `trainee{n}@class.example`.
public enum EmailTemplate {
    /// The template with `{n}` replaced by `number`.
    public static func email(_ template: String, number: Int) -> String {
        template.replacingOccurrences(of: "{n}", with: String(number))
    }
}
