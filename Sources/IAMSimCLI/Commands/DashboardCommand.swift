import ArgumentParser
import IAMSimApp
import IAMSimCore
import IAMSimStore

/// `iamsim dashboard`: the IAM dashboard.
struct DashboardCommand: ConsoleCommand {
    static let action = CommandAction(
        "dashboard", performs: .getAccountSummary, "Show the account, its resource counts and its security status")
    @OptionGroup var global: GlobalOptions

    func execute(in context: CommandContext) throws -> any Renderable {
        DashboardView(dashboard: try context.store().dashboard(caller: context.caller))
    }
}

struct DashboardView: Renderable {
    var dashboard: Dashboard

    func text(_ style: TextStyle) -> String {
        let state = dashboard.state
        let summary = dashboard.summary
        var lines = [
            style.bold("IAM dashboard") + " — account \(state.accountID)" + (state.alias.map { " (alias \($0))" } ?? "")
        ]
        if let principal = dashboard.signedInAs { lines.append("Signed in as the \(principal.displayName).") }
        lines += [
            "",
            "IAM resources",
            "  Users: \(summary["Users"] ?? 0)   Groups: \(summary["Groups"] ?? 0)   MFA devices: \(summary["MFADevices"] ?? 0) (\(summary["MFADevicesInUse"] ?? 0) in use)",
            "",
            "Security status",
        ]
        for item in dashboard.securityStatus {
            let mark = item.status == .pass ? style.green("PASS") : style.red("FAIL")
            lines.append("  [\(mark)] \(item.title)")
            lines.append("         \(item.detail)")
            if let remedy = item.remedy { lines.append("         Fix: \(RemedyText.commandLine(remedy))") }
        }
        let passed = dashboard.securityStatus.filter { $0.status == .pass }.count
        lines += ["", "\(passed) of \(dashboard.securityStatus.count) security status items complete."]
        return lines.joined(separator: "\n")
    }

    /// `GetAccountSummary`'s answer, plus iamsim's `SecurityStatus` (the dashboard's checklist).
    var json: JSONValue {
        JSONValue(Shapes.getAccountSummary(dashboard.summary)).adding([
            "SecurityStatus": .array(
                dashboard.securityStatus.map { item in
                    .object([
                        "Id": .string(item.id), "Title": .string(item.title), "Status": .string(item.status.rawValue),
                        "Detail": .string(item.detail),
                    ])
                })
        ])
    }
}
