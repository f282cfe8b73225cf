import IAMSimMacros

/// Where a request came from, as CloudTrail records it: `sourceIPAddress` and `userAgent`.
/// Front ends supply it: the Query API the client's address and `User-Agent` header, the CLI
/// `commandLine`.
@MemberwiseInit
public struct RequestOrigin: Hashable, Sendable {
    /// The client's IP address, or the name of what made the call when it has none.
    public var sourceIPAddress: String?
    /// The client's `User-Agent`, as sent.
    public var userAgent: String?

    /// iamsim's command line, which plays the console. CloudTrail gives console and
    /// AWS-internal calls a name rather than an address in the same fields (`AWS Internal`,
    /// `signin.amazonaws.com`); iamsim's events say which front end acted (docs/differences.md).
    public static let commandLine = RequestOrigin(sourceIPAddress: "iamsim-cli", userAgent: "iamsim-cli")
}
