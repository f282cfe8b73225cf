import Foundation
import Testing

@testable import IAMSimCore

@Suite("The audit: dashboard items and CIS, Security Hub and Prowler controls")
struct AuditControlsTests {
    typealias KeyUse = AuditSnapshot.KeyUse
    typealias UserAudit = AuditSnapshot.UserAudit

    /// 2026-02-14T12:00:00Z, the moment of every audit here.
    static let now = Date(timeIntervalSince1970: 1_771_070_400)

    static func hoursAgo(_ hours: Double) -> Date { now.addingTimeInterval(-hours * 3_600) }

    static func account(
        rootKeys: [KeyUse] = [], mfa: [MFADeviceType] = [], password: Date? = nil, users: [UserAudit] = [],
        groups: Int = 0, policy: PasswordPolicy? = nil
    ) -> AuditSnapshot {
        AuditSnapshot(
            accountID: AccountID(known: "123456789012"), now: now, rootAccessKeys: rootKeys, rootMFADevices: mfa,
            rootPasswordLastUsed: password, users: users, groupCount: groups, passwordPolicy: policy)
    }

    /// One row of a finding's table: an account, and the finding expected for it.
    struct Case: Sendable, CustomTestStringConvertible {
        var label: String
        var snapshot: AuditSnapshot
        var id: String
        var status: SecurityStatusItem.Status
        var evidence: String
        var remedy: Remedy?

        init(
            _ label: String, _ snapshot: AuditSnapshot, _ id: String, _ status: SecurityStatusItem.Status,
            _ evidence: String, _ remedy: Remedy? = nil
        ) {
            self.label = label
            self.snapshot = snapshot
            self.id = id
            self.status = status
            self.evidence = evidence
            self.remedy = remedy
        }

        var testDescription: String { "\(id): \(label)" }
    }

    func check(_ c: Case) throws {
        let finding = try #require(AuditControls.evaluate(c.snapshot).first { $0.id == c.id })
        #expect(finding.status == c.status)
        #expect(finding.evidence == c.evidence)
        #expect(finding.remedy == c.remedy)
    }

    // MARK: Order, ids, frameworks

    @Test("findings come in a fixed order")
    func order() {
        #expect(
            AuditControls.evaluate(Self.account()).map(\.id) == [
                "root-access-keys", "cis-root-access-key", "root-mfa", "iam-9-root-mfa", "iam-6-root-hardware-mfa",
                "avoid-root-use", "iam-5-console-users-mfa", "individual-users", "use-groups", "password-policy",
                "cis-password-length", "cis-password-reuse",
            ])
    }

    @Test("the dashboard shows its five classic items in the console's order, as the full audit judges them")
    func dashboard() {
        let snapshot = Self.account(
            rootKeys: [KeyUse(active: true)], users: [UserAudit(userName: "alice", hasPassword: true, mfaActive: false)]
        )
        let items = AuditControls.dashboardItems(snapshot)
        #expect(
            items.map(\.id) == ["root-access-keys", "root-mfa", "individual-users", "use-groups", "password-policy"])
        #expect(
            items.map(\.title) == [
                "Delete your root access keys", "Activate MFA on your root account", "Create individual IAM users",
                "Use groups to assign permissions", "Apply an IAM password policy",
            ])
        let all = AuditControls.evaluate(snapshot)
        for item in items {
            #expect(all.first { $0.id == item.id } == item)
        }
    }

    @Test(
        "each finding names its frameworks and severity",
        arguments: [
            ("root-access-keys", ["IAM dashboard", "Security Hub IAM.4"], AuditFinding.Severity.critical),
            (
                "cis-root-access-key",
                ["CIS 1.12 (v1.2)", "CIS 1.4 (v1.4–v4.0)", "CIS 1.3 (v5.0)", "Prowler iam_no_root_access_key"],
                .critical
            ),
            ("root-mfa", ["IAM dashboard"], .critical),
            (
                "iam-9-root-mfa", ["CIS 1.13 (v1.2)", "CIS 1.5 (v1.4–v4.0)", "CIS 1.4 (v5.0)", "Security Hub IAM.9"],
                .critical
            ),
            (
                "iam-6-root-hardware-mfa",
                ["CIS 1.14 (v1.2)", "CIS 1.6 (v1.4–v4.0)", "CIS 1.5 (v5.0)", "Security Hub IAM.6"], .critical
            ),
            (
                "avoid-root-use",
                ["CIS 1.1 (v1.2)", "CIS 1.7 (v1.4–v4.0)", "CIS 1.6 (v5.0)", "Prowler iam_avoid_root_usage"], .high
            ),
            (
                "iam-5-console-users-mfa",
                ["CIS 1.2 (v1.2)", "CIS 1.10 (v1.4, v3.0)", "CIS 1.9 (v5.0)", "Security Hub IAM.5"], .medium
            ),
            ("individual-users", ["IAM dashboard"], .low),
            ("use-groups", ["IAM dashboard"], .low),
            ("password-policy", ["IAM dashboard"], .medium),
            (
                "cis-password-length",
                ["CIS 1.9 (v1.2)", "CIS 1.8 (v1.4–v4.0)", "CIS 1.7 (v5.0)", "Security Hub IAM.15"], .medium
            ),
            (
                "cis-password-reuse",
                ["CIS 1.10 (v1.2)", "CIS 1.9 (v1.4–v4.0)", "CIS 1.8 (v5.0)", "Security Hub IAM.16"], .low
            ),
        ])
    func frameworks(id: String, controls: [String], severity: AuditFinding.Severity) throws {
        let finding = try #require(AuditControls.evaluate(Self.account()).first { $0.id == id })
        #expect(finding.controls == controls)
        #expect(finding.severity == severity)
    }

    @Test("severities print as Security Hub spells them")
    func severityNames() {
        #expect(
            AuditFinding.Severity.allCases.map(\.rawValue) == ["CRITICAL", "HIGH", "MEDIUM", "LOW", "INFORMATIONAL"])
    }

    @Test("a remedy is given exactly when a finding fails")
    func remedyOnlyOnFailure() {
        let snapshots = [Self.account(), Self.messyAccount, Self.cleanAccount]
        for finding in snapshots.flatMap(AuditControls.evaluate) {
            #expect((finding.status == .fail) == (finding.remedy != nil), "\(finding.id)")
        }
    }

    // MARK: Root access keys

    static let deactivateThenDelete = Remedy(.deactivateAccessKey, .deleteAccessKey)

    @Test(
        "root access keys: any key fails the dashboard, only an active one fails CIS",
        arguments: [
            Case("none", account(), "root-access-keys", .pass, "The root user has no access keys."),
            Case(
                "one active", account(rootKeys: [KeyUse(active: true)]), "root-access-keys", .fail,
                "The root user has 1 access key (1 active).", deactivateThenDelete),
            Case(
                "one inactive", account(rootKeys: [KeyUse(active: false)]), "root-access-keys", .fail,
                "The root user has 1 access key (0 active).", Remedy(.deleteAccessKey)),
            Case(
                "one of each", account(rootKeys: [KeyUse(active: false), KeyUse(active: true)]), "root-access-keys",
                .fail, "The root user has 2 access keys (1 active).", deactivateThenDelete),
            Case("none", account(), "cis-root-access-key", .pass, "The root user has no access keys."),
            Case(
                "one inactive", account(rootKeys: [KeyUse(active: false)]), "cis-root-access-key", .pass,
                "The root user has no active access key (1 inactive)."),
            Case(
                "one of each", account(rootKeys: [KeyUse(active: false), KeyUse(active: true)]),
                "cis-root-access-key", .fail, "The root user has 1 active access key.", deactivateThenDelete),
            Case(
                "two active", account(rootKeys: [KeyUse(active: true), KeyUse(active: true)]), "cis-root-access-key",
                .fail, "The root user has 2 active access keys.", deactivateThenDelete),
        ])
    func rootKeys(_ c: Case) throws { try check(c) }

    // MARK: Root MFA

    static let assignRootMFA = Remedy(.createVirtualMFADevice, .enableMFADevice(userNames: []))
    static let assignHardware = Remedy(.enableHardwareMFADevice)

    @Test(
        "root MFA: any active device passes; hardware MFA needs no virtual device at all",
        arguments: [
            Case("none", account(), "root-mfa", .fail, "The root user has no active MFA device.", assignRootMFA),
            Case("virtual", account(mfa: [.virtual]), "root-mfa", .pass, "The root user has 1 active MFA device."),
            Case(
                "both", account(mfa: [.virtual, .hardware]), "root-mfa", .pass,
                "The root user has 2 active MFA devices."),
            Case("none", account(), "iam-9-root-mfa", .fail, "The root user has no active MFA device.", assignRootMFA),
            Case(
                "hardware", account(mfa: [.hardware]), "iam-9-root-mfa", .pass,
                "The root user has 1 active MFA device."),
            Case(
                "none", account(), "iam-6-root-hardware-mfa", .fail, "The root user has no active MFA device.",
                assignHardware),
            Case(
                "virtual", account(mfa: [.virtual]), "iam-6-root-hardware-mfa", .fail,
                "The root user's active MFA devices: 0 hardware, 1 virtual; a virtual device on root fails this control.",
                Remedy(.enableHardwareMFADevice, .removeVirtualMFADevices)),
            Case(
                "hardware beside virtual", account(mfa: [.hardware, .virtual]), "iam-6-root-hardware-mfa", .fail,
                "The root user's active MFA devices: 1 hardware, 1 virtual; a virtual device on root fails this control.",
                Remedy(.removeVirtualMFADevices)),
            Case(
                "hardware", account(mfa: [.hardware]), "iam-6-root-hardware-mfa", .pass,
                "The root user's active MFA devices: 1 hardware, 0 virtual."),
            Case(
                "two hardware", account(mfa: [.hardware, .hardware]), "iam-6-root-hardware-mfa", .pass,
                "The root user's active MFA devices: 2 hardware, 0 virtual."),
        ])
    func rootMFA(_ c: Case) throws { try check(c) }

    // MARK: Root use

    static let stopUsingRoot = Remedy(.signOut, .workAsIAMUser)

    @Test(
        "root use: a use 1 whole day ago or less fails, as Prowler counts days",
        arguments: [
            Case(
                "never", account(), "avoid-root-use", .pass,
                "The root user's password and access keys have never been used."),
            Case(
                "unused keys only", account(rootKeys: [KeyUse(active: true)]), "avoid-root-use", .pass,
                "The root user's password and access keys have never been used."),
            Case(
                "password 4 hours ago", account(password: hoursAgo(4)), "avoid-root-use", .fail,
                "The root user's password was last used at 2026-02-14T08:00:00+00:00, 0 days ago (1 day or less is recent use).",
                stopUsingRoot),
            Case(
                "password a second under 48 hours ago", account(password: hoursAgo(48).addingTimeInterval(1)),
                "avoid-root-use", .fail,
                "The root user's password was last used at 2026-02-12T12:00:01+00:00, 1 day ago (1 day or less is recent use).",
                stopUsingRoot),
            Case(
                "password exactly 48 hours ago", account(password: hoursAgo(48)), "avoid-root-use", .pass,
                "The root user's password was last used at 2026-02-12T12:00:00+00:00, 2 days ago (1 day or less is recent use)."
            ),
            Case(
                "password at the lesson's start", account(password: Date(timeIntervalSince1970: 1_767_605_405)),
                "avoid-root-use", .pass,
                "The root user's password was last used at 2026-01-05T09:30:05+00:00, 40 days ago (1 day or less is recent use)."
            ),
            Case(
                "an inactive key used after the password",
                account(rootKeys: [KeyUse(active: false, lastUsedDate: hoursAgo(1))], password: hoursAgo(30 * 24)),
                "avoid-root-use", .fail,
                "The root user's access key was last used at 2026-02-14T11:00:00+00:00, 0 days ago (1 day or less is recent use).",
                stopUsingRoot),
            Case(
                "the password after the keys",
                account(rootKeys: [KeyUse(active: true, lastUsedDate: hoursAgo(100))], password: hoursAgo(72)),
                "avoid-root-use", .pass,
                "The root user's password was last used at 2026-02-11T12:00:00+00:00, 3 days ago (1 day or less is recent use)."
            ),
        ])
    func rootUse(_ c: Case) throws { try check(c) }

    @Test("the audit's moment is 2026-02-14T12:00:00+00:00")
    func moment() {
        #expect(Timestamp.iso8601(Self.now) == "2026-02-14T12:00:00+00:00")
    }

    // MARK: Console users

    static let alice = UserAudit(userName: "alice", hasPassword: true, mfaActive: true, groupCount: 1)
    static let bob = UserAudit(userName: "bob", hasPassword: false, mfaActive: false)
    static let carol = UserAudit(userName: "carol", hasPassword: true, mfaActive: false, groupCount: 1)
    static let dave = UserAudit(userName: "dave", hasPassword: true, mfaActive: false)

    @Test(
        "console users: every user with a password needs MFA; users without one are not judged",
        arguments: [
            Case("no users", account(), "iam-5-console-users-mfa", .pass, "No IAM user has console access."),
            Case(
                "no passwords", account(users: [bob]), "iam-5-console-users-mfa", .pass,
                "No IAM user has console access."),
            Case(
                "all with MFA", account(users: [alice, bob]), "iam-5-console-users-mfa", .pass,
                "Every console user has MFA (1 of 1)."),
            Case(
                "one without", account(users: [alice, bob, carol]), "iam-5-console-users-mfa", .fail,
                "1 of 2 console users has no MFA: carol.",
                Remedy(.createVirtualMFADevice, .enableMFADevice(userNames: ["carol"]))),
            Case(
                "two without", account(users: [carol, alice, dave]), "iam-5-console-users-mfa", .fail,
                "2 of 3 console users have no MFA: carol, dave.",
                Remedy(.createVirtualMFADevice, .enableMFADevice(userNames: ["carol", "dave"]))),
            Case(
                "the only one without", account(users: [dave]), "iam-5-console-users-mfa", .fail,
                "1 of 1 console user has no MFA: dave.",
                Remedy(.createVirtualMFADevice, .enableMFADevice(userNames: ["dave"]))),
        ])
    func consoleUsers(_ c: Case) throws { try check(c) }

    // MARK: Users and groups

    @Test(
        "users and groups: at least one of each",
        arguments: [
            Case(
                "none", account(), "individual-users", .fail, "The account has no IAM users.",
                Remedy(.createUser)),
            Case("one", account(users: [bob]), "individual-users", .pass, "The account has 1 IAM user."),
            Case(
                "three", account(users: [alice, bob, carol]), "individual-users", .pass,
                "The account has 3 IAM users."),
            Case(
                "none", account(), "use-groups", .fail,
                "The account has no groups; the item passes once at least one group exists.",
                Remedy(.createGroup, .addUserToGroup)),
            Case(
                "one", account(groups: 1), "use-groups", .pass,
                "The account has 1 group; the item passes once at least one group exists."),
            Case(
                "two, with users in none", account(users: [bob], groups: 2), "use-groups", .pass,
                "The account has 2 groups; the item passes once at least one group exists."),
        ])
    func usersAndGroups(_ c: Case) throws { try check(c) }

    // MARK: Password policy

    static let baselineCommand = Remedy(
        .updateAccountPasswordPolicy(PasswordPolicy(minimumPasswordLength: 14, passwordReusePrevention: 24)))
    static let everything = PasswordPolicy(
        minimumPasswordLength: 10, requireSymbols: true, requireNumbers: true, requireUppercaseCharacters: true,
        requireLowercaseCharacters: true, allowUsersToChangePassword: true, maxPasswordAge: 90,
        passwordReusePrevention: 5, hardExpiry: true)

    @Test(
        "password policy: set at all, at least 14 characters, 24 remembered; remedies keep the other settings",
        arguments: [
            Case(
                "none", account(), "password-policy", .fail,
                "No custom password policy is set, so AWS's default policy applies.", baselineCommand),
            Case(
                "AWS's defaults", account(policy: PasswordPolicy()), "password-policy", .pass,
                "A custom password policy is set."),
            Case(
                "none", account(), "cis-password-length", .fail,
                "No custom password policy is set; AWS's default requires 8 characters and CIS 14 or more.",
                baselineCommand),
            Case(
                "8 with symbols and expiry",
                account(policy: PasswordPolicy(minimumPasswordLength: 8, requireSymbols: true, maxPasswordAge: 90)),
                "cis-password-length", .fail, "The password policy requires 8 characters; CIS requires 14 or more.",
                Remedy(
                    .updateAccountPasswordPolicy(
                        PasswordPolicy(minimumPasswordLength: 14, requireSymbols: true, maxPasswordAge: 90)))),
            Case(
                "every setting", account(policy: everything), "cis-password-length", .fail,
                "The password policy requires 10 characters; CIS requires 14 or more.",
                Remedy(
                    .updateAccountPasswordPolicy(
                        {
                            var p = everything
                            p.minimumPasswordLength = 14
                            return p
                        }()))),
            Case(
                "14", account(policy: PasswordPolicy(minimumPasswordLength: 14)), "cis-password-length", .pass,
                "The password policy requires 14 characters; CIS requires 14 or more."),
            Case(
                "none", account(), "cis-password-reuse", .fail,
                "No custom password policy is set, so nothing prevents password reuse; CIS requires 24 remembered passwords.",
                baselineCommand),
            Case(
                "reuse allowed", account(policy: PasswordPolicy(minimumPasswordLength: 14)), "cis-password-reuse",
                .fail, "The password policy does not prevent password reuse; CIS requires 24 remembered passwords.",
                baselineCommand),
            Case(
                "one remembered", account(policy: PasswordPolicy(passwordReusePrevention: 1)), "cis-password-reuse",
                .fail, "The password policy remembers 1 password; CIS requires 24.",
                Remedy(.updateAccountPasswordPolicy(PasswordPolicy(passwordReusePrevention: 24)))),
            Case(
                "24 remembered", account(policy: PasswordPolicy(passwordReusePrevention: 24)), "cis-password-reuse",
                .pass, "The password policy remembers 24 passwords; CIS requires 24."),
        ])
    func passwordPolicy(_ c: Case) throws { try check(c) }

    // MARK: Whole accounts

    /// Root with an inactive key and an active one used on 1 February, a virtual MFA device and
    /// a sign-in four hours ago; alice (console, MFA), bob (keys only), carol (console, no MFA);
    /// one group; a policy of 8 characters expiring after 90 days, reuse allowed.
    static let messyAccount = AuditSnapshot(
        accountID: AccountID(known: "123456789012"), now: now,
        rootAccessKeys: [
            KeyUse(active: false),
            KeyUse(active: true, lastUsedDate: Date(timeIntervalSince1970: 1_769_940_000)),
        ],
        rootMFADevices: [.virtual], rootPasswordLastUsed: hoursAgo(4), users: [alice, bob, carol], groupCount: 1,
        passwordPolicy: PasswordPolicy(minimumPasswordLength: 8, maxPasswordAge: 90))

    @Test("a messy account, judged item by item")
    func messy() {
        let findings = AuditControls.evaluate(Self.messyAccount)
        let statuses = findings.map { "\($0.id) \($0.status.rawValue)" }
        #expect(
            statuses == [
                "root-access-keys FAIL", "cis-root-access-key FAIL", "root-mfa PASS", "iam-9-root-mfa PASS",
                "iam-6-root-hardware-mfa FAIL", "avoid-root-use FAIL", "iam-5-console-users-mfa FAIL",
                "individual-users PASS", "use-groups PASS", "password-policy PASS", "cis-password-length FAIL",
                "cis-password-reuse FAIL",
            ])
        #expect(
            findings.map(\.evidence) == [
                "The root user has 2 access keys (1 active).",
                "The root user has 1 active access key.",
                "The root user has 1 active MFA device.",
                "The root user has 1 active MFA device.",
                "The root user's active MFA devices: 0 hardware, 1 virtual; a virtual device on root fails this control.",
                "The root user's password was last used at 2026-02-14T08:00:00+00:00, 0 days ago (1 day or less is recent use).",
                "1 of 2 console users has no MFA: carol.",
                "The account has 3 IAM users.",
                "The account has 1 group; the item passes once at least one group exists.",
                "A custom password policy is set.",
                "The password policy requires 8 characters; CIS requires 14 or more.",
                "The password policy does not prevent password reuse; CIS requires 24 remembered passwords.",
            ])
        #expect(Timestamp.iso8601(Date(timeIntervalSince1970: 1_769_940_000)) == "2026-02-01T10:00:00+00:00")
    }

    /// Everything as an auditor wants it.
    static let cleanAccount = AuditSnapshot(
        accountID: AccountID(known: "123456789012"), now: now, rootMFADevices: [.hardware],
        rootPasswordLastUsed: hoursAgo(24 * 30), users: [alice], groupCount: 1,
        passwordPolicy: PasswordPolicy(
            minimumPasswordLength: 14, requireSymbols: true, requireNumbers: true, requireUppercaseCharacters: true,
            requireLowercaseCharacters: true, passwordReusePrevention: 24))

    @Test("a clean account passes everything")
    func clean() {
        let failing = AuditControls.evaluate(Self.cleanAccount).filter { $0.status == .fail }.map(\.id)
        #expect(failing == [])
    }

    @Test("the lesson's start fails the root items and the account items")
    func lessonStart() {
        let snapshot = Self.account(
            rootKeys: [KeyUse(active: true)], password: Date(timeIntervalSince1970: 1_767_605_405))
        let failing = AuditControls.evaluate(snapshot).filter { $0.status == .fail }.map(\.id)
        #expect(
            failing == [
                "root-access-keys", "cis-root-access-key", "root-mfa", "iam-9-root-mfa", "iam-6-root-hardware-mfa",
                "individual-users", "use-groups", "password-policy", "cis-password-length", "cis-password-reuse",
            ])
    }
}
