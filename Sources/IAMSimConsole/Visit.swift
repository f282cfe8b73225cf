import Foundation
import IAMSimApp
import IAMSimCore
import IAMSimStore

/// One request being answered: the request, the browser's CSRF token, the console session
/// its cookie names, a message left by the previous page, and the cookies to set.
struct Visit {
    let console: Console
    let request: ConsoleRequest
    /// The browser's CSRF token: the cookie's, or a new one this answer sets.
    let csrf: String
    let isNewCSRF: Bool
    /// A message the previous page left (after a redirect), shown once.
    var flash: String?
    let hadFlash: Bool
    /// The session the cookie names, as the store tells it; nil without a cookie.
    let standing: SessionStanding?
    /// Why the session could not be looked up (a database failure), if it could not.
    let lookupFailure: (any Error)?
    /// Cookies this answer sets, besides the CSRF token's.
    var cookies: [SetCookie] = []

    init(console: Console, request: ConsoleRequest) {
        self.console = console
        self.request = request
        if let token = request.cookies[CookieName.csrf], Token.isWellFormed(token) {
            csrf = token
            isNewCSRF = false
        } else {
            csrf = Token.random(console.simulator.random)
            isNewCSRF = true
        }
        flash = Flash.read(request.cookies[CookieName.flash])
        hadFlash = request.cookies[CookieName.flash] != nil
        var standing: SessionStanding?
        var failure: (any Error)?
        if let id = request.cookies[CookieName.session], Token.isWellFormed(id) {
            do {
                standing = try console.simulator.sessions.session(id: id)
            } catch {
                failure = error
            }
        } else if request.cookies[CookieName.session] != nil {
            standing = .unknown
        }
        self.standing = standing
        lookupFailure = failure
    }

    var simulator: Simulator { console.simulator }
    var store: IAMStore { console.simulator.store }
    var base: String { console.base }

    // MARK: - Who is signed in

    /// The open console session.
    ///
    /// - Throws: `SignInNeeded` (the answer is the sign-in page, with why) without one; a
    ///   database failure when the session could not be looked up.
    func session() throws -> ConsoleSession {
        if let lookupFailure { throw lookupFailure }
        switch standing {
        case .open(let session): return session
        case .expired: throw SignInNeeded(message: "Your session has expired. Sign in again.")
        case .signedOut: throw SignInNeeded(message: "You are signed out. Sign in again.")
        case .unknown, nil: throw SignInNeeded(message: "Sign in to use the console.")
        }
    }

    /// The open session, if any.
    var openSession: ConsoleSession? {
        if case .open(let session) = standing { return session }
        return nil
    }

    /// Who the store acts as: the open session this browser's cookie names, from this browser.
    func caller() throws -> Caller {
        .session(id: try session().id, origin: request.client)
    }

    /// The account whose phone and lesson this browser shows: the signed-in one; else the one
    /// this browser last signed in to (its signed cookie); else the only account there is.
    func boundAccount() -> AccountID? {
        if let session = openSession { return session.principal.accountID }
        if let value = console.signer.verified(request.cookies[CookieName.account], purpose: CookieName.account),
            let account = AccountID(rawValue: value)
        {
            return account
        }
        if let accounts = try? simulator.accounts.listAccounts(), accounts.count == 1 {
            return accounts[0].accountID
        }
        return nil
    }

    /// The cookie that remembers `account` as this browser's (the phone page and the lesson
    /// panel read it while signed out).
    func accountCookie(_ account: AccountID) -> SetCookie {
        SetCookie(
            name: CookieName.account,
            value: console.signer.signed(account.rawValue, purpose: CookieName.account), maxAge: 30 * 24 * 3_600)
    }

    // MARK: - Forms

    /// Refuses a POST that does not come from one of the console's own pages: without the
    /// browser's CSRF token (the cookie's, repeated in the form), or sent from another origin.
    ///
    /// - Throws: `ForgeryRefused`.
    func checkForgery() throws {
        // "null" tells nothing (a browser sends it where it hides the origin); the token decides.
        if let origin = request.origin, origin != "null" {
            let host = origin.split(separator: "/", omittingEmptySubsequences: true).dropFirst().first.map(String.init)
            guard let host, host == request.host else {
                throw ForgeryRefused(message: "The form was sent from another site. Open the console and try again.")
            }
        }
        guard !isNewCSRF, let sent = request.form["_csrf"],
            ConstantTime.equals(Array(sent.utf8), Array(csrf.utf8))
        else {
            throw ForgeryRefused(
                message:
                    "The form's security token is missing or out of date (cookies may be blocked, or the page is old). Go back, reload the page and try again."
            )
        }
    }

    // MARK: - Answering

    /// `response` with what every answer carries: the security headers, the CSRF cookie when
    /// new, the flash cookie cleared once shown, and this visit's cookies.
    func finish(_ response: ConsoleResponse) -> ConsoleResponse {
        var response = response
        var cookies: [SetCookie] = []
        if isNewCSRF { cookies.append(SetCookie(name: CookieName.csrf, value: csrf, maxAge: nil)) }
        let setsFlash = (response.cookies + self.cookies).contains { $0.name == CookieName.flash }
        if hadFlash, !setsFlash { cookies.append(.delete(CookieName.flash)) }
        response.cookies = cookies + self.cookies + response.cookies
        response.headers += SecurityHeaders.all
        return response
    }

    /// A redirect to `path` (inside the console) that shows `message` on the next page.
    func redirect(_ path: String, flash message: String? = nil) -> ConsoleResponse {
        var response = ConsoleResponse.redirect(base + path)
        if let message { response.cookies.append(Flash.cookie(message)) }
        return response
    }
}

/// Random tokens as cookie values: 32 bytes in base64url.
enum Token {
    static func random(_ random: RandomSource) -> String {
        Base64URL.encode(random.bytes(32))
    }

    /// Whether `text` could be a token (or a store's session id): short, and only
    /// characters that need no escaping anywhere.
    static func isWellFormed(_ text: String) -> Bool {
        (16...128).contains(text.utf8.count)
            && text.utf8.allSatisfy { byte in
                (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                    || byte == 0x2D || byte == 0x5F
            }
    }
}

/// A one-time message for the page after a redirect ("Access key … deactivated."): carried
/// by a short-lived cookie, never by the URL.
enum Flash {
    static func cookie(_ message: String) -> SetCookie {
        SetCookie(name: CookieName.flash, value: Base64URL.encode(Array(message.prefix(400).utf8)), maxAge: 60)
    }

    static func read(_ value: String?) -> String? {
        guard let value, !value.isEmpty, let bytes = Base64URL.decode(value) else { return nil }
        return String(bytes: bytes, encoding: .utf8)
    }
}

/// The headers every console answer carries.
enum SecurityHeaders {
    /// No script but the console's own file, no inline script or style, nothing from the
    /// network, forms only to the console, never framed.
    static let contentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

    static let all: [(name: String, value: String)] = [
        ("Content-Security-Policy", contentSecurityPolicy),
        ("X-Content-Type-Options", "nosniff"),
        ("X-Frame-Options", "DENY"),
        // Not no-referrer: with it, browsers send `Origin: null` on the console's own forms.
        ("Referrer-Policy", "same-origin"),
        ("Cache-Control", "no-store"),
    ]
}
