import IAMSimCore

/// Why an MFA code was refused, in the console's words: AWS's answer stays AWS's (the page
/// shows its error code and message), and this sentence explains it beside, as an instructor
/// looking over the trainee's shoulder would (`RefusedCodeError.refusal`).
enum CodeAdvice {
    /// A refused sign-in code.
    static func signIn(_ refusal: CodeRefusal) -> String {
        switch refusal {
        case .alreadyUsed:
            "This code was already used (to activate the device, resync it or sign in), and each code works once. Wait for the authenticator's next code."
        case .tooFarFromNow(let steps):
            "This is the device's code, but from \(distance(steps)) \(steps < 0 ? "behind" : "ahead of") the time AWS expects: the device's clock is off. Resync the device (Troubleshoot MFA) with two consecutive codes."
        case .simulatedClockStopped: clockStopped
        case .wrong, .identical, .notConsecutive:
            "This is not the code the device shows now: read this account's entry in the authenticator and type its current code."
        }
    }

    /// A refused pair of codes (Add MFA, Resync).
    static func pair(_ refusal: CodeRefusal) -> String {
        let fresh =
            "Type the code the authenticator shows now as MFA code 1, wait until it changes, and type the new one as MFA code 2."
        return switch refusal {
        case .identical:
            "MFA code 1 and MFA code 2 are the same code: code 2 must be read after the authenticator changes it. \(fresh)"
        case .wrong:
            "These are not this device's codes: check that you read the authenticator's entry for this device, and typed both codes correctly."
        case .notConsecutive:
            "Both codes are this device's, but not two consecutive ones (a code was skipped, or they are in the wrong order). \(fresh)"
        case .tooFarFromNow(let steps):
            "These are the device's codes, but from \(distance(steps)) \(steps < 0 ? "behind" : "ahead of") now: the device's clock is off, or the codes were typed late. \(fresh)"
        case .alreadyUsed:
            "These codes were already used, and each code works once. \(fresh)"
        case .simulatedClockStopped: clockStopped
        }
    }

    /// The explanation for a refusal whose context is unknown.
    static func explanation(_ refusal: CodeRefusal) -> String {
        pair(refusal)
    }

    static let clockStopped =
        "This code matches real time, but this account's clock is simulated and stands still, while the authenticator reads real time. Read the code from the phone page, which follows the account's clock, or return the clock to real time."

    /// `steps` time steps of 30 s, in words: "2 minutes 30 seconds".
    static func distance(_ steps: Int64) -> String {
        let seconds = abs(steps) * 30
        let minutes = seconds / 60
        let rest = seconds % 60
        switch (minutes, rest) {
        case (0, _): return "\(rest) seconds"
        case (_, 0): return minutes == 1 ? "1 minute" : "\(minutes) minutes"
        default: return "\(minutes) minute\(minutes == 1 ? "" : "s") \(rest) seconds"
        }
    }
}
