import Hummingbird

/// A Hummingbird request context that knows the client's IP address. The console records it,
/// with the browser's `User-Agent`, in each event's `sourceIPAddress` and `userAgent`, as
/// CloudTrail does for the console's calls; requiring it of every context that mounts the
/// console means no front end can forget it and log the command line's origin instead.
public protocol ClientAddressRequestContext: RequestContext {
    /// The client's IP address; nil when there is none (a test's in-memory connection).
    var remoteAddress: String? { get }
}

/// The console's own request context, for mounting it on a router of its own
/// (`ConsoleServer.addConsole`).
public struct ConsoleRequestContext: ClientAddressRequestContext {
    public var coreContext: CoreRequestContextStorage
    public let remoteAddress: String?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress?.ipAddress
    }
}
