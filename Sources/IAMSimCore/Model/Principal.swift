/// Who acts: the account's root user or one of its IAM users.
public enum Principal: Hashable, Sendable {
    case root(AccountID)
    case user(User)

    /// The account the principal belongs to.
    public var accountID: AccountID {
        switch self {
        case .root(let account): account
        case .user(let user): user.accountID
        }
    }

    /// `arn:aws:iam::ACCOUNT:root` or the user's ARN.
    public var arn: String {
        switch self {
        case .root(let account): account.rootARN
        case .user(let user): user.arn
        }
    }

    /// GetCallerIdentity's `UserId`: the account id for root, the `AIDA…` id for a user.
    public var userID: String {
        switch self {
        case .root(let account): account.rawValue
        case .user(let user): user.userID
        }
    }

    /// CloudTrail's `userIdentity.type`.
    public var typeName: String {
        switch self {
        case .root: "Root"
        case .user: "IAMUser"
        }
    }

    /// CloudTrail's `userIdentity.type` of the identity `arn` names: `Root` for
    /// `arn:aws:iam::ACCOUNT:root`, `IAMUser` for a user's ARN, nil for anything else.
    public static func typeName(ofARN arn: String) -> String? {
        if arn.hasPrefix("arn:aws:iam::"), arn.hasSuffix(":root") { return "Root" }
        if arn.hasPrefix("arn:aws:iam::"), arn.contains(":user/") { return "IAMUser" }
        return nil
    }

    /// The user name, or nil for root (AWS omits `UserName` for root's credentials).
    public var userName: String? {
        if case .user(let user) = self { return user.userName }
        return nil
    }

    /// How people name the principal in text output.
    public var displayName: String {
        switch self {
        case .root: "root user"
        case .user(let user): "IAM user \(user.userName)"
        }
    }
}
