/// How the lesson player decides, from the account's real state, that a step is done.
public enum LessonCheck: Hashable, Sendable {
    /// A root console session opened since the lesson started (or one is open now).
    case signedIn
    /// The console action `eventName` succeeded after the previous step.
    case event(String)
    /// Root has no active access key.
    case noActiveRootKeys
    /// Root has no access key at all.
    case noRootKeys
    /// A virtual MFA device exists for root (awaiting activation or active).
    case deviceCreated
    /// The authenticator holds the seed of one of root's devices.
    case authenticatorHoldsDevice
    /// The authenticator has shown that device's code (code 1).
    case firstCodeShown
    /// The clock has moved past the step of code 1.
    case nextCodeDue
    /// The authenticator has shown a later code (code 2).
    case secondCodeShown
    /// Root has an active MFA device.
    case rootMFAActive
    /// A code newer than the last one the device accepted is showing.
    case freshCodeDue
    /// Root signed in with an MFA code after the previous step.
    case signedInWithMFA
    /// The dashboard was opened after the previous step, with every item passing.
    case securityStatusGreen

    /// Whether the check looks for an action in the event log (rather than at state), so it
    /// only counts after the step before it is done.
    public var readsEventLog: Bool {
        switch self {
        case .signedIn, .event, .signedInWithMFA, .securityStatusGreen: true
        default: false
        }
    }

    /// Whether the step changes the account, so that reaching it proves the steps before it
    /// were taken (you cannot delete a key you never listed). Observation steps are implied
    /// by a later milestone; milestones are not.
    public var isMilestone: Bool {
        switch self {
        case .noActiveRootKeys, .noRootKeys, .deviceCreated, .authenticatorHoldsDevice, .rootMFAActive,
            .signedInWithMFA, .securityStatusGreen:
            true
        case .event(let name): name == "ConsoleSignOut"
        case .signedIn, .firstCodeShown, .nextCodeDue, .secondCodeShown, .freshCodeDue: false
        }
    }
}
