/// One item of the IAM dashboard's security-status checklist.
public struct SecurityStatusItem: Hashable, Sendable {
    public enum Status: String, Codable, Sendable {
        case pass = "PASS"
        case fail = "FAIL"
    }

    /// A stable id: `root-access-keys`, `root-mfa`.
    public var id: String
    /// The console's wording: "Delete your root access keys".
    public var title: String
    public var status: Status
    /// The evidence behind the status, in one sentence.
    public var detail: String
    /// The iamsim command that fixes a failing item, or nil when it passes.
    public var remedy: String?

    public init(id: String, title: String, status: Status, detail: String, remedy: String? = nil) {
        self.id = id
        self.title = title
        self.status = status
        self.detail = detail
        self.remedy = remedy
    }
}

/// The dashboard's security-status checklist, computed from live account state.
public enum SecurityChecklist {
    /// The items for `state`, in the console's order.
    public static func evaluate(_ state: AccountState) -> [SecurityStatusItem] {
        [rootAccessKeys(state), rootMFA(state)]
    }

    static func rootAccessKeys(_ state: AccountState) -> SecurityStatusItem {
        let title = "Delete your root access keys"
        guard state.rootAccessKeys > 0 else {
            return SecurityStatusItem(
                id: "root-access-keys", title: title, status: .pass, detail: "The root user has no access keys.")
        }
        let keys = state.rootAccessKeys == 1 ? "1 access key" : "\(state.rootAccessKeys) access keys"
        return SecurityStatusItem(
            id: "root-access-keys", title: title, status: .fail,
            detail: "The root user has \(keys) (\(state.rootActiveAccessKeys) active).",
            remedy: "iamsim access-keys deactivate ID, then iamsim access-keys delete ID")
    }

    static func rootMFA(_ state: AccountState) -> SecurityStatusItem {
        let title = "Activate MFA on your root account"
        guard state.rootMFADevices > 0 else {
            return SecurityStatusItem(
                id: "root-mfa", title: title, status: .fail, detail: "The root user has no active MFA device.",
                remedy: "iamsim mfa assign NAME, then iamsim mfa activate NAME --code1 C1 --code2 C2")
        }
        let devices = state.rootMFADevices == 1 ? "1 active MFA device" : "\(state.rootMFADevices) active MFA devices"
        return SecurityStatusItem(
            id: "root-mfa", title: title, status: .pass, detail: "The root user has \(devices).")
    }
}

/// What the IAM dashboard shows: the account, its summary and its security status.
public struct Dashboard: Hashable, Sendable {
    public var state: AccountState
    public var summary: AccountSummary
    public var securityStatus: [SecurityStatusItem]
    public var signedInAs: Principal?

    public init(state: AccountState, signedInAs: Principal?) {
        self.state = state
        self.summary = AccountSummary(state)
        self.securityStatus = SecurityChecklist.evaluate(state)
        self.signedInAs = signedInAs
    }
}
