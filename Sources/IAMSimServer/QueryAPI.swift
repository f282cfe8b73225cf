import Foundation
import IAMSimApp
import IAMSimCore
import IAMSimStore

/// The actions iamsim answers, each a thin adapter: read the checked parameters, call one
/// store operation as the authenticated principal, return AWS's result shape.
enum QueryAPI {
    static let handlers: [String: QueryHandler] = [
        IAMAction.getCallerIdentity.name: { context in
            .structure([
                ("UserId", .string(context.principal.userID)),
                ("Account", .string(context.principal.accountID.rawValue)),
                ("Arn", .string(context.principal.arn)),
            ])
        },
    ]

    /// What an operation of AWS's model that iamsim does not answer belongs to, for the
    /// NotImplemented message: "iamsim does not simulate roles".
    static func notSimulatedWhat(_ action: String) -> String {
        let kinds: [(String, String)] = [
            ("Role", "roles"), ("InstanceProfile", "instance profiles"), ("Policy", "policies"),
            ("PolicyVersion", "policy versions"), ("SAML", "SAML providers"), ("OpenIDConnect", "OpenID Connect providers"),
            ("ServerCertificate", "server certificates"), ("SigningCertificate", "signing certificates"),
            ("SSHPublicKey", "SSH public keys"), ("ServiceSpecificCredential", "service-specific credentials"),
            ("ServiceLinkedRole", "service-linked roles"), ("Organizations", "AWS Organizations"),
            ("AssumeRole", "roles"), ("FederationToken", "federation tokens"),
        ]
        return kinds.first { action.contains($0.0) }?.1 ?? "this operation"
    }
}
