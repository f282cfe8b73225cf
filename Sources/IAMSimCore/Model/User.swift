import Foundation

/// An IAM user, in AWS's `User` shape.
public struct User: Hashable, Sendable {
    public var accountID: AccountID
    public var userName: String
    public var userID: String
    public var path: String
    public var createDate: Date
    public var passwordLastUsed: Date?
    /// The user's tags, in key order; only answers that show tags carry them (`GetUser`,
    /// `CreateUser`; AWS's `ListUsers` leaves them out), empty in the others.
    public var tags: [Tag]

    public init(
        accountID: AccountID, userName: String, userID: String, path: String = "/", createDate: Date,
        passwordLastUsed: Date? = nil, tags: [Tag] = []
    ) {
        self.accountID = accountID
        self.userName = userName
        self.userID = userID
        self.path = path
        self.createDate = createDate
        self.passwordLastUsed = passwordLastUsed
        self.tags = tags
    }

    /// `arn:aws:iam::ACCOUNT:user/PATH/NAME`.
    public var arn: String {
        "arn:aws:iam::\(accountID.rawValue):user\(path)\(userName)"
    }
}

/// The root user as `GetUser` answers for it, when the root user calls it without a user name:
/// no path or user name, the account id as `UserId`, the ARN `arn:aws:iam::ACCOUNT:root`, the
/// account's creation date, and when root's password was last used.
public struct RootUser: Hashable, Sendable {
    public var accountID: AccountID
    public var createDate: Date
    public var passwordLastUsed: Date?

    public init(accountID: AccountID, createDate: Date, passwordLastUsed: Date?) {
        self.accountID = accountID
        self.createDate = createDate
        self.passwordLastUsed = passwordLastUsed
    }
}
