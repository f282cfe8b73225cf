import ArgumentParser
import Foundation

/// Options every command takes.
public struct GlobalOptions: ParsableArguments, Sendable {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The database file (default: $IAMSIM_DB, else $XDG_DATA_HOME/iamsim/iamsim.sqlite or ~/.local/share/iamsim/iamsim.sqlite).",
            valueName: "path"),
        transform: ArgumentValue.path)
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
    ///
    /// An empty `--db` is refused while parsing; an empty `IAMSIM_DB` here. Either would
    /// otherwise fall back, silently, to the default database (`IAMSIM_DB="$UNSET" iamsim reset
    /// --all` would reset it). An empty `XDG_DATA_HOME` counts as unset, as its specification says.
    ///
    /// - Throws: `CommandError` (usage, exit 64) when `IAMSIM_DB` is set but empty.
    public func databasePath(environment: [String: String]) throws -> String {
        if let db { return Self.expandingTilde(db, environment) }
        if let path = environment["IAMSIM_DB"] {
            guard !path.isEmpty else {
                throw CommandError(
                    message:
                        "IAMSIM_DB is set but empty. Set it to a database path, or unset it to use the default database."
                )
            }
            return Self.expandingTilde(path, environment)
        }
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
