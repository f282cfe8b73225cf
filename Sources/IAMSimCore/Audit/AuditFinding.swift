/// One verdict of the audit: a dashboard item or a framework control, passed or failed.
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

    public init(
        id: String, title: String, controls: [String], severity: Severity, status: SecurityStatusItem.Status,
        evidence: String, remedy: Remedy? = nil
    ) {
        self.id = id
        self.title = title
        self.controls = controls
        self.severity = severity
        self.status = status
        self.evidence = evidence
        self.remedy = remedy
    }
}
