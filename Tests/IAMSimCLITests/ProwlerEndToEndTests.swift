import Foundation
import IAMSimTestSupport
import Testing

/// Prowler 5.46 (the open-source AWS auditor, PyPI) audits `iamsim serve` as an auditor runs
/// it: `prowler aws --checks … --output-formats json-ocsf csv -o DIR` with `AWS_ENDPOINT_URL`
/// and the audited root's credentials, offline. Two accounts, one per database and server, in
/// parallel (Prowler spends most of its ~20 s of CPU loading its own metadata):
///
/// - audit-practice (`scripts/audit-practice.sh`, docs/auditing.md): root with an old active
///   key and no MFA; users with and without MFA and console passwords, two active keys, an old
///   key made on the account's clock set back, a password policy failing three CIS items.
///   Prowler signs with root's key.
/// - root-mfa-lesson-completed: root with MFA and no key. Prowler signs with temporary
///   credentials root took with its MFA code (`GetSessionToken`) before deleting the key it
///   asked with, the only way to audit such an account (iamsim has no roles).
///
/// Each finding's status is checked against verdicts worked out by hand from the seeds and
/// Prowler's check code, then against `iamsim audit --output json` on the same database where
/// the two audit the same thing; where they disagree the difference is the one docs/auditing.md
/// explains. Prowler's log may hold errors only about services iamsim does not simulate.
///
/// Runs when Prowler is found (`IAMSIM_PROWLER`, else `/opt/prowler/bin/prowler`, where `.ci/run`
/// installs it); with `CI=true` a missing Prowler fails the test instead of skipping it.
@Suite("End to end: Prowler audits iamsim serve", .serialized)
struct ProwlerEndToEndTests {
    static let prowler: String? = {
        let path = ProcessInfo.processInfo.environment["IAMSIM_PROWLER"] ?? "/opt/prowler/bin/prowler"
        return FileManager.default.isExecutableFile(atPath: path) ? path : nil
    }()
    static let required = ProcessInfo.processInfo.environment["CI"] == "true"
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The checks run: every IAM check whose subject iamsim models (root, users, keys, MFA, the
    /// password policy, groups), and those about kinds it does not (roles, SAML providers,
    /// server certificates, Organizations), which must report what is true of an account
    /// without them.
    static let checks = [
        "iam_root_mfa_enabled", "iam_root_hardware_mfa_enabled", "iam_no_root_access_key", "iam_avoid_root_usage",
        "iam_password_policy_expires_passwords_within_90_days_or_less", "iam_password_policy_lowercase",
        "iam_password_policy_minimum_length_14", "iam_password_policy_number", "iam_password_policy_reuse_24",
        "iam_password_policy_symbol", "iam_password_policy_uppercase", "iam_user_mfa_enabled_console_access",
        "iam_user_hardware_mfa_enabled", "iam_rotate_access_key_90_days", "iam_user_accesskey_unused",
        "iam_user_console_access_unused", "iam_user_no_setup_initial_access_key", "iam_user_two_active_access_key",
        "iam_user_with_temporary_credentials", "iam_policy_attached_only_to_group_or_roles",
        "iam_administrator_access_with_mfa", "iam_support_role_created", "iam_securityaudit_role_created",
        "iam_check_saml_providers_sts", "iam_root_credentials_management_enabled",
        "iam_no_expired_server_certificates_stored",
    ]

    /// audit-practice's findings, by check and Prowler's resource name, worked out by hand.
    static let practiceVerdicts: [String: String] = [
        // Root: one active key from 2025-03-01, no MFA. Prowler's own requests use the key, so
        // the report it generates shows root used today.
        "iam_root_mfa_enabled <root_account>": "FAIL",
        "iam_root_hardware_mfa_enabled <root_account>": "FAIL",
        "iam_no_root_access_key <root_account>": "FAIL",
        "iam_avoid_root_usage <root_account>": "FAIL",
        "iam_rotate_access_key_90_days <root_account>-access-key-1": "FAIL",
        "iam_user_accesskey_unused <root_account>": "PASS",
        "iam_user_no_setup_initial_access_key <root_account>": "PASS",
        "iam_user_two_active_access_key <root_account>": "PASS",
        // Password policy: length 10, symbols, numbers, uppercase, no lowercase, 90 days, reuse 5.
        "iam_password_policy_minimum_length_14 444455556666": "FAIL",
        "iam_password_policy_lowercase 444455556666": "FAIL",
        "iam_password_policy_reuse_24 444455556666": "FAIL",
        "iam_password_policy_symbol 444455556666": "PASS",
        "iam_password_policy_number 444455556666": "PASS",
        "iam_password_policy_uppercase 444455556666": "PASS",
        "iam_password_policy_expires_passwords_within_90_days_or_less 444455556666": "PASS",
        // alice: console password used today (a PasswordLastUsed with a fraction of a second,
        // sent as whole seconds), virtual MFA, no key.
        "iam_user_mfa_enabled_console_access alice": "PASS",
        "iam_user_hardware_mfa_enabled alice": "FAIL",
        "iam_user_console_access_unused alice": "PASS",
        "iam_rotate_access_key_90_days alice": "PASS",
        "iam_user_accesskey_unused alice": "PASS",
        "iam_user_no_setup_initial_access_key alice": "PASS",
        "iam_user_two_active_access_key alice": "PASS",
        // bob: console password never used, no MFA; key 1 is 120 days old, last used 100 days
        // ago; key 2 is new and never used.
        "iam_user_mfa_enabled_console_access bob": "FAIL",
        "iam_user_hardware_mfa_enabled bob": "FAIL",
        "iam_user_console_access_unused bob": "PASS",
        "iam_rotate_access_key_90_days bob-access-key-1": "FAIL",
        "iam_user_accesskey_unused bob/AccessKey1": "FAIL",
        "iam_user_no_setup_initial_access_key bob": "FAIL",
        "iam_user_two_active_access_key bob": "FAIL",
        // carol: no console password, no MFA, one key used today.
        "iam_user_mfa_enabled_console_access carol": "PASS",
        "iam_user_hardware_mfa_enabled carol": "FAIL",
        "iam_user_console_access_unused carol": "PASS",
        "iam_rotate_access_key_90_days carol": "PASS",
        "iam_user_accesskey_unused carol": "PASS",
        "iam_user_no_setup_initial_access_key carol": "PASS",
        "iam_user_two_active_access_key carol": "PASS",
        // dave: console password last used 2025-06-01, a hardware token, no key.
        "iam_user_mfa_enabled_console_access dave": "PASS",
        "iam_user_hardware_mfa_enabled dave": "PASS",
        "iam_user_console_access_unused dave": "FAIL",
        "iam_rotate_access_key_90_days dave": "PASS",
        "iam_user_accesskey_unused dave": "PASS",
        "iam_user_no_setup_initial_access_key dave": "PASS",
        "iam_user_two_active_access_key dave": "PASS",
        // No policies anywhere: nothing attached, no service reached with long-term keys.
        "iam_policy_attached_only_to_group_or_roles alice": "PASS",
        "iam_policy_attached_only_to_group_or_roles bob": "PASS",
        "iam_policy_attached_only_to_group_or_roles carol": "PASS",
        "iam_policy_attached_only_to_group_or_roles dave": "PASS",
        "iam_user_with_temporary_credentials alice": "PASS",
        "iam_user_with_temporary_credentials bob": "PASS",
        "iam_user_with_temporary_credentials carol": "PASS",
        "iam_user_with_temporary_credentials dave": "PASS",
        "iam_administrator_access_with_mfa admins": "PASS",
        "iam_administrator_access_with_mfa developers": "PASS",
        // No roles, no SAML provider: what is true of the account. No server certificate and no
        // organization: those checks report nothing.
        "iam_support_role_created 444455556666": "FAIL",
        "iam_securityaudit_role_created SecurityAudit": "FAIL",
        "iam_check_saml_providers_sts 444455556666": "FAIL",
    ]

    /// root-mfa-lesson-completed's findings: root has MFA and no key, and signed in today (to
    /// create the key it took temporary credentials with); no users, groups or password policy.
    /// Root's password column is AWS's `not_supported`, so Prowler's three root checks that
    /// need a password or an active key report nothing.
    static let securedVerdicts: [String: String] = [
        "iam_avoid_root_usage <root_account>": "FAIL",
        "iam_rotate_access_key_90_days <root_account>": "PASS",
        "iam_user_accesskey_unused <root_account>": "PASS",
        "iam_user_no_setup_initial_access_key <root_account>": "PASS",
        "iam_user_two_active_access_key <root_account>": "PASS",
        // No policy (NoSuchEntity): Prowler judges AWS's default one.
        "iam_password_policy_minimum_length_14 123456789012": "FAIL",
        "iam_password_policy_lowercase 123456789012": "FAIL",
        "iam_password_policy_reuse_24 123456789012": "FAIL",
        "iam_password_policy_symbol 123456789012": "FAIL",
        "iam_password_policy_number 123456789012": "FAIL",
        "iam_password_policy_uppercase 123456789012": "FAIL",
        "iam_password_policy_expires_passwords_within_90_days_or_less 123456789012": "FAIL",
        "iam_support_role_created 123456789012": "FAIL",
        "iam_securityaudit_role_created SecurityAudit": "FAIL",
        "iam_check_saml_providers_sts 123456789012": "FAIL",
    ]

    /// Where Prowler and `iamsim audit` check the same thing: Prowler's check, the audit's
    /// finding, and each account's verdicts (Prowler's for the account as a whole: FAIL when
    /// any finding fails, nil when it reports nothing).
    struct Counterpart {
        var check: String
        var audit: String
        var practice: (prowler: String?, audit: String)
        var secured: (prowler: String?, audit: String)
    }

    static let counterparts = [
        // Root's key and MFA: Prowler reports nothing on a root that shows neither a password
        // (AWS's `not_supported`) nor an active key, where the audit passes or fails it.
        Counterpart(
            check: "iam_no_root_access_key", audit: "cis-root-access-key", practice: ("FAIL", "FAIL"),
            secured: (nil, "PASS")),
        Counterpart(
            check: "iam_root_mfa_enabled", audit: "iam-9-root-mfa", practice: ("FAIL", "FAIL"), secured: (nil, "PASS")),
        Counterpart(
            check: "iam_root_hardware_mfa_enabled", audit: "iam-6-root-hardware-mfa", practice: ("FAIL", "FAIL"),
            secured: (nil, "FAIL")),
        Counterpart(
            check: "iam_avoid_root_usage", audit: "avoid-root-use", practice: ("FAIL", "FAIL"),
            secured: ("FAIL", "FAIL")),
        // Console users without MFA: the secured account has no users, so Prowler says nothing.
        Counterpart(
            check: "iam_user_mfa_enabled_console_access", audit: "iam-5-console-users-mfa",
            practice: ("FAIL", "FAIL"), secured: (nil, "PASS")),
        Counterpart(
            check: "iam_password_policy_minimum_length_14", audit: "cis-password-length", practice: ("FAIL", "FAIL"),
            secured: ("FAIL", "FAIL")),
        Counterpart(
            check: "iam_password_policy_reuse_24", audit: "cis-password-reuse", practice: ("FAIL", "FAIL"),
            secured: ("FAIL", "FAIL")),
    ]

    @Test(
        "Prowler's IAM checks on two accounts: every finding as worked out by hand, as iamsim audit judges, no errors",
        .enabled(if: prowler != nil || required))
    func prowlerAudits() async throws {
        let prowler = try #require(
            Self.prowler,
            "CI=true, and Prowler is not installed: .ci/run installs it into /opt/prowler (or set IAMSIM_PROWLER)")

        // audit-practice, seeded by the script the docs give auditors.
        let practice = try BinaryHarness()
        let seeded = try BinaryHarness.tool(
            Self.repository.appendingPathComponent("scripts/audit-practice.sh").path, [practice.database],
            environment: ["IAMSIM": BinaryHarness.binary.path, "PATH": Self.path])
        #expect(seeded.status == 0, "\(seeded.stderr)")
        let practiceServer = try ServerHarness(practice)
        defer { practiceServer.stop() }

        // root-mfa-lesson-completed: root takes temporary credentials with its MFA, then deletes
        // the key it asked with.
        let secured = try BinaryHarness()
        let securedServer = try Self.seedSecured(secured)
        defer { securedServer.server.stop() }

        // Both audits at once.
        let practiceRun = try ProwlerRun(
            prowler: prowler, folder: practice.folder, endpoint: practiceServer.endpoint,
            key: "AKIAAUDITPRACTICE001", secret: "AuditPracticeRootSecretKey00000000000001", token: nil)
        let securedRun = try ProwlerRun(
            prowler: prowler, folder: secured.folder, endpoint: securedServer.server.endpoint,
            key: securedServer.credentials.key, secret: securedServer.credentials.secret,
            token: securedServer.credentials.token)
        let started = Date()
        let practiceFindings = try await practiceRun.finish()
        let securedFindings = try await securedRun.finish()
        let seconds = Date().timeIntervalSince(started)
        #expect(seconds < 240, "Prowler took \(seconds) s")

        #expect(
            practiceFindings == Self.practiceVerdicts, "\(Self.difference(practiceFindings, Self.practiceVerdicts))")
        #expect(securedFindings == Self.securedVerdicts, "\(Self.difference(securedFindings, Self.securedVerdicts))")

        // The same databases, judged by iamsim's own audit.
        let practiceAudit = try Self.audit(practice)
        let securedAudit = try Self.audit(secured)
        for pair in Self.counterparts {
            #expect(Self.accountVerdict(pair.check, practiceFindings) == pair.practice.prowler, "\(pair.check)")
            #expect(practiceAudit[pair.audit] == pair.practice.audit, "\(pair.audit)")
            #expect(Self.accountVerdict(pair.check, securedFindings) == pair.secured.prowler, "\(pair.check)")
            #expect(securedAudit[pair.audit] == pair.secured.audit, "\(pair.audit)")
            if let verdict = pair.practice.prowler { #expect(verdict == pair.practice.audit, "\(pair.check)") }
            if let verdict = pair.secured.prowler { #expect(verdict == pair.secured.audit, "\(pair.check)") }
        }

        // The servers answered every IAM and STS call: the log's only refusals are the services
        // iamsim does not simulate and the truthful answers of an account without an
        // organization or a password policy.
        for (name, run, server) in [
            ("practice", practiceRun, practiceServer), ("secured", securedRun, securedServer.server),
        ] {
            let errors = run.log.split(separator: "\n").filter { $0.contains("\"level\": \"ERROR\"") }
            #expect(!errors.isEmpty, "\(name): Prowler logged no error for EC2 at all")
            for line in errors {
                #expect(line.contains("iamsim simulates IAM and STS only"), "\(name): \(line)")
            }
            #expect(!run.log.contains("\"level\": \"CRITICAL\""), "\(name)")
            // One line per request: `… [IAMSimServer] ACTION IDENTITY STATUS [CODE] MS ms`.
            let allowed = ["NotImplemented", "OrganizationNotFoundException", "NoSuchEntity"]
            for line in server.stop().log.split(separator: "\n") where line.contains("[IAMSimServer]") {
                guard let match = line.firstMatch(of: /\ ([0-9]{3})(?: ([A-Za-z]+))? [0-9.]+ ms$/) else { continue }
                let status = Int(match.output.1) ?? 0
                #expect(status < 500, "\(name): \(line)")
                if status >= 400 { #expect(allowed.contains(String(match.output.2 ?? "")), "\(name): \(line)") }
            }
        }
    }

    // MARK: The secured account

    /// Seeds root-mfa-lesson-completed, starts its server, and returns it with root's temporary
    /// credentials: root signs in with its MFA code on a stopped clock, creates an access key,
    /// asks STS for MFA-authenticated credentials with the next code, deletes the key with
    /// them, and the clock returns to real time.
    static func seedSecured(_ h: BinaryHarness) throws -> (
        server: ServerHarness, credentials: (key: String, secret: String, token: String)
    ) {
        let seed = "ED3IXLA4GJPS7QKHJULUJUFF7YUF7PV7PIDP6WJJ63VWZHPGROY4RSGIRLCVGIZG"
        let fixture = repository.appendingPathComponent("Fixtures/root-mfa-lesson-completed.json").path
        try expectSuccess(h.run(["init", "--fixture", fixture]))
        let now = Int64(Date().timeIntervalSince1970)
        try expectSuccess(h.run(["clock", "set", iso8601(now)]))
        try expectSuccess(
            h.run(
                [
                    "signin", "--email", "trainee@example.com", "--password-stdin", "--mfa-code",
                    IndependentTOTP.code(base32: seed, unixTime: now),
                ], stdin: "Activate-MFA-2026!\n"))
        let created = try h.run(["access-keys", "create", "--output", "json"])
        try expectSuccess(created)
        let key = try #require(
            try JSONSerialization.jsonObject(with: Data(created.stdout.utf8)) as? [String: [String: Any]])["AccessKey"]
        let keyID = try #require(key?["AccessKeyId"] as? String)
        let keySecret = try #require(key?["SecretAccessKey"] as? String)
        try expectSuccess(h.run(["signout"]))
        try expectSuccess(h.run(["clock", "advance", "30s"]))
        let server = try ServerHarness(h)
        let session = try server.aws(
            [
                "sts", "get-session-token", "--serial-number", "arn:aws:iam::123456789012:mfa/root-mfa",
                "--token-code", IndependentTOTP.code(base32: seed, unixTime: now + 30),
            ], key: keyID, secret: keySecret)
        try expectSuccess(session)
        let credentials = try #require(
            try JSONSerialization.jsonObject(with: Data(session.stdout.utf8)) as? [String: [String: Any]])[
                "Credentials"]
        let temporary = (
            key: try #require(credentials?["AccessKeyId"] as? String),
            secret: try #require(credentials?["SecretAccessKey"] as? String),
            token: try #require(credentials?["SessionToken"] as? String)
        )
        try expectSuccess(
            server.aws(
                ["iam", "delete-access-key", "--access-key-id", keyID], key: temporary.key, secret: temporary.secret,
                token: temporary.token))
        try expectSuccess(h.run(["clock", "real"]))
        return (server, temporary)
    }

    static func iso8601(_ unixTime: Int64) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: Date(timeIntervalSince1970: TimeInterval(unixTime)))
    }

    static func expectSuccess(_ result: CommandResult, sourceLocation: SourceLocation = #_sourceLocation) throws {
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)", sourceLocation: sourceLocation)
        if result.status != 0 { throw SeedError() }
    }

    struct SeedError: Error {}

    // MARK: Reading the verdicts

    /// `iamsim audit --output json`'s findings: `{"AccountId", "Findings": [{"Id", "Status", …}]}`.
    static func audit(_ h: BinaryHarness) throws -> [String: String] {
        let r = try h.run(["audit", "--output", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let findings = try #require(report["Findings"] as? [[String: Any]])
        return Dictionary(
            uniqueKeysWithValues: findings.compactMap { finding in
                (finding["Id"] as? String).flatMap { id in (finding["Status"] as? String).map { (id, $0) } }
            })
    }

    /// A check's verdict on the account: FAIL when any of its findings fails, PASS when all
    /// pass, nil when it reported nothing.
    static func accountVerdict(_ check: String, _ findings: [String: String]) -> String? {
        let statuses = findings.filter { $0.key.hasPrefix(check + " ") }.map(\.value)
        if statuses.isEmpty { return nil }
        return statuses.contains("FAIL") ? "FAIL" : "PASS"
    }

    static func difference(_ found: [String: String], _ expected: [String: String]) -> String {
        let keys = Set(found.keys).union(expected.keys).sorted()
        return keys.filter { found[$0] != expected[$0] }.map {
            "\($0): Prowler \(found[$0] ?? "nothing"), expected \(expected[$0] ?? "nothing")"
        }.joined(separator: "\n")
    }

    static var path: String { ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin" }
}

/// One Prowler run, started at once and read when finished: its CSV and OCSF findings and its
/// log (JSON lines, warnings and above).
///
/// A run lasts 30 to 90 seconds. The test awaits its end (`terminationHandler`) instead of
/// blocking in `waitUntilExit()`: a blocked test holds one of Swift's cooperative threads (two
/// on a 2-core machine) for that long, and every test whose server runs in process (Hummingbird
/// answers on those threads) stalls behind it, up to its own read timeouts.
final class ProwlerRun {
    let process = Process()
    let output: URL
    let logFile: URL
    private(set) var log = ""
    /// Ends when the process has exited.
    private let exit: AsyncStream<Void>

    init(prowler: String, folder: URL, endpoint: String, key: String, secret: String, token: String?) throws {
        output = folder.appendingPathComponent("prowler")
        logFile = folder.appendingPathComponent("prowler.log")
        process.executableURL = URL(fileURLWithPath: prowler)
        process.arguments =
            ["aws", "--region", "us-east-1", "--checks"] + ProwlerEndToEndTests.checks + [
                "--output-formats", "json-ocsf", "csv", "-o", output.path, "--no-banner", "--log-level", "WARNING",
                "--log-file", logFile.path,
            ]
        // Offline: every AWS client goes to the endpoint; no profile, no instance metadata.
        var environment = [
            "AWS_ENDPOINT_URL": endpoint, "AWS_ACCESS_KEY_ID": key, "AWS_SECRET_ACCESS_KEY": secret,
            "AWS_DEFAULT_REGION": "us-east-1", "AWS_CONFIG_FILE": "/dev/null",
            "AWS_SHARED_CREDENTIALS_FILE": "/dev/null",
            "AWS_EC2_METADATA_DISABLED": "true", "HOME": folder.path, "PATH": ProwlerEndToEndTests.path,
        ]
        environment["AWS_SESSION_TOKEN"] = token
        process.environment = environment
        process.currentDirectoryURL = folder
        let console = try FileHandle(forWritingTo: Self.create(folder.appendingPathComponent("prowler.out")))
        process.standardOutput = console
        process.standardError = console
        process.standardInput = FileHandle.nullDevice
        let (exit, exited) = AsyncStream<Void>.makeStream()
        self.exit = exit
        process.terminationHandler = { _ in exited.finish() }
        try process.run()
    }

    static func create(_ url: URL) throws -> URL {
        _ = FileManager.default.createFile(atPath: url.path, contents: nil)
        return url
    }

    /// Waits for the run; returns its findings as "CHECK RESOURCE-NAME" → status, from the CSV,
    /// after checking that the OCSF file holds the same ones.
    func finish() async throws -> [String: String] {
        for await _ in exit {}
        process.waitUntilExit()
        log = (try? String(contentsOf: logFile, encoding: .utf8)) ?? ""
        let console =
            (try? String(
                contentsOf: output.deletingLastPathComponent().appendingPathComponent("prowler.out"), encoding: .utf8))
            ?? ""
        // 3: some checks failed, which the seeds make sure of.
        #expect(process.terminationStatus == 3, "\(console.suffix(3000))")
        let files = try FileManager.default.contentsOfDirectory(atPath: output.path)
        let csv = try #require(files.first { $0.hasSuffix(".csv") }, "\(files)")
        let ocsf = try #require(files.first { $0.hasSuffix(".ocsf.json") }, "\(files)")
        let rows = Self.csvRows(try String(contentsOf: output.appendingPathComponent(csv), encoding: .utf8))
        let header = try #require(rows.first)
        let check = try #require(header.firstIndex(of: "CHECK_ID"))
        let status = try #require(header.firstIndex(of: "STATUS"))
        let resource = try #require(header.firstIndex(of: "RESOURCE_NAME"))
        var findings: [String: String] = [:]
        for fields in rows.dropFirst() where fields.count == header.count {
            let key = "\(fields[check]) \(fields[resource])"
            #expect(findings[key] == nil, "\(key) twice")
            findings[key] = fields[status]
        }
        #expect(rows.dropFirst().allSatisfy { $0.count == header.count })
        let events = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: output.appendingPathComponent(ocsf)))
                as? [[String: Any]])
        var fromOCSF: [String: String] = [:]
        for event in events {
            let code = (event["metadata"] as? [String: Any])?["event_code"] as? String ?? "?"
            let name = ((event["resources"] as? [[String: Any]])?.first?["name"] as? String) ?? "?"
            fromOCSF["\(code) \(name)"] = event["status_code"] as? String
        }
        #expect(fromOCSF == findings)
        return findings
    }

    /// Prowler's CSV: `;`-separated, fields with `;`, quotes or line breaks in double quotes
    /// (Python's `csv` module, RFC 4180's rules).
    static func csvRows(_ text: String) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var quoted = false
        var characters = text.makeIterator()
        var pending: Character? = nil
        while let character = pending ?? characters.next() {
            pending = nil
            if quoted {
                if character == "\"" {
                    if let next = characters.next() {
                        if next == "\"" {
                            field.append("\"")
                        } else {
                            quoted = false
                            pending = next
                        }
                    } else {
                        quoted = false
                    }
                } else {
                    field.append(character)
                }
                continue
            }
            switch character {
            case "\"": quoted = true
            case ";":
                row.append(field)
                field = ""
            case "\n", "\r\n":
                row.append(field)
                rows.append(row)
                row = []
                field = ""
            default: field.append(character)
            }
        }
        if !field.isEmpty || !row.isEmpty {
            row.append(field)
            rows.append(row)
        }
        return rows
    }
}
