/// How `iamsim serve` runs: where it listens, which database it serves, and its mode.
public struct ServerConfiguration: Sendable, Equatable {
    /// The address to bind; loopback unless the user asks otherwise (a warning is printed).
    public var host: String = "127.0.0.1"
    /// The port; 0 lets the system choose one (printed at start).
    public var port: Int = 4566
    /// The database file, shared with the CLI.
    public var databasePath: String
    /// The one account to serve, by id or alias (`--account`); nil serves every account of
    /// the database, each request in the account of the key that signed it.
    public var account: String?
    /// Requests larger than this many bytes get 413.
    public var maxBodySize: Int = 1 << 20
    /// Seconds an idle connection stays open.
    public var idleTimeout: Int64 = 60
    /// The clients' conventions the server follows beyond AWS's (`--compat`); nil: AWS's
    /// rules only (docs/api.md, "Compatibility with moto").
    public var compatibility: Compatibility?

    /// A compatibility mode: what a kind of client expects that AWS does not do.
    public enum Compatibility: String, Sendable, Equatable, CaseIterable {
        /// moto's server mode, for boto3 suites written against it: `POST /moto-api/reset`
        /// resets the database to its fixtures, an unknown access key acts as the default
        /// account's root, and any six-digit MFA code is accepted.
        case moto
    }

    public init(databasePath: String) {
        self.databasePath = databasePath
    }

    /// Whether `host` is a loopback address, reachable from this machine only.
    public var isLoopback: Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }
}
