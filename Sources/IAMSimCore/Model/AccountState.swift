import IAMSimMacros

/// The counts that the account summary and the security checklist are computed from.
@MemberwiseInit
public struct AccountState: Hashable, Sendable {
    public var accountID: AccountID
    public var alias: String?
    public var users: Int = 0
    public var groups: Int = 0
    /// All MFA devices in the account, assigned or not.
    public var mfaDevices: Int = 0
    /// Devices assigned to root or a user.
    public var mfaDevicesInUse: Int = 0
    /// Root's access keys, active or inactive.
    public var rootAccessKeys: Int = 0
    public var rootActiveAccessKeys: Int = 0
    /// Root's assigned, enabled MFA devices.
    public var rootMFADevices: Int = 0
    public var rootHasPassword: Bool = true
}
