import Crypto
import Foundation
import IAMSimApp
import IAMSimCore

/// The instructor's class progress: `ClassProgress`, as `iamsim class report` reads it,
/// read-only and refreshing itself, behind the token `iamsim serve` prints at start.
extension Console {
    struct InstructorView {
        /// "1 account", "30 accounts".
        var accounts: String
        var refresh: Int
        var rows: [ClassRow]
    }

    struct ClassRow {
        var account: String
        var alias: String?
        var email: String
        var step: String
        var passed: Int
        var items: [StatusItem]
        var lastActivity: String
    }

    /// Seconds between two refreshes of the class page.
    static let classRefresh = 10

    private var instructorPass: String? {
        guard let token = configuration.instructorToken else { return nil }
        return Base64URL.encode(Array(SHA256.hash(data: Array(token.utf8))))
    }

    func instructorPage(_ visit: Visit) throws -> ConsoleResponse {
        guard let pass = instructorPass else {
            return renderer.problem(
                visit, title: "Class progress",
                message: "The class progress page is closed: this server was started without an instructor token.",
                status: 404)
        }
        guard signer.verified(visit.request.cookies[CookieName.instructor], purpose: CookieName.instructor) == pass
        else {
            return renderer.page(
                visit, title: "Class progress", template: "instructor-token", view: [String: String](), lesson: false)
        }
        let progress = try ClassProgress.read(simulator)
        let rows = progress.rows.map { row in
            let total = row.progress.lesson.steps.count
            let checklist = row.checklist.map { SecurityStatusItem($0) }
            return ClassRow(
                account: row.account.accountID.rawValue, alias: row.account.alias, email: row.account.rootEmail,
                step: row.progress.current.map { "Step \($0.number) of \(total): \($0.title)" } ?? "Complete",
                passed: StatusItem.passed(checklist), items: checklist.map { StatusItem($0) },
                lastActivity: row.lastActivity.map(Timestamp.readable) ?? "None")
        }
        return renderer.page(
            visit, title: "Class progress", template: "instructor",
            view: InstructorView(
                accounts: rows.count == 1 ? "1 account" : "\(rows.count) accounts", refresh: Self.classRefresh,
                rows: rows),
            refresh: Self.classRefresh, lesson: false)
    }

    /// The token, checked in constant time; a signed pass for this browser when right.
    func instructorSignIn(_ visit: inout Visit) throws -> ConsoleResponse {
        guard let pass = instructorPass, let token = configuration.instructorToken else {
            return try instructorPage(visit)
        }
        guard ConstantTime.equals(Array((visit.request.secretField("token") ?? "").utf8), Array(token.utf8)) else {
            return renderer.page(
                visit, title: "Class progress", template: "instructor-token", view: [String: String](), status: 403,
                error: ErrorView(
                    title: "Wrong token", message: "This is not the token iamsim serve printed.", status: 403),
                lesson: false)
        }
        visit.cookies.append(
            SetCookie(
                name: CookieName.instructor, value: signer.signed(pass, purpose: CookieName.instructor),
                maxAge: 12 * 3_600))
        return visit.redirect("/instructor")
    }
}
