import IAMSimMacros

/// What the lesson player sees of the simulator: the account's events since the lesson
/// started, root's credentials, the authenticator's accounts, and the clock.
@MemberwiseInit
public struct LessonObservation: Hashable, Sendable {
    /// An entry of the event log.
    @MemberwiseInit
    public struct LoggedEvent: Hashable, Sendable {
        public var id: Int64
        public var name: String
        public var succeeded: Bool
        public var mfaUsed: Bool?
        public var byRoot: Bool = true
        /// For `DeleteAccessKey` of one of root's keys: the key's status when it was deleted
        /// (nil for other events, and in databases from before iamsim recorded it).
        public var deletedRootKeyStatus: AccessKeyStatus?
    }

    /// One of root's MFA devices, or a virtual device awaiting activation (an "Assign MFA
    /// device" still open). An unassigned hardware token is nobody's device: AWS learns of it
    /// only when it is activated.
    @MemberwiseInit
    public struct Device: Hashable, Sendable {
        public var name: String
        public var seed: [UInt8]
        /// Assigned (to root) and enabled; false for a virtual device awaiting activation.
        public var active: Bool
        public var type: MFADeviceType = .virtual
        public var lastAcceptedStep: Int64?
    }

    /// An account of the authenticator app.
    @MemberwiseInit
    public struct PhoneAccount: Hashable, Sendable {
        public var secret: [UInt8]
        public var firstViewedStep: Int64?
        public var lastViewedStep: Int64?
    }

    /// One of root's access keys.
    @MemberwiseInit
    public struct AccessKey: Hashable, Sendable {
        public var id: String
        public var active: Bool
    }

    /// The root user's email, for commands the player suggests.
    public var rootEmail: String = "trainee@example.com"
    /// The account alias, else its id: what AWS puts in QR labels.
    public var accountLabel: String = "123456789012"
    /// Events of the account after the lesson started, oldest first.
    public var events: [LoggedEvent] = []
    public var rootAccessKeys: [AccessKey] = []
    /// Root's devices (active), then virtual devices awaiting activation, oldest first.
    public var devices: [Device] = []
    public var phone: [PhoneAccount] = []
    public var rootSessionOpen: Bool = false
    public var clockStep: Int64 = 0

    /// The device the lesson is about: the active one, else the newest awaiting activation.
    public var lessonDevice: Device? {
        devices.first { $0.active } ?? devices.last
    }

    /// The `otpauth://` URI of the lesson's device while it awaits activation, as the QR code
    /// of `CreateVirtualMFADevice` holds it; nil once a device is active, and for hardware
    /// tokens. Like the console's "Assign MFA device" wizard, which keeps the QR code on screen
    /// until "Add MFA", the lesson repeats it only for a virtual device not yet activated: no
    /// output shows an active device's seed.
    public var lessonDeviceURI: String? {
        guard let device = lessonDevice, !device.active, device.type == .virtual else { return nil }
        return OTPAuthURI.aws(deviceName: device.name, accountLabel: accountLabel, secret: Base32.encode(device.seed))
            .text
    }

    /// The values that a step needs and the account's state already knows, by name (`email`,
    /// `deviceName`, `accessKeyId`, `uri`): a front end fills them into what it shows for the step.
    public var commandValues: [String: String] {
        var values = ["email": rootEmail, "deviceName": lessonDevice?.name ?? "root-mfa"]
        // The key still to deactivate first, else the one still to delete.
        values["accessKeyId"] = (rootAccessKeys.first { $0.active } ?? rootAccessKeys.first)?.id
        values["uri"] = lessonDeviceURI
        return values
    }

    /// Whether a root access key was deleted while still active since the lesson started: the
    /// console deletes only a deactivated key, so the lesson's "deactivate" step was skipped.
    public var deletedActiveRootKey: Bool {
        events.contains {
            $0.name == IAMAction.deleteAccessKey.name && $0.succeeded && $0.deletedRootKeyStatus == .active
        }
    }

    /// The authenticator's entry for one of root's devices, preferring the active device.
    var phoneEntry: PhoneAccount? {
        let seeds = devices.sorted { $0.active && !$1.active }.map(\.seed)
        for seed in seeds {
            if let entry = phone.first(where: { $0.secret == seed }) { return entry }
        }
        return nil
    }
}
