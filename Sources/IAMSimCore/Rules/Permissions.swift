/// Who may do what. iamsim simulates no IAM policies: the root user may do everything, and an
/// IAM user may manage only its own credentials (keys, MFA devices, its password), as AWS's
/// self-management policies allow ("AWS: Allows MFA-authenticated IAM users to manage their own
/// credentials on the Security credentials page", "IAM: Allows IAM users to self-manage an MFA
/// device"). Every refusal is `AccessDenied` in AWS's words (`denied`). docs/differences.md
/// lists the rules.
public enum Permissions {
    /// Allows `caller` to perform `action` on `target`'s credentials: root on anyone's, a user
    /// on its own (the policies' `arn:aws:iam::ACCOUNT:user/${aws:username}`).
    public static func authorize(_ caller: Principal, _ action: IAMAction, credentialsOf target: Principal)
        throws(IAMError)
    {
        if case .root = caller { return }
        // The same identity, whatever the snapshot of its details each side was read from.
        guard caller.arn == target.arn, caller.userID == target.userID else {
            throw denied(caller, action, resource: target.arn)
        }
    }

    /// Allows `caller` to perform `action` (`DeleteVirtualMFADevice`) on a virtual MFA device
    /// that is assigned to nobody: created, never activated (an abandoned "Assign MFA device").
    ///
    /// IAM records no owner for such a device. Root may act on any; an IAM user only on the one
    /// named after it, `arn:aws:iam::ACCOUNT:mfa/${aws:username}`, the resource on which AWS's
    /// self-management policy grants the virtual-device actions. Creating a device is allowed
    /// under any name (the current policy grants `iam:CreateVirtualMFADevice` on `mfa/*`), and so
    /// is activating one: `EnableMFADevice` is authorized on the user, and the two codes prove
    /// the caller holds the seed.
    ///
    /// - Parameter formerOwner: whose the device was when the caller deactivated it just before
    ///   (the console's Remove deactivates, then deletes): an IAM user's own device, under any name.
    public static func authorize(
        _ caller: Principal, _ action: IAMAction, unassignedDevice serialNumber: String,
        deactivatedFrom formerOwner: Principal? = nil
    ) throws(IAMError) {
        guard case .user(let user) = caller else { return }
        if let formerOwner, formerOwner.arn == caller.arn, formerOwner.userID == caller.userID { return }
        let own = MFADeviceName(rawValue: user.userName)?.serialNumber(in: user.accountID)
        guard serialNumber == own else { throw denied(caller, action, resource: serialNumber) }
    }

    /// Allows `caller` to perform an administrative `action` (users, groups, the password policy).
    public static func authorizeAdministration(_ caller: Principal, _ action: IAMAction, resource: String)
        throws(IAMError)
    {
        if case .root = caller { return }
        throw denied(caller, action, resource: resource)
    }

    /// AWS's wording for a refused action.
    public static func denied(_ caller: Principal, _ action: IAMAction, resource: String) -> IAMError {
        .accessDenied(
            "User: \(caller.arn) is not authorized to perform: \(action.policyAction) on resource: \(resource)")
    }
}
