import ArgumentParser
import Foundation
import IAMSimApp
import IAMSimCore
import IAMSimStore

/// `iamsim audit`: the auditor's view of the account.
struct AuditCommand: ConsoleCommand {
    static let action = CommandAction(
        "audit", performs: .audit,
        "Check the account against the IAM dashboard's items and the CIS / Security Hub controls",
        discussion: """
            Each finding has its control ids, severity, status (PASS or FAIL), the evidence, and \
            the command that fixes it. Output as text, json or csv. With --fail-on, the exit \
            status is 1 when a finding fails (at or above a severity), so a script can grade or \
            gate. It reads the signed-in account, or the database's first account when nobody \
            is signed in; it changes nothing.
            """)
    static let readsOnly = true
    @OptionGroup var global: GlobalOptions
    @Option(help: "Exit 1 when a finding fails: FAIL for any, or a severity (CRITICAL, HIGH, MEDIUM, LOW) and above.")
    var failOn: FailThreshold?

    func execute(in context: CommandContext) throws -> any Renderable {
        let (account, findings) = try context.simulator().auditReader.audit(caller: try context.auditCaller())
        return AuditReport(account: account, findings: findings, failOn: failOn)
    }
}

/// `--fail-on`: which failures make `audit` exit 1.
enum FailThreshold: String, ExpressibleByArgument, CaseIterable {
    case fail = "FAIL"
    case critical = "CRITICAL"
    case high = "HIGH"
    case medium = "MEDIUM"
    case low = "LOW"

    init?(argument: String) {
        self.init(rawValue: argument.uppercased())
    }

    /// Whether a failing finding of `severity` trips the gate.
    func trips(_ severity: AuditFinding.Severity) -> Bool {
        let order: [AuditFinding.Severity] = [.critical, .high, .medium, .low, .informational]
        guard let rank = order.firstIndex(of: severity) else { return false }
        switch self {
        case .fail: return true
        case .critical: return rank <= 0
        case .high: return rank <= 1
        case .medium: return rank <= 2
        case .low: return rank <= 3
        }
    }
}

struct AuditReport: Renderable {
    var account: AccountID
    var findings: [AuditFinding]
    var failOn: FailThreshold?

    var exitStatus: Int32 {
        guard let failOn else { return ExitStatus.success }
        let tripped = findings.contains { $0.status == .fail && failOn.trips($0.severity) }
        return tripped ? ExitStatus.checkFailed : ExitStatus.success
    }

    func text(_ style: TextStyle) -> String {
        var lines = [style.bold("Audit of account \(account)")]
        for finding in findings {
            let mark = finding.status == .pass ? style.green("PASS") : style.red("FAIL")
            lines.append("")
            lines.append("[\(mark)] \(finding.title) (\(finding.severity.rawValue))")
            lines.append("       Controls: \(finding.controls.joined(separator: ", "))")
            lines.append("       Evidence: \(finding.evidence)")
            if let remedy = finding.remedy { lines.append("       Fix:      \(RemedyText.commandLine(remedy))") }
        }
        let failed = findings.filter { $0.status == .fail }.count
        lines += ["", "\(findings.count - failed) of \(findings.count) checks pass; \(failed) fail."]
        return lines.joined(separator: "\n")
    }

    var json: JSONValue {
        .object([
            ("AccountId", .string(account.rawValue)),
            (
                "Findings",
                .array(
                    findings.map { finding in
                        .object([
                            "Id": .string(finding.id), "Title": .string(finding.title),
                            "Controls": .array(finding.controls.map { .string($0) }),
                            "Severity": .string(finding.severity.rawValue), "Status": .string(finding.status.rawValue),
                            "Evidence": .string(finding.evidence),
                            "Remedy": .string(finding.remedy.map(RemedyText.commandLine)),
                        ])
                    })
            ),
        ])
    }

    var csv: String? {
        let header = "id,title,controls,severity,status,evidence,remedy"
        let rows = findings.map { finding in
            [
                finding.id, finding.title, finding.controls.joined(separator: "; "), finding.severity.rawValue,
                finding.status.rawValue, finding.evidence, finding.remedy.map(RemedyText.commandLine) ?? "",
            ].map(CSVField.escape).joined(separator: ",")
        }
        return ([header] + rows).joined(separator: "\n") + "\n"
    }
}

/// RFC 4180 quoting for one field.
enum CSVField {
    static func escape(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

/// `iamsim credential-report generate | get`.
struct CredentialReportCommands: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "credential-report",
        abstract: "Generate and read AWS's credential report (CSV of every identity's credentials).",
        subcommands: [Generate.self, Get.self])

    struct Generate: ConsoleCommand {
        static let action = CommandAction(
            "generate", performs: .generateCredentialReport,
            "Generate a report, unless the last one is less than 4 hours old")
        @OptionGroup var global: GlobalOptions

        func execute(in context: CommandContext) throws -> any Renderable {
            let answer = try context.store().generateCredentialReport(caller: try context.auditCaller())
            return Message(
                text: answer.state == "STARTED"
                    ? "\(answer.description ?? "Started."). Read it with: iamsim credential-report get"
                    : "A report less than 4 hours old exists (COMPLETE). Read it with: iamsim credential-report get",
                json: JSONValue(Shapes.generateCredentialReport(answer)))
        }
    }

    struct Get: ConsoleCommand {
        static let action = CommandAction(
            "get", performs: .getCredentialReport, "Print the last report: the CSV itself, or AWS's JSON shape")
        @OptionGroup var global: GlobalOptions

        func execute(in context: CommandContext) throws -> any Renderable {
            let report = try context.store().getCredentialReport(caller: try context.auditCaller())
            return CredentialReportView(report: report)
        }
    }
}

struct CredentialReportView: Renderable {
    var report: StoredCredentialReport

    /// The CSV, as AWS's console downloads it (without a trailing blank line).
    func text(_ style: TextStyle) -> String {
        report.content.hasSuffix("\n") ? String(report.content.dropLast()) : report.content
    }

    var json: JSONValue { JSONValue(Shapes.getCredentialReport(report)) }

    var csv: String? { report.content }
}
