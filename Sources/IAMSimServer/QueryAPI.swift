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
        // The most specific names first: the first that the action's name contains wins.
        let kinds: [(String, String)] = [
            ("ServiceLinkedRole", "service-linked roles"), ("AssumeRoot", "centralized root access"),
            ("AssumeRole", "roles"), ("InstanceProfile", "instance profiles"),
            ("PermissionsBoundary", "permissions boundaries"),
            ("AuthorizationDetails", "policies and roles"), ("AuthorizationMessage", "encoded authorization messages"),
            ("Role", "roles"), ("Policy", "policies"), ("Policies", "policies"), ("SAML", "SAML providers"),
            ("OpenIDConnect", "OpenID Connect providers"), ("ServerCertificate", "server certificates"),
            ("SigningCertificate", "signing certificates"), ("SSHPublicKey", "SSH public keys"),
            ("ServiceSpecificCredential", "service-specific credentials"),
            ("WithEntities", "service last-accessed details by entity"), ("Organizations", "AWS Organizations"),
            ("FederationToken", "federation tokens"), ("WebIdentity", "outbound web identity federation"),
            ("Delegat", "delegation requests"), ("HumanReadableSummary", "delegation requests"),
            ("MFADevice", "MFA device tags"), ("AccessKeyInfo", "STS access key lookups"),
            ("SecurityTokenServicePreferences", "STS endpoint preferences"),
            ("UpdateGroup", "renaming or moving groups"),
        ]
        let what = kinds.first { action.contains($0.0) }?.1 ?? "this operation"
        return "iamsim does not simulate \(what), so \(action) is not available. "
            + "See docs/api.md for the actions iamsim answers."
    }
}
