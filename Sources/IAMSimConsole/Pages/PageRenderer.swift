import Foundation
import IAMSimApp
import IAMSimCore
import IAMSimDatabase
import IAMSimStore
import Mustache

/// Renders the console's pages: a page's own template inside the layout (the top bar, the
/// navigation, the lesson panel, messages), from the templates compiled into the binary.
struct PageRenderer: Sendable {
    let base: String
    let library: MustacheLibrary

    init(base: String) {
        self.base = base
        var library = MustacheLibrary()
        for (name, text) in Templates.all {
            do {
                try library.register(text, named: name)
                // Each page's template sees its own values first, then the shared ones.
                try library.register("{{#common}}{{#page}}{{>\(name)}}{{/page}}{{/common}}", named: "page:\(name)")
            } catch {
                // The templates are constants: a test renders every one of them.
                preconditionFailure("The console's template \(name) does not parse: \(error)")
            }
        }
        self.library = library
    }

    /// What every page's template may use besides its own values.
    struct Common {
        var base: String
        var csrf: String
        var isRoot: Bool
    }

    /// The navigation's sections.
    enum Section: String, CaseIterable {
        case dashboard = "Dashboard"
        case users = "Users"
        case groups = "User groups"
        case credentials = "My security credentials"
        case settings = "Account settings"
        case phone = "Phone (authenticator)"

        var path: String {
            switch self {
            case .dashboard: "/dashboard"
            case .users: "/users"
            case .groups: "/groups"
            case .credentials: "/security-credentials"
            case .settings: "/password-policy"
            case .phone: "/phone"
            }
        }
    }

    /// `template` rendered with `view`, inside the layout.
    ///
    /// - Parameters:
    ///   - section: the navigation entry to mark as the current page.
    ///   - error: a problem to show above the page (a refused form), with role "alert".
    ///   - refresh: reload the page after this many seconds (the phone's codes, the class).
    ///   - lesson: whether to show the lesson panel.
    func page(
        _ visit: Visit, title: String, template: String, view: Any, status: Int = 200, section: Section? = nil,
        error: ErrorView? = nil, refresh: Int? = nil, lesson: Bool = true
    ) -> ConsoleResponse {
        let session = visit.openSession
        let isRoot: Bool = {
            if case .root = session?.principal { return true }
            return false
        }()
        let common = Common(base: base, csrf: visit.csrf, isRoot: isRoot)
        let content = library.render(["common": common, "page": view], withTemplate: "page:\(template)") ?? ""
        let layout = LayoutView(
            title: title, base: base, csrf: visit.csrf,
            signedIn: session.map {
                IdentityView(
                    $0,
                    alias: try? visit.simulator.sessions.signInAccountName(
                        caller: .session(id: $0.id, origin: visit.request.client)))
            },
            nav: session == nil
                ? []
                : Section.allCases.map {
                    NavLink(label: $0.rawValue, href: base + $0.path, current: $0 == section, newTab: $0 == .phone)
                },
            flash: visit.flash, error: error, lesson: lesson ? LessonPanel.view(visit) : nil, content: content,
            refreshSeconds: refresh)
        return .html(library.render(layout, withTemplate: "layout") ?? "", status: status)
    }

    /// A page that only says what went wrong, with a way back.
    func problem(_ visit: Visit, title: String, message: String, status: Int) -> ConsoleResponse {
        page(
            visit, title: title, template: "problem", view: ProblemView(title: title, message: message),
            status: status, lesson: false)
    }

    /// The page for an error no page handled: AWS's code and message for an `IAMError`,
    /// iamsim's sentence for its own failures; never a Swift error dump.
    func failure(_ visit: Visit, _ error: any Error) -> ConsoleResponse {
        let view = ErrorView(error)
        return page(
            visit, title: view.title, template: "problem", view: ProblemView(title: view.title, message: view.message),
            status: view.status, error: nil, lesson: false)
    }
}

// MARK: - Layout values

struct LayoutView {
    var title: String
    var base: String
    var csrf: String
    var signedIn: IdentityView?
    var nav: [NavLink]
    var flash: String?
    var error: ErrorView?
    var lesson: LessonPanelView?
    var content: String
    var refreshSeconds: Int?
}

/// Who is signed in, as the top bar shows it.
struct IdentityView {
    var who: String
    var accountID: String
    var accountName: String?
    var mfa: String

    init(_ session: ConsoleSession, alias: String?) {
        switch session.principal {
        case .root: who = "Root user"
        case .user(let user): who = "IAM user \(user.userName)"
        }
        accountID = session.principal.accountID.rawValue
        accountName = alias == accountID ? nil : alias
        mfa = session.mfaUsed ? "signed in with MFA" : "signed in without MFA"
    }
}

struct NavLink {
    var label: String
    var href: String
    var current: Bool
    var newTab: Bool
}

struct ProblemView {
    var title: String
    var message: String
}

/// A refused action, as a page shows it: AWS's error code and message, and when iamsim
/// knows more (why an MFA code was refused), the explanation beside it.
struct ErrorView: Error {
    var title: String
    var message: String
    var explanation: String?
    var status = 400
}

extension ErrorView {
    init(_ error: any Error) {
        switch error {
        case let view as ErrorView:
            self = view
        case let refused as RefusedCodeError:
            self.init(
                title: refused.error.code, message: refused.error.message,
                explanation: CodeAdvice.explanation(refused.refusal), status: refused.error.httpStatus)
        case let error as IAMError:
            self.init(title: error.code, message: error.message, status: error.httpStatus)
        case let error as LocalError:
            self.init(title: "Cannot do that", message: error.message, status: error.isUserValue ? 400 : 500)
        case let error as DatabaseFileError:
            self.init(title: "The database cannot be used", message: error.message, status: 503)
        default:
            self.init(
                title: "Something went wrong",
                message: "The simulator could not finish this request. Reload the page to see what was done.",
                status: 500)
        }
    }
}
