import ArgumentParser
import Foundation

/// Options every command takes.
public struct GlobalOptions: ParsableArguments, Sendable {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The database file (default: $IAMSIM_DB, else $XDG_DATA_HOME/iamsim/iamsim.sqlite or ~/.local/share/iamsim/iamsim.sqlite).",
            valueName: "path"))
    public var db: String?

    @Option(name: .long, help: ArgumentHelp("Output format: text or json (csv for reports).", valueName: "format"))
    public var output: OutputFormat = .text

    @Option(
        name: .long,
        help: ArgumentHelp(
            "The account to work on, by id or alias (default: $IAMSIM_ACCOUNT, else the signed-in one).",
            valueName: "account"))
    public var account: String?

    public init() {}

    /// The database path: `--db`, then `IAMSIM_DB`, then the XDG data folder.
    public func databasePath(environment: [String: String]) -> String {
        if let db, !db.isEmpty { return Self.expandingTilde(db, environment) }
        if let path = environment["IAMSIM_DB"], !path.isEmpty { return Self.expandingTilde(path, environment) }
        let dataHome =
            environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? ((environment["HOME"] ?? NSHomeDirectory()) + "/.local/share")
        return dataHome + "/iamsim/iamsim.sqlite"
    }

    private static func expandingTilde(_ path: String, _ environment: [String: String]) -> String {
        guard path == "~" || path.hasPrefix("~/") else { return path }
        return (environment["HOME"] ?? NSHomeDirectory()) + path.dropFirst()
    }
}

extension OutputFormat: ExpressibleByArgument {}
