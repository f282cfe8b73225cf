import Foundation
import IAMSimApp
import IAMSimCore
import IAMSimStore

/// The sign-in pages: root by email then password, an IAM user by account, name and
/// password; then, as the store asks, a new password or the MFA code; resync from the
/// sign-in page; and sign-out. Each attempt is one `ConsoleSessions.signIn`, the CLI's, with
/// its `ConsoleLogin` and `CredentialChallenge` events.
extension Console {
    struct SignInView {
        var root: Bool
        var email: String?
        var account: String?
        var userName: String?
    }

    struct PasswordView {
        var email: String
    }

    struct MFAView {
        var who: String?
    }

    struct NewPasswordView {
        var reason: String
    }

    struct ResyncView {
        var isUser: Bool
        /// The root user's email when the password was already given on this sign-in.
        var email: String?
    }

    // MARK: - Identity and password

    func signInPage(_ visit: Visit) throws -> ConsoleResponse {
        if visit.openSession != nil { return visit.redirect("/dashboard") }
        let root = visit.request.parameter("as") != "iam"
        return renderer.page(
            visit, title: "Sign in", template: "signin",
            view: SignInView(root: root, email: nil, account: visit.request.parameter("account"), userName: nil))
    }

    /// The root user's email: the next page asks for the password.
    func signInNext(_ visit: Visit) throws -> ConsoleResponse {
        guard let email = visit.request.field("email") else {
            return renderer.page(
                visit, title: "Sign in", template: "signin",
                view: SignInView(root: true, email: nil, account: nil, userName: nil),
                status: 400,
                error: ErrorView(title: "Email address required", message: "Type the root user's email address."))
        }
        return renderer.page(
            visit, title: "Root user sign in", template: "signin-password", view: PasswordView(email: email))
    }

    /// The password (with the identity): signs in, or moves on to the MFA code or a new password.
    func signInPassword(_ visit: inout Visit) throws -> ConsoleResponse {
        let request = visit.request
        let identity: SignInIdentity
        if request.field("as") == "iam" {
            identity = .user(account: request.field("account") ?? "", userName: request.field("user") ?? "")
        } else {
            identity = .root(email: request.field("email") ?? "")
        }
        let password = request.secretField("password") ?? ""
        do {
            let outcome = try simulator.sessions.signIn(
                identity, password: password, mfaCode: nil, newPassword: nil, account: nil,
                origin: visit.request.client)
            return proceed(&visit, identity: identity, password: password, newPassword: nil, outcome)
        } catch {
            return identityPage(visit, identity, error: ErrorView(error))
        }
    }

    /// The page that asks for `identity`'s password again, with `error`.
    private func identityPage(_ visit: Visit, _ identity: SignInIdentity, error: ErrorView) -> ConsoleResponse {
        switch identity {
        case .root(let email):
            return renderer.page(
                visit, title: "Root user sign in", template: "signin-password", view: PasswordView(email: email),
                status: error.status, error: error)
        case .user(let account, let userName):
            return renderer.page(
                visit, title: "Sign in", template: "signin",
                view: SignInView(root: false, email: nil, account: account, userName: userName), status: error.status,
                error: error)
        }
    }

    /// The next page after a sign-in attempt the store answered with `outcome`.
    private func proceed(
        _ visit: inout Visit, identity: SignInIdentity, password: String, newPassword: String?, _ outcome: SignInOutcome
    ) -> ConsoleResponse {
        let previous = visit.request.cookies[CookieName.signIn]
        switch outcome {
        case .signedIn(let session):
            memory.forgetSignIn(previous)
            visit.cookies += [
                SetCookie(name: CookieName.session, value: session.id, maxAge: nil),
                visit.accountCookie(session.principal.accountID), .delete(CookieName.signIn),
            ]
            return visit.redirect("/dashboard")
        case .mfaRequired, .passwordChangeRequired:
            memory.forgetSignIn(previous)
            var reason: String?
            if case .passwordChangeRequired(let why) = outcome { reason = why }
            let token = Token.random(simulator.random)
            memory.remember(
                ConsoleMemory.PendingSignIn(
                    identity: identity, password: password, newPassword: newPassword, passwordChangeReason: reason,
                    created: simulator.clock.realNow()),
                token: token)
            visit.cookies.append(
                SetCookie(name: CookieName.signIn, value: token, maxAge: Int(ConsoleMemory.signInLifetime)))
            return visit.redirect(reason == nil ? "/signin/mfa" : "/signin/new-password")
        }
    }

    /// The sign-in halfway through, or the answer that starts it again.
    private func pendingSignIn(_ visit: Visit) -> ConsoleMemory.PendingSignIn? {
        memory.signIn(visit.request.cookies[CookieName.signIn], now: simulator.clock.realNow())
    }

    private func signInExpired(_ visit: Visit) -> ConsoleResponse {
        visit.redirect("/signin", flash: "Your sign-in took too long or was interrupted. Sign in again.")
            .setting(.delete(CookieName.signIn))
    }

    // MARK: - MFA code

    func mfaPage(_ visit: Visit) throws -> ConsoleResponse {
        guard let pending = pendingSignIn(visit) else { return signInExpired(visit) }
        return renderer.page(
            visit, title: "Multi-factor authentication", template: "signin-mfa",
            view: MFAView(who: pending.identity.shown))
    }

    func mfaSubmit(_ visit: inout Visit) throws -> ConsoleResponse {
        guard let pending = pendingSignIn(visit) else { return signInExpired(visit) }
        let code = visit.request.field("code") ?? ""
        do {
            let outcome = try simulator.sessions.signIn(
                pending.identity, password: pending.password, mfaCode: code, newPassword: pending.newPassword,
                account: nil, origin: visit.request.client)
            return proceed(
                &visit, identity: pending.identity, password: pending.password, newPassword: pending.newPassword,
                outcome)
        } catch let refused as RefusedCodeError {
            let error = ErrorView(
                title: refused.error.code, message: refused.error.message,
                explanation: CodeAdvice.signIn(refused.refusal), status: refused.error.httpStatus)
            return renderer.page(
                visit, title: "Multi-factor authentication", template: "signin-mfa",
                view: MFAView(who: pending.identity.shown), status: error.status, error: error)
        } catch let error as IAMError where error != .signInFailed {
            // A malformed code, or a lockout: the MFA page again, with Troubleshoot MFA.
            return renderer.page(
                visit, title: "Multi-factor authentication", template: "signin-mfa",
                view: MFAView(who: pending.identity.shown), status: error.httpStatus, error: ErrorView(error))
        } catch {
            // The password no longer works (changed meanwhile): start again.
            memory.forgetSignIn(visit.request.cookies[CookieName.signIn])
            visit.cookies.append(.delete(CookieName.signIn))
            return identityPage(visit, pending.identity, error: ErrorView(error))
        }
    }

    // MARK: - New password

    func newPasswordPage(_ visit: Visit) throws -> ConsoleResponse {
        guard let pending = pendingSignIn(visit), let reason = pending.passwordChangeReason else {
            return signInExpired(visit)
        }
        return renderer.page(
            visit, title: "Change password", template: "signin-new-password", view: NewPasswordView(reason: reason))
    }

    func newPasswordSubmit(_ visit: inout Visit) throws -> ConsoleResponse {
        guard let pending = pendingSignIn(visit), let reason = pending.passwordChangeReason else {
            return signInExpired(visit)
        }
        let newPassword = visit.request.secretField("newPassword") ?? ""
        guard newPassword == visit.request.secretField("confirmPassword") else {
            return renderer.page(
                visit, title: "Change password", template: "signin-new-password", view: NewPasswordView(reason: reason),
                status: 400,
                error: ErrorView(
                    title: "Passwords differ", message: "The two new passwords differ: type the same one twice."))
        }
        do {
            let outcome = try simulator.sessions.signIn(
                pending.identity, password: pending.password, mfaCode: nil, newPassword: newPassword, account: nil,
                origin: visit.request.client)
            if case .passwordChangeRequired = outcome {
                throw IAMError.signInFailed
            }
            return proceed(
                &visit, identity: pending.identity, password: pending.password, newPassword: newPassword, outcome)
        } catch {
            return renderer.page(
                visit, title: "Change password", template: "signin-new-password", view: NewPasswordView(reason: reason),
                status: ErrorView(error).status, error: ErrorView(error))
        }
    }

    // MARK: - Resync before signing in

    func resyncPage(_ visit: Visit) throws -> ConsoleResponse {
        renderer.page(visit, title: "Troubleshoot MFA", template: "signin-resync", view: resyncView(visit))
    }

    private func resyncView(_ visit: Visit) -> ResyncView {
        switch pendingSignIn(visit)?.identity {
        case .root(let email): ResyncView(isUser: false, email: email)
        case .user: ResyncView(isUser: true, email: nil)
        case nil: ResyncView(isUser: false, email: nil)
        }
    }

    /// `ConsoleSessions.resyncMFADevice` by email and password, as the CLI's `mfa resync --email`.
    func resyncSubmit(_ visit: inout Visit) throws -> ConsoleResponse {
        let pending = pendingSignIn(visit)
        let request = visit.request
        var email = request.field("email") ?? ""
        var password = request.secretField("password") ?? ""
        if case .root(let pendingEmail)? = pending?.identity, let pending {
            email = pendingEmail
            password = pending.password
        }
        do {
            let device = try simulator.sessions.resyncMFADevice(
                email: email, password: password, device: request.field("device"), code1: request.field("code1") ?? "",
                code2: request.field("code2") ?? "", account: nil)
            let message =
                "MFA device \(device.deviceName) is resynchronized, and any lockout is lifted. Sign in with the code it shows next (each code works once)."
            return visit.redirect(pending == nil ? "/signin" : "/signin/mfa", flash: message)
        } catch {
            return renderer.page(
                visit, title: "Troubleshoot MFA", template: "signin-resync", view: resyncView(visit),
                status: ErrorView(error).status, error: ErrorView(error))
        }
    }

    // MARK: - Sign out

    /// Ends every session of the signed-in identity (`ConsoleSessions.signOut`), as the CLI's
    /// `signout` does, and forgets the session cookie.
    func signOut(_ visit: inout Visit) throws -> ConsoleResponse {
        var message = "You are signed out."
        if let id = visit.request.cookies[CookieName.session], Token.isWellFormed(id),
            try simulator.sessions.signOut(sessionID: id, origin: visit.request.client) == nil
        {
            message = "You were already signed out."
        }
        visit.cookies.append(.delete(CookieName.session))
        return visit.redirect("/signin", flash: message)
    }
}

extension SignInIdentity {
    /// Who is signing in, as the MFA page names them.
    var shown: String {
        switch self {
        case .root(let email): "the root user \(email)"
        case .user(let account, let userName): "IAM user \(userName) of account \(account)"
        }
    }
}
