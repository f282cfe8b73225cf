import IAMSimCore

/// The command line a trainee types for each lesson step, by step id: the CLI's part of a
/// lesson, which Core describes without any front end's words (`LessonStep`).
enum LessonCommandLine {
    /// Each step's command, with placeholders in braces that the account's state fills in
    /// (`LessonObservation.commandValues`): `{email}`, `{accessKeyId}`, `{deviceName}`, `{uri}`,
    /// and the codes the trainee reads, `{code1}`, `{code2}`, `{code}`.
    static let templates: [String: String] = [
        "sign-in": "iamsim signin --email {email}",
        "open-dashboard": "iamsim dashboard",
        "list-root-keys": "iamsim access-keys list",
        "deactivate-root-key": "iamsim access-keys deactivate {accessKeyId}",
        "delete-root-key": "iamsim access-keys delete {accessKeyId}",
        "assign-mfa": "iamsim mfa assign {deviceName}",
        "add-to-authenticator": "iamsim authenticator add --uri '{uri}'",
        "read-code-1": "iamsim authenticator codes",
        "wait-for-code-2": "iamsim clock advance 30s",
        "read-code-2": "iamsim authenticator codes",
        "activate-mfa": "iamsim mfa activate {deviceName} --code1 {code1} --code2 {code2}",
        "see-device": "iamsim mfa list",
        "sign-out": "iamsim signout",
        "wait-for-fresh-code": "iamsim clock advance 30s",
        "sign-in-with-mfa": "iamsim signin --email {email} --mfa-code {code}",
        "dashboard-green": "iamsim dashboard",
    ]

    /// The CLI's words for steps whose explanation names what the CLI does differently from the
    /// console's buttons.
    static let explanations: [String: String] = [
        "assign-mfa":
            "Name the device and choose \"Authenticator app\". iamsim creates the device and shows its QR code; --show-secret shows the secret key instead."
    ]

    /// `step`'s command with its placeholders; empty for a step the CLI has no command for
    /// (none: a test checks every lesson's steps).
    static func template(_ step: LessonStep) -> String {
        templates[step.id] ?? ""
    }

    /// `step`'s command with every placeholder in `values` filled in; unknown ones stay as they are.
    static func filled(_ step: LessonStep, _ values: [String: String]) -> String {
        var text = template(step)
        for (key, value) in values { text = text.replacingOccurrences(of: "{\(key)}", with: value) }
        return text
    }

    /// What the step does and why, as the CLI tells it.
    static func explanation(_ step: LessonStep) -> String {
        explanations[step.id] ?? step.explanation
    }
}
