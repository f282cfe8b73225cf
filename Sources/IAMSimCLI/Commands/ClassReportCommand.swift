import ArgumentParser
import Foundation
import IAMSimApp
import IAMSimCore
import IAMSimDevices
import IAMSimStore

/// `iamsim class report`: every trainee's progress at a glance.
struct ClassCommands: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "class", abstract: "Follow a classroom: each trainee's lesson step, checklist and last activity.",
        subcommands: [Report.self], defaultSubcommand: Report.self)

    struct Report: ConsoleCommand {
        static let action = CommandAction(
            "report", performs: .classReport,
            "Show each account's lesson step, dashboard checklist and last activity (table, json or csv)",
            discussion:
                "Progress is read from each account's real state, as 'iamsim lesson' reads it; --watch refreshes it.")
        static let readsOnly = true
        @OptionGroup var global: GlobalOptions
        @Flag(help: "Redraw the report every few seconds until interrupted (on a terminal).") var watch = false
        @Option(help: "Seconds between redraws with --watch.") var interval: Double = 2

        func validate() throws {
            guard interval >= 0.2 else { throw ValidationError("--interval must be at least 0.2 seconds.") }
        }

        func execute(in context: CommandContext) throws -> any Renderable {
            guard watch else { return try Self.report(context) }
            guard context.console.isInteractive, global.output == .text else {
                throw CommandError(message: "--watch redraws a terminal; without one, run the report when you need it.")
            }
            while true {
                let report = try Self.report(context)
                // Clear the screen and draw from the top, as `watch` does.
                context.console.write(
                    "\u{1B}[H\u{1B}[2J" + report.text(context.style)
                        + "\n\nRefreshing every \(interval) s; Ctrl-C to stop.\n")
                Thread.sleep(forTimeInterval: interval)
            }
        }

        static func report(_ context: CommandContext) throws -> ClassReport {
            ClassReport(progress: try ClassProgress.read(try context.simulator()))
        }
    }
}

extension ClassProgress.Row {
    var stepText: String {
        let skipped = progress.skipped.isEmpty ? "" : ", \(progress.skipped.count) skipped"
        guard let current = progress.current else { return "done" + skipped }
        return "\(progress.doneCount)/\(progress.lesson.steps.count)\(skipped) → \(current.number). \(current.title)"
    }

    /// One letter per dashboard item: P (pass) or F (fail), in the console's order.
    var checklistText: String {
        checklist.map { $0.status == .pass ? "P" : "F" }.joined()
    }
}

/// `class report`'s output: the class's progress as a table, JSON or CSV.
struct ClassReport: Renderable {
    var progress: ClassProgress
    var rows: [ClassProgress.Row] { progress.rows }

    func text(_ style: TextStyle) -> String {
        guard !rows.isEmpty else { return "No accounts." }
        let table = TextTable(
            headers: ["ACCOUNT", "ALIAS", "ROOT EMAIL", "LESSON", "CHECKLIST", "LAST ACTIVITY"],
            rows: rows.map {
                [
                    $0.account.accountID.rawValue, $0.account.alias ?? "-", $0.account.rootEmail, $0.stepText,
                    $0.checklistText, $0.lastActivity.map(Timestamp.readable) ?? "-",
                ]
            }
        ).rendered()
        let finished = rows.filter { $0.progress.isComplete }.count
        return table
            + "\n\n\(finished) of \(rows.count) finished. CHECKLIST: root keys, root MFA, users, groups, password policy (P pass, F fail)."
    }

    var json: JSONValue {
        .list("Accounts", rows) { row in
            .object([
                "AccountId": .string(row.account.accountID.rawValue),
                "AccountAlias": .string(row.account.alias),
                "RootEmail": .string(row.account.rootEmail),
                "StepsDone": .int(row.progress.doneCount),
                "StepsSkipped": .int(row.progress.skipped.count),
                "SkippedSteps": .array(row.progress.skippedSteps.map { .string($0.id) }),
                "TotalSteps": .int(row.progress.lesson.steps.count),
                "CurrentStep": row.progress.current.map { .string($0.id) } ?? .null,
                "Complete": .bool(row.progress.isComplete),
                "Checklist": .object(row.checklist.map { ($0.id, .string($0.status.rawValue)) }),
                "LastActivity": .date(row.lastActivity),
            ])
        }
    }

    var csv: String? {
        let ids = rows.first?.checklist.map(\.id) ?? []
        let header =
            ([
                "account_id", "account_alias", "root_email", "steps_done", "total_steps", "current_step",
                "skipped_steps",
            ] + ids
            + ["last_activity"])
            .joined(separator: ",")
        let lines = rows.map { row in
            ([
                row.account.accountID.rawValue, row.account.alias ?? "", row.account.rootEmail,
                String(row.progress.doneCount),
                String(row.progress.lesson.steps.count), row.progress.current?.id ?? "done",
                row.progress.skippedSteps.map(\.id).joined(separator: " "),
            ] + row.checklist.map(\.status.rawValue) + [row.lastActivity.map(Timestamp.iso8601) ?? ""])
            .map(CSVField.escape).joined(separator: ",")
        }
        return ([header] + lines).joined(separator: "\n") + "\n"
    }
}
