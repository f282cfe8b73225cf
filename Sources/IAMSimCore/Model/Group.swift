import Foundation
import IAMSimMacros

/// An IAM group, in AWS's `Group` shape.
@MemberwiseInit
public struct Group: Hashable, Sendable {
    public var accountID: AccountID
    public var groupName: String
    public var groupID: String
    public var path: String = "/"
    public var createDate: Date

    /// `arn:aws:iam::ACCOUNT:group/PATH/NAME`.
    public var arn: String {
        "arn:aws:iam::\(accountID.rawValue):group\(path)\(groupName)"
    }
}

/// A user's console password (AWS's `LoginProfile`), without the password.
@MemberwiseInit
public struct LoginProfile: Hashable, Sendable {
    public var userName: String
    public var createDate: Date
    public var passwordResetRequired: Bool
}

/// IAM's quotas and name rules for users and groups.
public enum IdentityRules {
    public static let maxUsers = 5_000
    public static let maxGroups = 300
    public static let maxGroupsPerUser = 10
    public static let userNameMaxLength = 64
    public static let groupNameMaxLength = 128

    /// Checks a path (`/` or `/division/team/`), throwing AWS's ValidationError wording.
    public static func validatePath(_ path: String) throws(IAMError) {
        guard IAMPath.isValid(path) else {
            throw .validationError(
                "The specified value for path is invalid. It must begin and end with / and contain only alphanumeric characters and/or / characters."
            )
        }
    }
}
