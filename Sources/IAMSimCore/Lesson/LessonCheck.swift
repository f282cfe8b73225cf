/// How the lesson player decides, from the account's real state, that a step is done.
public enum LessonCheck: Hashable, Sendable {
    /// A root console session opened since the lesson started (or one is open now).
    case signedIn
    /// The console action `eventName` succeeded after the previous step.
    case event(IAMAction)
    /// Root has no active access key, and deactivated each key it deleted: a key deleted while
    /// still active skips the step (the console deletes only a deactivated key).
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
    /// The MFA section was opened after the previous step: `ListMFADevices`, or
    /// `ListVirtualMFADevices`, which `mfa list` logged in databases from before.
    case devicesListed
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
        case .signedIn, .event, .devicesListed, .signedInWithMFA, .securityStatusGreen: true
        default: false
        }
    }

    /// Whether the step changes the account, so that reaching it proves the steps before it
    /// were taken (you cannot delete a key you never listed).
    public var isMilestone: Bool {
        switch self {
        case .noActiveRootKeys, .noRootKeys, .deviceCreated, .authenticatorHoldsDevice, .rootMFAActive,
            .signedInWithMFA, .securityStatusGreen:
            true
        case .event(let action): action == .consoleSignOut
        case .signedIn, .devicesListed, .firstCodeShown, .nextCodeDue, .secondCodeShown, .freshCodeDue: false
        }
    }

    /// Whether a later milestone proves this step. The steps every later one builds on
    /// (signing in, assigning the device, adding it to an authenticator, reading its codes)
    /// are proved by the steps after them: nobody activates a device without reading two
    /// codes, whatever phone showed them. The root key steps are not: assigning MFA does not
    /// need the key gone, so they are done only while their own state holds.
    public var isProvedByLaterMilestones: Bool {
        switch self {
        case .noActiveRootKeys, .noRootKeys: false
        default: true
        }
    }
}
