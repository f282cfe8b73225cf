import Foundation
import IAMSimMacros

/// A console sign-in: who, whether MFA was used, and until when it lasts.
@MemberwiseInit
public struct ConsoleSession: Hashable, Sendable {
    /// How long a console session lasts after sign-in (AWS's console default is 12 hours).
    public static let lifetime: TimeInterval = 12 * 3_600

    public var id: String
    public var principal: Principal
    public var mfaUsed: Bool
    public var signInDate: Date
    public var expireDate: Date
}

/// How a console session stands when a front end looks it up by id.
public enum SessionStanding: Hashable, Sendable {
    /// Open: who signed in, with MFA or not, until when.
    case open(ConsoleSession)
    /// It lasted its `ConsoleSession.lifetime` on the account's clock.
    case expired
    /// Its identity signed out (everywhere), or the user it belonged to was deleted.
    case signedOut
    /// No session has that id.
    case unknown
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
