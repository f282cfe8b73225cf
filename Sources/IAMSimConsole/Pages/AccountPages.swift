import Foundation
import IAMSimApp
import IAMSimCore
import IAMSimStore

/// The IAM dashboard, "My security credentials" and the password change: each a read or an
/// action of the store as the signed-in session (`GetAccountSummary`, `ListMFADevices`,
/// `ListVirtualMFADevices`, `ListAccessKeys`, `ChangePassword`).
extension Console {
    struct DashboardView {
        var passed: Int
        var total: Int
        var items: [StatusItem]
        var resources: [Resource]
        var accountID: String
        var alias: String?
        var signInURL: String
    }

    struct Resource {
        var label: String
        var value: String
        var href: String?
    }

    // MARK: - Dashboard

    /// The dashboard: `IAMStore.dashboard` (`GetAccountSummary`, the security status as the
    /// audit's five dashboard items).
    func dashboard(_ visit: Visit) throws -> ConsoleResponse {
        let dashboard = try store.dashboard(caller: try visit.caller())
        let items = dashboard.securityStatus.map { item in
            StatusItem(item, fixes: item.remedy.map { RemedyLinks.links(for: $0, base: base) } ?? [])
        }
        let summary = dashboard.summary
        let state = dashboard.state
        let resources = [
            Resource(label: "Users", value: "\(summary["Users"] ?? 0)", href: base + "/users"),
            Resource(label: "User groups", value: "\(summary["Groups"] ?? 0)", href: base + "/groups"),
            Resource(label: "MFA devices", value: "\(summary["MFADevices"] ?? 0)", href: nil),
            Resource(label: "MFA devices in use", value: "\(summary["MFADevicesInUse"] ?? 0)", href: nil),
            Resource(
                label: "Root user access keys", value: "\(summary["AccountAccessKeysPresent"] ?? 0 > 0 ? "Yes" : "No")",
                href: nil),
        ]
        let accountName = state.alias ?? state.accountID.rawValue
        return renderer.page(
            visit, title: "Dashboard", template: "dashboard",
            view: DashboardView(
                passed: StatusItem.passed(dashboard.securityStatus), total: items.count, items: items,
                resources: resources, accountID: state.accountID.rawValue, alias: state.alias,
                signInURL: "\(base)/signin?as=iam&account=\(FormDecoding.encode(accountName))"),
            section: .dashboard)
    }

    // MARK: - Security credentials

    struct CredentialsPageView {
        var heading: String
        var identity: String
        var arn: String
        var changePassword: Bool
        var sections: CredentialSections
    }

    /// "My security credentials": the signed-in identity's MFA devices and access keys.
    func securityCredentials(_ visit: Visit) throws -> ConsoleResponse {
        let session = try visit.session()
        let sections = try credentialSections(visit, userName: nil, root: session.principal.userName == nil)
        let isRoot = session.principal.userName == nil
        return renderer.page(
            visit, title: "My security credentials", template: "credentials",
            view: CredentialsPageView(
                heading: isRoot ? "My security credentials (root user)" : "My security credentials",
                identity: isRoot ? "Root user" : session.principal.displayName, arn: session.principal.arn,
                changePassword: !isRoot, sections: sections),
            section: .credentials)
    }

    /// The page with the security credentials of the caller (`user` nil) or of an IAM user (root's
    /// view of the user's page), at its `anchor` section: `mfa` or `access-keys`.
    func credentialsPath(user: String?, anchor: String) -> String {
        (user.map(userPath) ?? "/security-credentials") + "#" + anchor
    }

    /// The menu section a credentials page belongs to: the caller's own, or Users.
    func credentialsSection(user: String?) -> PageRenderer.Section { user == nil ? .credentials : .users }

    /// The MFA and access key sections for the caller (`userName` nil) or root's view of a user.
    func credentialSections(_ visit: Visit, userName: String?, root: Bool) throws -> CredentialSections {
        let caller = try visit.caller()
        let devices = try store.listMFADevices(caller: caller, userName: userName).items
        // Devices awaiting activation are the account's; the wizard shows each once more.
        let pending = try store.listVirtualMFADevices(caller: caller, assignmentStatus: .unassigned).items
        let keys = try store.listAccessKeys(caller: caller, userName: userName).items
        let session = try visit.session()
        let owner = Links.owner(userName)
        return CredentialSections(
            devices: devices.map { device in
                let query = [("device", device.serialNumber)] + owner
                return DeviceRow(
                    name: device.deviceName,
                    type: device.type == .virtual ? "Virtual MFA device" : "Hardware TOTP token",
                    serial: device.serialNumber, enabled: device.enableDate.map(Timestamp.readable) ?? "",
                    created: Timestamp.readable(device.createDate),
                    resyncHref: Links.path(base + "/mfa/resync", query),
                    removeHref: Links.path(base + "/mfa/remove", query),
                    setupHref: nil)
            },
            pending: pending.map { device in
                let query = [("device", device.serialNumber)] + owner
                let setUp =
                    memory.enrollment(session: session.id, serial: device.serialNumber, now: simulator.clock.realNow())
                    != nil
                return DeviceRow(
                    name: device.deviceName, type: "Virtual MFA device", serial: device.serialNumber, enabled: "",
                    created: Timestamp.readable(device.createDate), resyncHref: "",
                    removeHref: Links.path(base + "/mfa/remove", query),
                    setupHref: setUp ? Links.path(base + "/mfa/setup", query) : nil)
            },
            assignHref: Links.path(base + "/mfa/assign", owner),
            keys: keys.map { key in
                KeyRow(
                    id: key.accessKeyID.rawValue, status: key.status.rawValue, active: key.status == .active,
                    created: Timestamp.readable(key.createDate),
                    lastUsed: key.lastUsedDate.map(Timestamp.readable) ?? "N/A",
                    deleteHref: Links.path(base + "/access-keys/delete", [("key", key.accessKeyID.rawValue)] + owner),
                    owner: userName)
            },
            canCreateKey: keys.count < AccessKeyRules.maxKeysPerIdentity,
            rootWarning: root && userName == nil, owner: userName)
    }

    // MARK: - Password

    func passwordPage(_ visit: Visit) throws -> ConsoleResponse {
        _ = try visit.session()
        return renderer.page(
            visit, title: "Change password", template: "password", view: [String: String](), section: .credentials)
    }

    /// `ChangePassword` for the signed-in IAM user.
    func passwordSubmit(_ visit: inout Visit) throws -> ConsoleResponse {
        let caller = try visit.caller()
        let request = visit.request
        let newPassword = request.secretField("newPassword") ?? ""
        do {
            guard newPassword == request.secretField("confirmPassword") else {
                throw ErrorView(
                    title: "Passwords differ", message: "The two new passwords differ: type the same one twice.")
            }
            try store.changePassword(
                caller: caller, oldPassword: request.secretField("oldPassword") ?? "", newPassword: newPassword)
            return visit.redirect("/security-credentials", flash: "Your password is changed.")
        } catch {
            let view = ErrorView(error)
            return renderer.page(
                visit, title: "Change password", template: "password", view: [String: String](), status: view.status,
                section: .credentials, error: view)
        }
    }
}

/// The MFA and access key sections of a security credentials page.
struct CredentialSections {
    var devices: [DeviceRow]
    var pending: [DeviceRow]
    var assignHref: String
    var keys: [KeyRow]
    var canCreateKey: Bool
    var rootWarning: Bool
    /// The IAM user whose credentials these are, when root manages a user's.
    var owner: String?
}

/// A security status item as the dashboard and the class progress page show it: the state as a
/// class name, a mark and words (status is never shown by colour alone), and the pages that fix it.
struct StatusItem {
    var id: String
    var title: String
    var detail: String
    /// A class name: pass or fail.
    var state: String
    var symbol: String
    /// The mark in words.
    var word: String
    var fixes: [PageLink]

    init(_ item: SecurityStatusItem, fixes: [PageLink] = []) {
        let passed = item.status == .pass
        id = item.id
        title = item.title
        detail = item.detail
        state = passed ? "pass" : "fail"
        symbol = passed ? "✓" : "⚠"
        word = passed ? "Complete:" : "Not complete:"
        self.fixes = fixes
    }

    /// How many of `items` pass.
    static func passed(_ items: [SecurityStatusItem]) -> Int {
        items.filter { $0.status == .pass }.count
    }
}

struct DeviceRow {
    var name: String
    var type: String
    var serial: String
    var enabled: String
    var created: String
    var resyncHref: String
    var removeHref: String
    var setupHref: String?
}

struct KeyRow {
    var id: String
    var status: String
    var active: Bool
    var created: String
    var lastUsed: String
    var deleteHref: String
    var owner: String?
}

/// Links inside the console.
enum Links {
    /// `path` with `query` (names and values escaped).
    static func path(_ path: String, _ query: [(String, String)]) -> String {
        guard !query.isEmpty else { return path }
        return path + "?" + query.map { "\($0.0)=\(FormDecoding.encode($0.1))" }.joined(separator: "&")
    }

    /// The query item naming the IAM user whose credentials a page handles; none for the caller's own.
    static func owner(_ user: String?) -> [(String, String)] {
        user.map { [("user", $0)] } ?? []
    }
}

/// Where a `Remedy` leads in this console: the page of each step.
enum RemedyLinks {
    static func links(for remedy: Remedy, base: String) -> [PageLink] {
        var links: [PageLink] = []
        for step in remedy.steps {
            let link: [PageLink]
            switch step {
            case .deactivateAccessKey, .deleteAccessKey:
                link = [PageLink(label: "Manage root access keys", href: base + "/security-credentials#access-keys")]
            case .createVirtualMFADevice, .enableHardwareMFADevice, .enableMFADevice(userNames: []):
                link = [PageLink(label: "Assign MFA device", href: base + "/mfa/assign")]
            case .enableMFADevice(let userNames):
                link = userNames.map {
                    PageLink(label: "Assign MFA for \($0)", href: Links.path(base + "/user", [("name", $0)]))
                }
            case .removeVirtualMFADevices, .resyncMFADevice:
                link = [PageLink(label: "Manage MFA devices", href: base + "/security-credentials#mfa")]
            case .signIn:
                link = [PageLink(label: "Sign in", href: base + "/signin")]
            case .signOut:
                link = []
            case .workAsIAMUser, .createUser:
                link = [PageLink(label: "Create user", href: base + "/users/create")]
            case .createGroup, .addUserToGroup:
                link = [PageLink(label: "Manage user groups", href: base + "/groups")]
            case .updateAccountPasswordPolicy:
                link = [PageLink(label: "Set a password policy", href: base + "/password-policy")]
            case .generateCredentialReport:
                link = []
            }
            for item in link where !links.contains(where: { $0.href == item.href }) { links.append(item) }
        }
        return links
    }
}
