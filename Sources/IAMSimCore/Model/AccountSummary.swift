/// `GetAccountSummary`'s `SummaryMap`, computed from the account's state.
///
/// Usage counts are live; quotas are AWS's default quotas.
public struct AccountSummary: Hashable, Sendable {
    /// The keys in the order of AWS's service model, with their values.
    public let entries: [(key: String, value: Int)]

    public init(_ state: AccountState) {
        entries = [
            ("Users", state.users),
            ("UsersQuota", 5_000),
            ("Groups", state.groups),
            ("GroupsQuota", 300),
            ("ServerCertificates", 0),
            ("ServerCertificatesQuota", 20),
            ("UserPolicySizeQuota", 2_048),
            ("GroupPolicySizeQuota", 5_120),
            ("GroupsPerUserQuota", 10),
            ("SigningCertificatesPerUserQuota", 2),
            ("AccessKeysPerUserQuota", AccessKeyRules.maxKeysPerIdentity),
            ("MFADevices", state.mfaDevices),
            ("MFADevicesInUse", state.mfaDevicesInUse),
            ("AccountMFAEnabled", state.rootMFADevices > 0 ? 1 : 0),
            ("AccountAccessKeysPresent", state.rootAccessKeys > 0 ? 1 : 0),
            ("AccountPasswordPresent", state.rootHasPassword ? 1 : 0),
            ("AccountSigningCertificatesPresent", 0),
            ("AttachedPoliciesPerGroupQuota", 10),
            ("AttachedPoliciesPerRoleQuota", 10),
            ("AttachedPoliciesPerUserQuota", 10),
            ("Policies", 0),
            ("PoliciesQuota", 1_500),
            ("PolicySizeQuota", 6_144),
            ("PolicyVersionsInUse", 0),
            ("PolicyVersionsInUseQuota", 10_000),
            ("VersionsPerPolicyQuota", 5),
            ("GlobalEndpointTokenVersion", 1),
            ("AssumeRolePolicySizeQuota", 2_048),
            ("InstanceProfiles", 0),
            ("InstanceProfilesQuota", 1_000),
            ("Providers", 0),
            ("RolePolicySizeQuota", 10_240),
            ("Roles", 0),
            ("RolesQuota", 1_000),
        ]
    }

    /// The value for `key`, or nil when AWS has no such key.
    public subscript(key: String) -> Int? {
        entries.first { $0.key == key }?.value
    }

    public static func == (lhs: AccountSummary, rhs: AccountSummary) -> Bool {
        lhs.entries.elementsEqual(rhs.entries) { $0.key == $1.key && $0.value == $1.value }
    }

    public func hash(into hasher: inout Hasher) {
        for entry in entries {
            hasher.combine(entry.key)
            hasher.combine(entry.value)
        }
    }
}
