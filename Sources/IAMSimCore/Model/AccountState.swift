/// The counts that the account summary and the security checklist are computed from.
public struct AccountState: Hashable, Sendable {
    public var accountID: AccountID
    public var alias: String?
    public var users: Int
    public var groups: Int
    /// All MFA devices in the account, assigned or not.
    public var mfaDevices: Int
    /// Devices assigned to root or a user.
    public var mfaDevicesInUse: Int
    /// Root's access keys, active or inactive.
    public var rootAccessKeys: Int
    public var rootActiveAccessKeys: Int
    /// Root's assigned, enabled MFA devices.
    public var rootMFADevices: Int
    public var rootHasPassword: Bool

    public init(
        accountID: AccountID, alias: String? = nil, users: Int = 0, groups: Int = 0, mfaDevices: Int = 0,
        mfaDevicesInUse: Int = 0, rootAccessKeys: Int = 0, rootActiveAccessKeys: Int = 0,
        rootMFADevices: Int = 0, rootHasPassword: Bool = true
    ) {
        self.accountID = accountID
        self.alias = alias
        self.users = users
        self.groups = groups
        self.mfaDevices = mfaDevices
        self.mfaDevicesInUse = mfaDevicesInUse
        self.rootAccessKeys = rootAccessKeys
        self.rootActiveAccessKeys = rootActiveAccessKeys
        self.rootMFADevices = rootMFADevices
        self.rootHasPassword = rootHasPassword
    }
}
