import Foundation
import IAMSimApp
import IAMSimCore

/// The lesson panel on every page: "Step N of 16", what to do next in this console, and the
/// steps done, read through `LessonTracker`, the same reading as the CLI's `iamsim lesson`
/// (so the trainee may switch between the shell and the browser at any step).
enum LessonPanel {
    /// The panel for the account this browser shows, or nil when there is none (or it cannot
    /// be read: the page is still worth showing).
    static func view(_ visit: Visit) -> LessonPanelView? {
        guard let account = visit.boundAccount(),
            let reading = try? LessonTracker(simulator: visit.simulator).read(account: account)
        else { return nil }
        let progress = reading.progress
        let lesson = progress.lesson
        let total = lesson.steps.count
        let current = progress.current
        let steps = lesson.steps.map { step in
            let state: (String, String, String?) =
                if progress.done.contains(step.id) {
                    ("done", "Done", "done")
                } else if progress.skipped.contains(step.id) {
                    ("skipped", "Skipped", "skipped: no longer possible as taught")
                } else if step == current {
                    ("current", "Current step", "you are here")
                } else {
                    ("todo", "To do", nil)
                }
            return StepLine(title: step.title, state: state.0, stateText: state.1, mark: state.2)
        }
        return LessonPanelView(
            lessonTitle: lesson.title,
            summary: current.map { "Step \($0.number) of \(total)" } ?? "Complete: \(total) of \(total) steps",
            current: current.map { step in
                let guide = ConsoleLessonGuide.guide(for: step, reading.observation, base: visit.base)
                return CurrentStep(
                    number: step.number, total: total, title: step.title, explanation: step.explanation,
                    consolePath: step.consolePath, instruction: guide.instruction, link: guide.link)
            },
            complete: current == nil, total: total, doneCount: progress.doneCount, steps: steps)
    }
}

struct LessonPanelView {
    var lessonTitle: String
    /// "Step 3 of 16".
    var summary: String
    var current: CurrentStep?
    var complete: Bool
    var total: Int
    var doneCount: Int
    var steps: [StepLine]
}

struct CurrentStep {
    var number: Int
    var total: Int
    var title: String
    var explanation: String
    var consolePath: String
    var instruction: String
    var link: PageLink?
}

struct StepLine {
    var title: String
    /// A class name: done, skipped, current or todo.
    var state: String
    /// The state in words, for screen readers (the list's marks are not colour alone).
    var stateText: String
    var mark: String?
}

/// A link to a console page.
struct PageLink {
    var label: String
    var href: String
    var newTab: Bool = false
}

/// What each lesson step asks of the trainee in this console: the web console's counterpart of
/// the CLI's command per step (`LessonStep` leaves "what to click" to each front end).
enum ConsoleLessonGuide {
    static func guide(for step: LessonStep, _ observation: LessonObservation, base: String) -> (
        instruction: String, link: PageLink?
    ) {
        let key = observation.rootAccessKeys.first { $0.active }?.id ?? observation.rootAccessKeys.first?.id
        let phone = PageLink(label: "Open the phone page", href: base + "/phone", newTab: true)
        let credentials = PageLink(label: "My security credentials", href: base + "/security-credentials")
        let signIn = PageLink(label: "Sign in", href: base + "/signin")
        let dashboard = PageLink(label: "Dashboard", href: base + "/dashboard")
        switch step.id {
        case "sign-in":
            return ("Choose Root user, type the root user's email address, then its password.", signIn)
        case "open-dashboard":
            return ("Open the Dashboard and read its Security status.", dashboard)
        case "list-root-keys":
            return ("Open My security credentials and find the root user's access key under Access keys.", credentials)
        case "deactivate-root-key":
            return ("Under Access keys, choose Deactivate for \(key ?? "the root access key").", credentials)
        case "delete-root-key":
            return (
                "Under Access keys, choose Delete for \(key ?? "the root access key"), type the key ID to confirm, and choose Delete.",
                credentials
            )
        case "assign-mfa":
            return (
                "Under Multi-factor authentication (MFA), choose Assign MFA device, name the device, choose Authenticator app, then Next and Show QR code.",
                PageLink(label: "Assign MFA device", href: base + "/mfa/assign")
            )
        case "add-to-authenticator":
            return (
                "Scan the QR code with your phone's authenticator app. Without a phone, open the phone page in a new tab and upload the QR code image (Download QR code), or paste the secret key.",
                phone
            )
        case "read-code-1":
            return ("Read the code the authenticator shows now, and type it into MFA code 1.", phone)
        case "wait-for-code-2":
            return ("Wait for the authenticator's code to change: the phone page counts the seconds down.", phone)
        case "read-code-2":
            return ("Type the new code into MFA code 2.", phone)
        case "activate-mfa":
            return ("Choose Add MFA.", nil)
        case "see-device":
            return ("Open My security credentials: the MFA section lists the device.", credentials)
        case "sign-out":
            return ("Choose Sign out, at the top right.", nil)
        case "wait-for-fresh-code":
            return (
                "Wait for the authenticator to show a new code: the codes used to add the device do not work again.",
                phone
            )
        case "sign-in-with-mfa":
            return (
                "Sign in as the root user again: email, password, then the MFA code the authenticator shows.", signIn
            )
        case "dashboard-green":
            return ("Open the Dashboard: the root user's two items are now complete.", dashboard)
        default:
            return (step.consolePath, nil)
        }
    }
}
