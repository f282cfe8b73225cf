import Foundation
import IAMSimMacros

/// An IAM user, in AWS's `User` shape.
@MemberwiseInit
public struct User: Hashable, Sendable {
    public var accountID: AccountID
    public var userName: String
    public var userID: String
    public var path: String = "/"
    public var createDate: Date
    public var passwordLastUsed: Date?
    /// The user's tags, in key order; only answers that show tags carry them (`GetUser`,
    /// `CreateUser`; AWS's `ListUsers` leaves them out), empty in the others.
    public var tags: [Tag] = []

    /// `arn:aws:iam::ACCOUNT:user/PATH/NAME`.
    public var arn: String {
        "arn:aws:iam::\(accountID.rawValue):user\(path)\(userName)"
    }
}

/// The root user as `GetUser` answers for it, when the root user calls it without a user name:
/// no path or user name, the account id as `UserId`, the ARN `arn:aws:iam::ACCOUNT:root`, the
/// account's creation date, and when root's password was last used.
@MemberwiseInit
public struct RootUser: Hashable, Sendable {
    public var accountID: AccountID
    public var createDate: Date
    public var passwordLastUsed: Date?
}
