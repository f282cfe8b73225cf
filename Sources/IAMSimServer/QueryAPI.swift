import IAMSimCore

/// The actions iamsim answers, each a thin adapter (one file per aggregate in `Handlers/`):
/// read the checked parameters, call one store operation as the authenticated principal,
/// return AWS's result shape from `Shapes`.
enum QueryAPI {
    static let handlers: [IAMAction: QueryHandler] = {
        var all: [IAMAction: QueryHandler] = [:]
        for group in [users, loginProfiles, passwordPolicy, groups, accessKeys, mfa, account, sts, unmodelled] {
            all.merge(group) { first, _ in first }
        }
        return all
    }()

    /// The `NotImplemented` message for an operation of AWS's model that iamsim does not
    /// answer, naming what it belongs to: "iamsim does not simulate roles, so ListRoles…".
    static func notSimulatedMessage(_ action: String) -> String {
        let kinds: [(String, String)] = [
            ("Role", "roles"), ("InstanceProfile", "instance profiles"), ("Policy", "policies"),
            ("PolicyVersion", "policy versions"), ("SAML", "SAML providers"),
            ("OpenIDConnect", "OpenID Connect providers"), ("ServerCertificate", "server certificates"),
            ("SigningCertificate", "signing certificates"), ("SSHPublicKey", "SSH public keys"),
            ("ServiceSpecificCredential", "service-specific credentials"),
            ("ServiceLinkedRole", "service-linked roles"), ("Organizations", "AWS Organizations"),
            ("AssumeRole", "roles"), ("FederationToken", "federation tokens"),
        ]
        let what = kinds.first { action.contains($0.0) }?.1 ?? "this operation"
        return "iamsim does not simulate \(what), so \(action) is not available. "
            + "See docs/api.md for the actions iamsim answers."
    }
}
