import Foundation

/// A console sign-in: who, whether MFA was used, and until when it lasts.
public struct ConsoleSession: Hashable, Sendable {
    /// How long a console session lasts after sign-in (AWS's console default is 12 hours).
    public static let lifetime: TimeInterval = 12 * 3_600

    public var id: String
    public var principal: Principal
    public var mfaUsed: Bool
    public var signInDate: Date
    public var expireDate: Date

    public init(id: String, principal: Principal, mfaUsed: Bool, signInDate: Date, expireDate: Date) {
        self.id = id
        self.principal = principal
        self.mfaUsed = mfaUsed
        self.signInDate = signInDate
        self.expireDate = expireDate
    }
}

/// STS `GetCallerIdentity`, plus whether the session was authenticated with MFA.
public struct CallerIdentity: Hashable, Sendable {
    public var userID: String
    public var account: AccountID
    public var arn: String
    /// Mirrors the `aws:MultiFactorAuthPresent` condition key.
    public var multiFactorAuthPresent: Bool
    public var session: ConsoleSession

    public init(session: ConsoleSession) {
        self.userID = session.principal.userID
        self.account = session.principal.accountID
        self.arn = session.principal.arn
        self.multiFactorAuthPresent = session.mfaUsed
        self.session = session
    }
}
