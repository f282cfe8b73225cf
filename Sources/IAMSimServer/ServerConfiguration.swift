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

    public init(databasePath: String) {
        self.databasePath = databasePath
    }

    /// Whether `host` is a loopback address, reachable from this machine only.
    public var isLoopback: Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }
}
