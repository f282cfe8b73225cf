import IAMSimCore

/// How rows name the identity that owns them: an account plus a user id, or no user id for root.
struct OwnerKey: Hashable {
    var accountId: String
    var userId: String?

    init(accountId: String, userId: String?) {
        self.accountId = accountId
        self.userId = userId
    }

    init(_ principal: Principal) {
        accountId = principal.accountID.rawValue
        if case .user(let user) = principal { userId = user.userID }
    }
}
