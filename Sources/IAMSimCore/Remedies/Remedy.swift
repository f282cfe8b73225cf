/// A fix iamsim suggests, as a value that each front end renders in its own way: the CLI as a
/// command line, a web console as a link to the page that does it, the Query API not at all.
///
/// A remedy is one or more steps, in the order to take them ("deactivate the key, then delete
/// it"). A step says what to do in AWS's terms, with the values it needs that iamsim knows;
/// never how a front end spells it. Audit findings carry one when they fail
/// (`AuditFinding.remedy`), and so do the errors of iamsim's own rules (`IAMError.remedy`).
public struct Remedy: Hashable, Sendable {
    /// One thing to do.
    public enum Step: Hashable, Sendable {
        /// Make the access key the finding names Inactive (`UpdateAccessKey`).
        case deactivateAccessKey
        /// Delete the access key the finding names (`DeleteAccessKey`).
        case deleteAccessKey
        /// Create a virtual MFA device and add it to an authenticator (`CreateVirtualMFADevice`).
        case createVirtualMFADevice
        /// Activate a virtual device with two consecutive codes (`EnableMFADevice`): for the
        /// caller when `userNames` is empty, else for each of these IAM users.
        case enableMFADevice(userNames: [String])
        /// Activate a hardware TOTP token by its serial number (`EnableMFADevice`).
        case enableHardwareMFADevice
        /// Deactivate and delete each virtual MFA device of the identity
        /// (`DeactivateMFADevice`, `DeleteVirtualMFADevice`).
        case removeVirtualMFADevices
        /// Resynchronize an MFA device with two consecutive codes (`ResyncMFADevice`), from the
        /// sign-in page when the device keeps sign-in out.
        case resyncMFADevice
        /// Sign in to the console (`ConsoleLogin`).
        case signIn
        /// Sign out of the console (`ConsoleSignOut`).
        case signOut
        /// Create an IAM user and do the everyday work as it rather than as root (`CreateUser`).
        case workAsIAMUser
        /// Create an IAM user (`CreateUser`).
        case createUser
        /// Create a group (`CreateGroup`).
        case createGroup
        /// Add a user to a group (`AddUserToGroup`).
        case addUserToGroup
        /// Set the account's password policy to exactly `policy` (`UpdateAccountPasswordPolicy`,
        /// which resets whatever it is not given: the policy is the whole of it, not the fix alone).
        case updateAccountPasswordPolicy(PasswordPolicy)
        /// Generate a credential report (`GenerateCredentialReport`).
        case generateCredentialReport

        /// The actions the step performs, in order.
        public var actions: [IAMAction] {
            switch self {
            case .deactivateAccessKey: [.updateAccessKey]
            case .deleteAccessKey: [.deleteAccessKey]
            case .createVirtualMFADevice: [.createVirtualMFADevice]
            case .enableMFADevice, .enableHardwareMFADevice: [.enableMFADevice]
            case .removeVirtualMFADevices: [.deactivateMFADevice, .deleteVirtualMFADevice]
            case .resyncMFADevice: [.resyncMFADevice]
            case .signIn: [.consoleLogin]
            case .signOut: [.consoleSignOut]
            case .workAsIAMUser: [.createUser, .consoleLogin]
            case .createUser: [.createUser]
            case .createGroup: [.createGroup]
            case .addUserToGroup: [.addUserToGroup]
            case .updateAccountPasswordPolicy: [.updateAccountPasswordPolicy]
            case .generateCredentialReport: [.generateCredentialReport]
            }
        }
    }

    /// The steps, in order; never empty.
    public var steps: [Step]

    public init(_ first: Step, _ then: Step...) {
        steps = [first] + then
    }

    /// The actions of every step, in order.
    public var actions: [IAMAction] { steps.flatMap(\.actions) }
}
