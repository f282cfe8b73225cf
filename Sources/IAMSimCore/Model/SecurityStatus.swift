/// One item of the IAM dashboard's security-status checklist, made from an `AuditFinding`
/// (`init(_:)`), never assembled by another module.
public struct SecurityStatusItem: Hashable, Sendable {
    public enum Status: String, Codable, Sendable {
        case pass = "PASS"
        case fail = "FAIL"
    }

    /// A stable id: `root-access-keys`, `root-mfa`, `individual-users`, `use-groups`, `password-policy`.
    public var id: String
    /// The console's wording: "Delete your root access keys".
    public var title: String
    public var status: Status
    /// The evidence behind the status, in one sentence.
    public var detail: String
    /// What fixes a failing item, or nil when it passes.
    public var remedy: Remedy?
}

extension SecurityStatusItem {
    /// The dashboard's view of an audit finding.
    public init(_ finding: AuditFinding) {
        self.init(
            id: finding.id, title: finding.title, status: finding.status, detail: finding.evidence,
            remedy: finding.remedy)
    }
}

/// What the IAM dashboard shows: the account, its summary and its security status.
public struct Dashboard: Hashable, Sendable {
    public var state: AccountState
    public var summary: AccountSummary
    public var securityStatus: [SecurityStatusItem]
    public var signedInAs: Principal?

    /// The dashboard of an account in `state`, whose checklist is `snapshot`'s five classic
    /// items (`AuditControls.dashboardItems`).
    public init(state: AccountState, snapshot: AuditSnapshot, signedInAs: Principal?) {
        self.state = state
        self.summary = AccountSummary(state)
        self.securityStatus = AuditControls.dashboardItems(snapshot).map(SecurityStatusItem.init)
        self.signedInAs = signedInAs
    }
}
