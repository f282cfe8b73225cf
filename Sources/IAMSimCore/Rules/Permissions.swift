/// Who may do what. iamsim simulates no IAM policies: the root user may do everything, and an
/// IAM user may manage only its own credentials (keys, MFA devices, its password), as AWS's
/// "manage your own credentials" policy allows.
public enum Permissions {
    /// Allows `caller` to perform `action` on `target`'s credentials.
    public static func authorize(_ caller: Principal, _ action: String, credentialsOf target: Principal) throws(IAMError) {
        if case .root = caller { return }
        guard caller == target else { throw denied(caller, action, resource: target.arn) }
    }

    /// Allows `caller` to perform an administrative `action` (users, groups, the password policy).
    public static func authorizeAdministration(_ caller: Principal, _ action: String, resource: String) throws(IAMError) {
        if case .root = caller { return }
        throw denied(caller, action, resource: resource)
    }

    /// AWS's wording for a refused action.
    public static func denied(_ caller: Principal, _ action: String, resource: String) -> IAMError {
        .accessDenied("User: \(caller.arn) is not authorized to perform: iam:\(action) on resource: \(resource)")
    }
}
