import IAMSimCore

/// What a request signed with an access key the database does not hold acts as.
public enum UnknownKeyPolicy: Sendable, Equatable {
    /// Refused with `InvalidClientTokenId`, as AWS refuses it.
    case refused
    /// moto's server mode (`iamsim serve --compat moto`): the request acts as the root user of
    /// `account`, or of the first account created when nil, with no session whatever
    /// session token it carries. Nothing can be verified: there is no secret to check the
    /// signature against. Refused as under `refused` when that account does not exist.
    case actAsRoot(of: AccountID?)
}
