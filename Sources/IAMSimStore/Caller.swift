import IAMSimCore
import IAMSimDatabase

/// Who is asking, with which credentials, and from where.
///
/// The identity is the console's signed-in session or an already-authenticated principal (for
/// front ends that authenticate requests themselves, such as the Query API). The rest is what
/// the event log records beside it, as CloudTrail's `userIdentity` and `sourceIPAddress` /
/// `userAgent` do, and what STS's rules read (temporary credentials cannot get more).
public struct Caller: Sendable {
    /// Whose authority a request carries.
    public enum Identity: Sendable {
        /// The newest open console session, optionally restricted to one account.
        case console(account: AccountID?)
        /// The console session with this id, while it is open: for a front end that holds
        /// several sessions at once, such as the web console (one per browser, named by its
        /// cookie).
        case session(id: String)
        case principal(Principal)
    }

    public var identity: Identity
    /// Where the request came from.
    public var origin: RequestOrigin
    /// The access key that signed the request: `AKIA…` (long-term) or `ASIA…` (temporary);
    /// nil for the console and for callers that signed nothing.
    public var accessKeyID: String?
    /// For temporary credentials: their session (when issued, whether MFA authenticated them).
    /// Nil for a long-term key; a console caller's is its console session's, read when the
    /// operation resolves it.
    public var session: SessionContext?

    public init(
        _ identity: Identity, origin: RequestOrigin, accessKeyID: String? = nil, session: SessionContext? = nil
    ) {
        self.identity = identity
        self.origin = origin
        self.accessKeyID = accessKeyID
        self.session = session
    }

    /// The newest open console session (of `account` when given), acting from `origin`.
    public static func console(account: AccountID?, origin: RequestOrigin = .commandLine) -> Caller {
        Caller(.console(account: account), origin: origin)
    }

    /// The console session `id`, while it is open, acting from `origin` (the web console).
    public static func session(id: String, origin: RequestOrigin) -> Caller {
        Caller(.session(id: id), origin: origin)
    }

    /// `principal`, already authenticated by the front end.
    public static func principal(
        _ principal: Principal, origin: RequestOrigin = .commandLine, accessKeyID: String? = nil,
        session: SessionContext? = nil
    ) -> Caller {
        Caller(.principal(principal), origin: origin, accessKeyID: accessKeyID, session: session)
    }
}

extension Caller {
    /// What the event log records of the call beside its identity.
    func eventRequest(mfaAuthenticated: Bool?) -> EventLog.Request {
        EventLog.Request(origin: origin, accessKeyID: accessKeyID, mfaAuthenticated: mfaAuthenticated)
    }
}
