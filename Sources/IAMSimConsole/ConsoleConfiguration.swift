import IAMSimCore

/// How the web console is mounted and secured.
public struct ConsoleConfiguration: Sendable {
    /// The path the console's routes are mounted under, as the browser sees it (`/console`):
    /// links, redirects and cookie paths start with it.
    public var basePath: String
    /// The token that opens the instructor's class progress page (`iamsim serve` prints it);
    /// nil leaves the page closed.
    public var instructorToken: String?
    /// The key that signs the cookies the console trusts a browser with (the phone page's
    /// pairing, the instructor's pass). Keep it across restarts so that paired phones stay
    /// paired; nil draws a new one from the simulator's randomness at start.
    public var cookieKey: [UInt8]?
    /// Whether cookies carry `Secure`: only when the console is served over HTTPS.
    public var secureCookies: Bool

    public init(
        basePath: String = "/console", instructorToken: String? = nil, cookieKey: [UInt8]? = nil,
        secureCookies: Bool = false
    ) {
        var path = basePath
        while path.hasSuffix("/") { path.removeLast() }
        self.basePath = path
        self.instructorToken = instructorToken
        self.cookieKey = cookieKey
        self.secureCookies = secureCookies
    }

    /// A new instructor's token: 18 bytes from `random`, base64url (24 characters).
    public static func newInstructorToken(_ random: RandomSource) -> String {
        Base64URL.encode(random.bytes(18))
    }
}
