import Foundation

/// An IAM user, in AWS's `User` shape.
public struct User: Hashable, Sendable {
    public var accountID: AccountID
    public var userName: String
    public var userID: String
    public var path: String
    public var createDate: Date
    public var passwordLastUsed: Date?

    public init(
        accountID: AccountID, userName: String, userID: String, path: String = "/", createDate: Date,
        passwordLastUsed: Date? = nil
    ) {
        self.accountID = accountID
        self.userName = userName
        self.userID = userID
        self.path = path
        self.createDate = createDate
        self.passwordLastUsed = passwordLastUsed
    }

    /// `arn:aws:iam::ACCOUNT:user/PATH/NAME`.
    public var arn: String {
        "arn:aws:iam::\(accountID.rawValue):user\(path)\(userName)"
    }
}
