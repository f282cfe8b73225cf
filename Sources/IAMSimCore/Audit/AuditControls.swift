import Foundation

/// The auditor's view of an account: the classic IAM dashboard checklist and the CIS AWS
/// Foundations Benchmark, Security Hub and Prowler controls on the root user and console users.
///
/// Where a dashboard item and a framework control judge the same thing differently, both
/// are reported, each with its own rule and controls, rather than one blurred verdict.
/// CIS numbers are per benchmark version: `CIS 1.5 (v1.4–v4.0)` is recommendation 1.5 in
/// versions 1.4.0 to 4.0.x. Sources: Security Hub CSPM IAM controls page ("Related
/// requirements"), Prowler's check sources, the IAM User Guide.
public enum AuditControls {
    /// Every finding, in a fixed order: root access keys, root MFA, hardware MFA, root use,
    /// console users' MFA, then the account's users, groups and password policy.
    public static func evaluate(_ snapshot: AuditSnapshot) -> [AuditFinding] {
        [
            rootAccessKeys(snapshot),
            rootActiveAccessKeys(snapshot),
            rootMFA(snapshot),
            rootMFAControl(snapshot),
            rootHardwareMFA(snapshot),
            avoidRootUse(snapshot),
            consoleUsersMFA(snapshot),
            individualUsers(snapshot),
            useGroups(snapshot),
            passwordPolicy(snapshot),
            passwordLength(snapshot),
            passwordReuse(snapshot),
        ]
    }

    /// The classic IAM dashboard's five "Security Status" items, in the console's order.
    public static func dashboardItems(_ snapshot: AuditSnapshot) -> [AuditFinding] {
        [
            rootAccessKeys(snapshot),
            rootMFA(snapshot),
            individualUsers(snapshot),
            useGroups(snapshot),
            passwordPolicy(snapshot),
        ]
    }

    // MARK: Framework ids

    static let dashboard = "IAM dashboard"

    // MARK: Root access keys

    /// The dashboard item asks for deletion, so any key fails it, inactive or not. Security Hub
    /// IAM.4 judges the same way: its Config rule `iam-root-access-key-check` is compliant only
    /// when no root key exists (it reads `AccountAccessKeysPresent`, which counts inactive keys).
    static func rootAccessKeys(_ s: AuditSnapshot) -> AuditFinding {
        let total = s.rootAccessKeys.count
        let active = s.rootAccessKeys.filter(\.active).count
        let finding = AuditFinding(
            id: "root-access-keys", title: "Delete your root access keys",
            controls: [dashboard, "Security Hub IAM.4"], severity: .critical, status: .pass,
            evidence: "The root user has no access keys.")
        guard total > 0 else { return finding }
        return failed(
            finding, evidence: "The root user has \(counted(total, "access key")) (\(active) active).",
            remedy: active > 0 ? Remedy(.deactivateAccessKey, .deleteAccessKey) : Remedy(.deleteAccessKey))
    }

    /// CIS and Prowler (`iam_no_root_access_key`) read the credential report's
    /// `access_key_1_active` and `access_key_2_active`: only an active key fails.
    static func rootActiveAccessKeys(_ s: AuditSnapshot) -> AuditFinding {
        let active = s.rootAccessKeys.filter(\.active).count
        let inactive = s.rootAccessKeys.count - active
        let finding = AuditFinding(
            id: "cis-root-access-key", title: "No active access key for the root user",
            controls: ["CIS 1.12 (v1.2)", "CIS 1.4 (v1.4–v4.0)", "CIS 1.3 (v5.0)", "Prowler iam_no_root_access_key"],
            severity: .critical, status: .pass,
            evidence: inactive == 0
                ? "The root user has no access keys."
                : "The root user has no active access key (\(inactive) inactive).")
        guard active > 0 else { return finding }
        return failed(
            finding, evidence: "The root user has \(counted(active, "active access key")).",
            remedy: Remedy(.deactivateAccessKey, .deleteAccessKey))
    }

    // MARK: Root MFA

    static let rootMFARemedy = Remedy(.createVirtualMFADevice, .enableMFADevice(userNames: []))

    /// The dashboard item: any active MFA device on root, of any kind.
    static func rootMFA(_ s: AuditSnapshot) -> AuditFinding {
        rootMFAFinding(
            s, id: "root-mfa", title: "Activate MFA on your root account", controls: [dashboard])
    }

    /// Security Hub IAM.9 (Config rule `root-account-mfa-enabled`), same rule as the dashboard.
    /// IAM.9 also passes when the account has no root credentials at all (centralized root
    /// access); iamsim's root always has a password, so that case does not arise.
    static func rootMFAControl(_ s: AuditSnapshot) -> AuditFinding {
        rootMFAFinding(
            s, id: "iam-9-root-mfa", title: "MFA should be enabled for the root user",
            controls: ["CIS 1.13 (v1.2)", "CIS 1.5 (v1.4–v4.0)", "CIS 1.4 (v5.0)", "Security Hub IAM.9"])
    }

    static func rootMFAFinding(_ s: AuditSnapshot, id: String, title: String, controls: [String]) -> AuditFinding {
        let devices = s.rootMFADevices.count
        let finding = AuditFinding(
            id: id, title: title, controls: controls, severity: .critical, status: .pass,
            evidence: "The root user has \(counted(devices, "active MFA device")).")
        guard devices == 0 else { return finding }
        return failed(finding, evidence: "The root user has no active MFA device.", remedy: rootMFARemedy)
    }

    /// Security Hub IAM.6 and Prowler `iam_root_hardware_mfa_enabled`: root needs MFA and no
    /// virtual device. A virtual device fails the control even beside a hardware one, because
    /// it can sign root in just the same (Prowler fails on any virtual device assigned to root).
    static func rootHardwareMFA(_ s: AuditSnapshot) -> AuditFinding {
        let hardware = s.rootMFADevices.filter { $0 == .hardware }.count
        let virtual = s.rootMFADevices.filter { $0 == .virtual }.count
        let devices = "The root user's active MFA devices: \(hardware) hardware, \(virtual) virtual"
        let finding = AuditFinding(
            id: "iam-6-root-hardware-mfa", title: "Hardware MFA for the root user",
            controls: ["CIS 1.14 (v1.2)", "CIS 1.6 (v1.4–v4.0)", "CIS 1.5 (v5.0)", "Security Hub IAM.6"],
            severity: .critical, status: .pass, evidence: devices + ".")
        let virtualFails = devices + "; a virtual device on root fails this control."
        switch (hardware, virtual) {
        case (1..., 0):
            return finding
        case (0, 0):
            return failed(
                finding, evidence: "The root user has no active MFA device.", remedy: Remedy(.enableHardwareMFADevice))
        case (0, _):
            return failed(
                finding, evidence: virtualFails, remedy: Remedy(.enableHardwareMFADevice, .removeVirtualMFADevices))
        default:
            return failed(finding, evidence: virtualFails, remedy: Remedy(.removeVirtualMFADevices))
        }
    }

    // MARK: Root use

    /// Prowler's threshold for `iam_avoid_root_usage`, in whole days.
    static let recentRootUseDays = 1

    /// CIS "avoid the use of the root user", judged as Prowler's `iam_avoid_root_usage` does:
    /// whole days since the last use (rounded down, like Python's `timedelta.days`) of 1 or
    /// less fail, so any use in the last 48 hours does. Prowler looks at the password first and
    /// the keys only when the password was never used; iamsim takes the latest of all of
    /// them, inactive keys included, which is what "last used" means to a reader.
    static func avoidRootUse(_ s: AuditSnapshot) -> AuditFinding {
        var uses: [(date: Date, credential: String)] = []
        if let date = s.rootPasswordLastUsed { uses.append((date, "password")) }
        for key in s.rootAccessKeys {
            if let date = key.lastUsedDate { uses.append((date, "access key")) }
        }
        let finding = AuditFinding(
            id: "avoid-root-use", title: "Avoid using the root user",
            controls: ["CIS 1.1 (v1.2)", "CIS 1.7 (v1.4–v4.0)", "CIS 1.6 (v5.0)", "Prowler iam_avoid_root_usage"],
            severity: .high, status: .pass,
            evidence: "The root user's password and access keys have never been used.")
        // On equal dates the password is named: it was listed first and max keeps the first.
        guard let last = uses.max(by: { $0.date < $1.date }) else { return finding }
        let days = max(0, Int((s.now.timeIntervalSince(last.date) / 86_400).rounded(.down)))
        let evidence =
            "The root user's \(last.credential) was last used at \(Timestamp.iso8601(last.date)), "
            + "\(counted(days, "day")) ago (\(counted(recentRootUseDays, "day")) or less is recent use)."
        guard days <= recentRootUseDays else { return AuditFinding(finding, evidence: evidence) }
        return failed(finding, evidence: evidence, remedy: Remedy(.signOut, .workAsIAMUser))
    }

    // MARK: Console users

    /// Security Hub IAM.5 (Config rule `mfa-enabled-for-iam-console-access`): every user with a
    /// console password has MFA. Users without a password are not judged. A virtual device is
    /// created unassigned and given to the user on activation (`EnableMFADevice` with its name).
    static func consoleUsersMFA(_ s: AuditSnapshot) -> AuditFinding {
        let console = s.users.filter(\.hasPassword)
        let missing = console.filter { !$0.mfaActive }.map(\.userName)
        let finding = AuditFinding(
            id: "iam-5-console-users-mfa", title: "MFA for every IAM user with console access",
            controls: ["CIS 1.2 (v1.2)", "CIS 1.10 (v1.4, v3.0)", "CIS 1.9 (v5.0)", "Security Hub IAM.5"],
            severity: .medium, status: .pass,
            evidence: console.isEmpty
                ? "No IAM user has console access."
                : "Every console user has MFA (\(console.count) of \(console.count)).")
        guard !missing.isEmpty else { return finding }
        return failed(
            finding,
            evidence: "\(missing.count) of \(counted(console.count, "console user")) "
                + "\(missing.count == 1 ? "has" : "have") no MFA: \(missing.joined(separator: ", ")).",
            remedy: Remedy(.createVirtualMFADevice, .enableMFADevice(userNames: missing)))
    }

    // MARK: Users and groups

    static func individualUsers(_ s: AuditSnapshot) -> AuditFinding {
        let finding = AuditFinding(
            id: "individual-users", title: "Create individual IAM users", controls: [dashboard],
            severity: .low, status: .pass, evidence: "The account has \(counted(s.users.count, "IAM user")).")
        guard s.users.isEmpty else { return finding }
        return failed(finding, evidence: "The account has no IAM users.", remedy: Remedy(.createUser))
    }

    /// AWS never documented the item's exact rule; iamsim passes it once the account has at
    /// least one group (`GetAccountSummary` `Groups` > 0), the most plausible reading. Whether
    /// users are in groups is left to other checks.
    static func useGroups(_ s: AuditSnapshot) -> AuditFinding {
        let rule = "the item passes once at least one group exists"
        let finding = AuditFinding(
            id: "use-groups", title: "Use groups to assign permissions", controls: [dashboard],
            severity: .low, status: .pass, evidence: "The account has \(counted(s.groupCount, "group")); \(rule).")
        guard s.groupCount == 0 else { return finding }
        return failed(
            finding, evidence: "The account has no groups; \(rule).",
            remedy: Remedy(.createGroup, .addUserToGroup))
    }

    // MARK: Password policy

    /// Length and reuse that satisfy CIS, for remedies that start a policy from nothing.
    static let cisLength = 14
    static let cisReuse = 24
    static let cisBaseline = PasswordPolicy(minimumPasswordLength: cisLength, passwordReusePrevention: cisReuse)

    /// The dashboard item: a custom policy exists (`GetAccountPasswordPolicy` succeeds).
    static func passwordPolicy(_ s: AuditSnapshot) -> AuditFinding {
        let finding = AuditFinding(
            id: "password-policy", title: "Apply an IAM password policy", controls: [dashboard],
            severity: .medium, status: .pass, evidence: "A custom password policy is set.")
        guard s.passwordPolicy == nil else { return finding }
        return failed(
            finding, evidence: "No custom password policy is set, so AWS's default policy applies.",
            remedy: updateRemedy(cisBaseline))
    }

    /// Security Hub IAM.15: minimum length 14 or more. With no custom policy AWS's default
    /// asks for 8, which fails.
    static func passwordLength(_ s: AuditSnapshot) -> AuditFinding {
        let finding = AuditFinding(
            id: "cis-password-length", title: "Ensure IAM password policy requires minimum length of 14 or greater",
            controls: ["CIS 1.9 (v1.2)", "CIS 1.8 (v1.4–v4.0)", "CIS 1.7 (v5.0)", "Security Hub IAM.15"],
            severity: .medium, status: .pass, evidence: "")
        guard var policy = s.passwordPolicy else {
            return failed(
                finding,
                evidence: "No custom password policy is set; AWS's default requires "
                    + "\(PasswordPolicy.defaultMinimumLength) characters and CIS \(cisLength) or more.",
                remedy: updateRemedy(cisBaseline))
        }
        let evidence =
            "The password policy requires \(policy.minimumPasswordLength) characters; CIS requires \(cisLength) or more."
        guard policy.minimumPasswordLength < cisLength else { return AuditFinding(finding, evidence: evidence) }
        policy.minimumPasswordLength = cisLength
        return failed(finding, evidence: evidence, remedy: updateRemedy(policy))
    }

    /// Security Hub IAM.16: the policy remembers 24 passwords, AWS's maximum ("fails if the
    /// value is not 24").
    static func passwordReuse(_ s: AuditSnapshot) -> AuditFinding {
        let finding = AuditFinding(
            id: "cis-password-reuse", title: "Ensure IAM password policy prevents password reuse",
            controls: ["CIS 1.10 (v1.2)", "CIS 1.9 (v1.4–v4.0)", "CIS 1.8 (v5.0)", "Security Hub IAM.16"],
            severity: .low, status: .pass, evidence: "")
        guard var policy = s.passwordPolicy else {
            return failed(
                finding,
                evidence: "No custom password policy is set, so nothing prevents password reuse; "
                    + "CIS requires \(cisReuse) remembered passwords.",
                remedy: updateRemedy(cisBaseline))
        }
        guard let reuse = policy.passwordReusePrevention else {
            policy.passwordReusePrevention = cisReuse
            return failed(
                finding,
                evidence:
                    "The password policy does not prevent password reuse; CIS requires \(cisReuse) remembered passwords.",
                remedy: updateRemedy(policy))
        }
        let evidence = "The password policy remembers \(counted(reuse, "password")); CIS requires \(cisReuse)."
        guard reuse < cisReuse else { return AuditFinding(finding, evidence: evidence) }
        policy.passwordReusePrevention = cisReuse
        return failed(finding, evidence: evidence, remedy: updateRemedy(policy))
    }

    /// `UpdateAccountPasswordPolicy` with every setting of `policy`. The whole policy, not just
    /// the fix: the action resets whatever is omitted, so a remedy naming only the failing
    /// setting would silently undo the others.
    static func updateRemedy(_ policy: PasswordPolicy) -> Remedy {
        Remedy(.updateAccountPasswordPolicy(policy))
    }

    // MARK: Helpers

    static func failed(_ finding: AuditFinding, evidence: String, remedy: Remedy) -> AuditFinding {
        var finding = finding
        finding.status = .fail
        finding.evidence = evidence
        finding.remedy = remedy
        return finding
    }

    /// `1 access key`, `2 access keys`, `0 groups`.
    static func counted(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }
}

extension AuditFinding {
    /// A passing finding with its evidence replaced.
    fileprivate init(_ finding: AuditFinding, evidence: String) {
        self = finding
        self.evidence = evidence
    }
}
