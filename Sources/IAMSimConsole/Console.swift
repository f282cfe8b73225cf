import Foundation
import IAMSimApp
import IAMSimCore
import IAMSimStore

/// The web console, independent of the web framework: answers a `ConsoleRequest` with a
/// `ConsoleResponse`. `ConsoleRoutes` adapts it to Hummingbird.
///
/// Every answer carries the security headers (`SecurityHeaders`); every POST must carry the
/// browser's CSRF token; pages that act need a signed-in console session, named by the
/// session cookie and checked by the store on every action (`Caller.session`).
struct Console: Sendable {
    let simulator: Simulator
    let configuration: ConsoleConfiguration
    let memory = ConsoleMemory()
    let signer: CookieSigner
    let renderer: PageRenderer

    init(simulator: Simulator, configuration: ConsoleConfiguration) {
        self.simulator = simulator
        self.configuration = configuration
        signer = CookieSigner(key: configuration.cookieKey ?? simulator.random.bytes(32))
        renderer = PageRenderer(base: configuration.basePath)
    }

    /// The console's root as the browser sees it: `/console`.
    var base: String { configuration.basePath }

    /// The IAM actions.
    var store: IAMStore { simulator.store }

    /// Answers `request`: routes it, and turns any error into a page. Never throws.
    func respond(_ request: ConsoleRequest) -> ConsoleResponse {
        var visit = Visit(console: self, request: request)
        var response: ConsoleResponse
        do {
            if request.method == .post { try visit.checkForgery() }
            response = try route(&visit)
        } catch let needed as SignInNeeded {
            visit.flash = nil
            response = ConsoleResponse.redirect("\(base)/signin")
                .setting([.delete(CookieName.session), Flash.cookie(needed.message)])
        } catch let refused as ForgeryRefused {
            response = renderer.problem(
                visit, title: "This form cannot be accepted", message: refused.message, status: 403)
        } catch {
            response = renderer.failure(visit, error)
        }
        return visit.finish(response)
    }

    /// The answer to a body over `limit` bytes.
    func tooLarge(_ request: ConsoleRequest, limit: Int) -> ConsoleResponse {
        let visit = Visit(console: self, request: request)
        return visit.finish(
            renderer.problem(
                visit, title: "Too large",
                message: "The form is larger than \(limit / (1 << 20)) MB: choose a smaller image.", status: 413))
    }

    /// The page or action for the request's method and path.
    private func route(_ visit: inout Visit) throws -> ConsoleResponse {
        let path = visit.request.path
        switch (visit.request.method, path) {
        case (.get, "/"), (.get, ""): return try home(visit)
        case (.get, let asset) where asset.hasPrefix("/assets/"): return Assets.response(for: asset)
        // Sign-in and sign-out
        case (.get, "/signin"): return try signInPage(visit)
        case (.post, "/signin"): return try signInNext(visit)
        case (.post, "/signin/password"): return try signInPassword(&visit)
        case (.get, "/signin/mfa"): return try mfaPage(visit)
        case (.post, "/signin/mfa"): return try mfaSubmit(&visit)
        case (.get, "/signin/new-password"): return try newPasswordPage(visit)
        case (.post, "/signin/new-password"): return try newPasswordSubmit(&visit)
        case (.get, "/signin/resync"): return try resyncPage(visit)
        case (.post, "/signin/resync"): return try resyncSubmit(&visit)
        case (.post, "/signout"): return try signOut(&visit)
        // The account
        case (.get, "/dashboard"): return try dashboard(visit)
        case (.get, "/security-credentials"): return try securityCredentials(visit)
        case (.get, "/password"): return try passwordPage(visit)
        case (.post, "/password"): return try passwordSubmit(&visit)
        // Access keys
        case (.post, "/access-keys/create"): return try createAccessKey(visit)
        case (.post, "/access-keys/status"): return try updateAccessKey(&visit)
        case (.get, "/access-keys/delete"): return try deleteAccessKeyPage(visit)
        case (.post, "/access-keys/delete"): return try deleteAccessKey(&visit)
        case (.post, "/access-keys/csv"): return try accessKeyCSV(visit)
        // MFA devices
        case (.get, "/mfa/assign"): return try assignPage(visit)
        case (.post, "/mfa/assign"): return try assignSubmit(&visit)
        case (.get, "/mfa/setup"): return try setupPage(visit)
        case (.get, "/mfa/qr.png"): return try qrImage(visit)
        case (.post, "/mfa/activate"): return try activate(&visit)
        case (.post, "/mfa/hardware"): return try activateHardware(&visit)
        case (.get, "/mfa/resync"): return try deviceResyncPage(visit)
        case (.post, "/mfa/resync"): return try deviceResync(&visit)
        case (.get, "/mfa/remove"): return try removeDevicePage(visit)
        case (.post, "/mfa/remove"): return try removeDevice(&visit)
        // Users and groups
        case (.get, "/users"): return try usersPage(visit)
        case (.get, "/users/create"): return try createUserPage(visit)
        case (.post, "/users/create"): return try createUser(&visit)
        case (.get, "/user"): return try userPage(visit)
        case (.get, "/user/delete"): return try deleteUserPage(visit)
        case (.post, "/user/delete"): return try deleteUser(&visit)
        case (.post, "/user/groups/add"): return try addUserToGroup(&visit)
        case (.post, "/user/groups/remove"): return try removeUserFromGroup(&visit)
        case (.post, "/user/console-access"): return try setConsoleAccess(&visit)
        case (.post, "/user/console-access/remove"): return try removeConsoleAccess(&visit)
        case (.get, "/groups"): return try groupsPage(visit)
        case (.post, "/groups/create"): return try createGroup(&visit)
        case (.get, "/group/delete"): return try deleteGroupPage(visit)
        case (.post, "/group/delete"): return try deleteGroup(&visit)
        case (.get, "/password-policy"): return try passwordPolicyPage(visit)
        case (.post, "/password-policy"): return try updatePasswordPolicy(&visit)
        case (.post, "/password-policy/delete"): return try deletePasswordPolicy(&visit)
        // The phone and the instructor
        case (.get, "/phone"): return try phonePage(visit)
        case (.post, "/phone/scan"): return try phoneScan(&visit)
        case (.post, "/phone/add"): return try phoneAdd(&visit)
        case (.post, "/phone/remove"): return try phoneRemove(&visit)
        case (.get, "/instructor"): return try instructorPage(visit)
        case (.post, "/instructor"): return try instructorSignIn(&visit)
        default:
            return renderer.problem(
                visit, title: "Page not found", message: "The console has no page at \(base)\(path).", status: 404)
        }
    }

    /// `/console/`: the dashboard when signed in, else the sign-in page.
    private func home(_ visit: Visit) throws -> ConsoleResponse {
        if case .open = visit.standing { return .redirect("\(base)/dashboard") }
        return .redirect("\(base)/signin")
    }
}

/// The cookies the console sets: every one HttpOnly and SameSite=Strict, scoped to its path.
enum CookieName {
    /// The console session's id, as the store made it at sign-in.
    static let session = "iamsim_session"
    /// The browser's CSRF token, repeated in every form.
    static let csrf = "iamsim_csrf"
    /// A sign-in halfway through (`ConsoleMemory.PendingSignIn`).
    static let signIn = "iamsim_signin"
    /// The account whose phone and lesson this browser shows, signed by the console.
    static let account = "iamsim_account"
    /// The instructor's pass, signed by the console.
    static let instructor = "iamsim_instructor"
    /// A one-time message for the next page.
    static let flash = "iamsim_flash"
}

/// A page that needs a signed-in session was asked for without one.
struct SignInNeeded: Error {
    var message: String
}

/// A POST without the browser's CSRF token, or from another site.
struct ForgeryRefused: Error {
    var message: String
}
