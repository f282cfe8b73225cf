/// One step of a lesson: what the trainee does in the console, and how the lesson sees it done.
///
/// What to type or click for it is each front end's own: the CLI keeps a command line per step
/// id, a web console would point at its page.
public struct LessonStep: Hashable, Sendable {
    /// 1-based position in the lesson.
    public let number: Int
    /// A stable identifier, such as `delete-root-key`.
    public let id: String
    /// What the step does, in the console's words.
    public let title: String
    /// Why the step matters and what to look for, in a sentence or two.
    public let explanation: String
    /// Where the step happens in the real AWS console.
    public let consolePath: String
    /// How the player decides from real state that the step is done.
    public let check: LessonCheck
}

/// A lesson: an ordered list of steps, described once and played by both `demo` and `lesson`.
public struct Lesson: Hashable, Sendable {
    public let id: String
    public let title: String
    public let steps: [LessonStep]
}

extension Lesson {
    /// AWS's "Activate MFA on the root account", in 16 steps.
    public static let rootMFA = Lesson(
        id: "root-mfa",
        title: "Activate MFA on the root account",
        steps: numbered([
            (
                "sign-in", "Sign in to the console as the root user",
                "Root signs in with the account's email address and password. Until MFA is active, that password alone opens the whole account.",
                "Sign in → Root user → email → password",
                .signedIn
            ),
            (
                "open-dashboard", "Open the IAM dashboard and read the security status",
                "The first two items are marked FAIL: the root user has an access key, and no MFA device. This lesson turns both green.",
                "IAM → Dashboard → Security status",
                .event(.getAccountSummary)
            ),
            (
                "list-root-keys", "Open your security credentials and find the root access key",
                "Access keys let programs act as root with no MFA at all. Note the key's id: you will delete it.",
                "Account menu → Security credentials → Access keys",
                .event(.listAccessKeys)
            ),
            (
                "deactivate-root-key", "Deactivate the root access key",
                "The console makes you deactivate a key before deleting it, so that anything still using it fails visibly first.",
                "Access keys → Actions → Deactivate",
                .noActiveRootKeys
            ),
            (
                "delete-root-key", "Delete the root access key",
                "A deleted key can never be used again. Root should have no access keys at all.",
                "Access keys → Actions → Delete (paste the key id to confirm)",
                .noRootKeys
            ),
            (
                "assign-mfa", "Assign a virtual MFA device and show its QR code",
                "Name the device and choose \"Authenticator app\". AWS creates the device and shows its QR code; \"Show secret key\" shows the secret key instead.",
                "Multi-factor authentication (MFA) → Assign MFA device → Authenticator app → Show QR code",
                .deviceCreated
            ),
            (
                "add-to-authenticator", "Add the account to your authenticator app",
                "Scan the QR code with a phone, or give its URI (or the secret key) to iamsim's own authenticator. The authenticator now shows a new six-digit code every 30 seconds.",
                "Authenticator app → Add account → Scan QR code",
                .authenticatorHoldsDevice
            ),
            (
                "read-code-1", "Read MFA code 1 from the authenticator",
                "Type the code that the authenticator shows now into \"MFA code 1\".",
                "Assign MFA device → MFA code 1",
                .firstCodeShown
            ),
            (
                "wait-for-code-2", "Wait for the next code",
                "AWS wants two consecutive codes, to be sure your phone's clock agrees with its own. The next code appears when the 30-second step ends; a simulated clock can skip ahead.",
                "Wait up to 30 seconds",
                .nextCodeDue
            ),
            (
                "read-code-2", "Read MFA code 2 from the authenticator",
                "Type the new code into \"MFA code 2\".",
                "Assign MFA device → MFA code 2",
                .secondCodeShown
            ),
            (
                "activate-mfa", "Add MFA: submit the two consecutive codes",
                "AWS checks that the two codes are consecutive codes of this device, then assigns it to root.",
                "Assign MFA device → Add MFA",
                .rootMFAActive
            ),
            (
                "see-device", "See the device assigned",
                "The MFA section now lists the device, its serial number and when it was enabled. From here you can resync it or remove it.",
                "Security credentials → Multi-factor authentication (MFA)",
                .devicesListed
            ),
            (
                "sign-out", "Sign out",
                "Signing out ends the console session everywhere.",
                "Account menu → Sign out",
                .event(.consoleSignOut)
            ),
            (
                "wait-for-fresh-code", "Wait for a fresh code",
                "Each code works once: the codes used to activate the device cannot sign you in. Wait for the next one.",
                "Wait up to 30 seconds",
                .freshCodeDue
            ),
            (
                "sign-in-with-mfa", "Sign back in with your password and an MFA code",
                "After the password, the console now asks for the code from your authenticator.",
                "Sign in → Root user → email → password → MFA code",
                .signedInWithMFA
            ),
            (
                "dashboard-green", "See the security status turn green",
                "The two root items pass: root has no access keys and has MFA. The lesson is complete (users, groups and a password policy are the next lesson).",
                "IAM → Dashboard → Security status",
                .securityStatusGreen
            ),
        ]))

    /// Steps from (id, title, explanation, console path, check), numbered from 1.
    static func numbered(_ specs: [(String, String, String, String, LessonCheck)]) -> [LessonStep] {
        specs.enumerated().map { index, spec in
            LessonStep(
                number: index + 1, id: spec.0, title: spec.1, explanation: spec.2, consolePath: spec.3, check: spec.4)
        }
    }

    /// Every lesson iamsim knows.
    public static let all: [Lesson] = [.rootMFA]

    /// The step with `id`, if the lesson has one.
    public func step(_ id: String) -> LessonStep? {
        steps.first { $0.id == id }
    }
}
