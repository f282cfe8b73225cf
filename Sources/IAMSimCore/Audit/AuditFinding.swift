/// One verdict of the audit: a dashboard item or a framework control, passed or failed.
///
/// Only the audit's rules (`AuditControls`) make findings, so the initializer is Core's own
/// (synthesized); other modules read them.
public struct AuditFinding: Hashable, Sendable {
    /// How bad a failure is, in Security Hub's words.
    public enum Severity: String, Codable, Sendable, CaseIterable {
        case critical = "CRITICAL"
        case high = "HIGH"
        case medium = "MEDIUM"
        case low = "LOW"
        case informational = "INFORMATIONAL"
    }

    /// A stable kebab-case id, such as `root-access-keys` or `iam-9-root-mfa`.
    public var id: String
    /// What the item asks for, such as "Activate MFA on your root account".
    public var title: String
    /// The framework ids the finding answers, such as `CIS 1.5 (v1.4–v4.0)` or `Security Hub IAM.9`.
    public var controls: [String]
    public var severity: Severity
    public var status: SecurityStatusItem.Status
    /// The facts behind the status, in one sentence.
    public var evidence: String
    /// What fixes a failing finding; nil when it passes.
    public var remedy: Remedy?
}
