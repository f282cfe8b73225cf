import Foundation
import GRDB
import IAMSimCore
import IAMSimDatabase

extension IAMStore {
    // MARK: - Policies (not simulated: the account has none, and nothing is attached)

    /// iamsim has no policies: an account has no customer managed or inline policy, and no
    /// policy is attached to anything. Auditors (Prowler) list them on every run, so the
    /// read-only listings answer what is true of such an account, in AWS's shapes: empty lists,
    /// and `NoSuchEntity` for a user, group or customer managed policy that does not exist.
    /// AWS managed policies (`arn:aws:iam::aws:policy/…`) exist in every AWS account; iamsim
    /// has no catalogue of them, so it lists none (docs/differences.md), though none is
    /// attached, which is what an auditor asks (`OnlyAttached`). Write actions on policies stay
    /// `NotImplemented`.
    static let awsManagedPolicyPrefix = "arn:aws:iam::aws:policy/"

    /// `ListPolicies`: no policy, whatever the `Scope`, `OnlyAttached`, `PathPrefix` or
    /// `PolicyUsageFilter`.
    ///
    /// - Throws: `ValidationError` ("Invalid Marker.") for any marker (no page gave one);
    ///   `AccessDenied` for an IAM user.
    public func listPolicies(caller: Caller, page: PageRequest? = nil) throws -> Page<Never> {
        try emptyListing(.listPolicies, caller: caller, resource: nil, page: page) { principal, _ in
            "arn:aws:iam::\(principal.accountID.rawValue):policy/*"
        }
    }

    /// `ListEntitiesForPolicy`: no group, user or role, for an AWS managed policy (nothing can
    /// be attached in iamsim).
    ///
    /// - Throws: `NoSuchEntity` for any other policy (the account has none); `InvalidInput`
    ///   for text that is not a policy ARN; `ValidationError` for any marker; `AccessDenied`
    ///   for an IAM user.
    public func listEntitiesForPolicy(caller: Caller, policyArn: String, page: PageRequest? = nil) throws -> Page<
        Never
    > {
        try emptyListing(.listEntitiesForPolicy, caller: caller, resource: policyArn, page: page) { _, _ in
            policyArn
        } check: { _, _ in
            try Self.requireAWSManagedPolicy(policyArn)
        }
    }

    /// `GetPolicyVersion`: never answered with a document.
    ///
    /// - Throws: `NoSuchEntity` for a customer managed policy (the account has none);
    ///   `NotImplemented` for an AWS managed policy, whose documents iamsim does not have;
    ///   `InvalidInput` for text that is not a policy ARN; `AccessDenied` for an IAM user.
    public func getPolicyVersion(caller: Caller, policyArn: String, versionId: String) throws -> Never {
        try environment.perform(.getPolicyVersion, caller: caller, resource: policyArn) { _, principal, _ in
            try Permissions.authorizeAdministration(principal, .getPolicyVersion, resource: policyArn)
            try Self.requireAWSManagedPolicy(policyArn)
            throw IAMError.notImplemented(
                "iamsim does not simulate AWS managed policies' documents, so GetPolicyVersion cannot show "
                    + "\(versionId) of \(policyArn). See docs/api.md for the actions iamsim answers.")
        }
    }

    /// `ListAttachedUserPolicies`: no policy is attached to the user `userName`.
    ///
    /// - Throws: `NoSuchEntity` for an unknown user; `ValidationError` for a malformed name or
    ///   any marker; `AccessDenied` for an IAM user.
    public func listAttachedUserPolicies(caller: Caller, userName: String, page: PageRequest? = nil) throws
        -> Page<Never>
    {
        try emptyListing(.listAttachedUserPolicies, caller: caller, ofUser: userName, page: page)
    }

    /// `ListAttachedGroupPolicies`: no policy is attached to the group `groupName`.
    ///
    /// - Throws: `NoSuchEntity` for an unknown group; `ValidationError` for a malformed name or
    ///   any marker; `AccessDenied` for an IAM user.
    public func listAttachedGroupPolicies(caller: Caller, groupName: String, page: PageRequest? = nil) throws
        -> Page<Never>
    {
        try emptyListing(.listAttachedGroupPolicies, caller: caller, ofGroup: groupName, page: page)
    }

    /// `ListUserPolicies`: the user `userName` has no inline policy.
    ///
    /// - Throws: `NoSuchEntity` for an unknown user; `ValidationError` for a malformed name or
    ///   any marker; `AccessDenied` for an IAM user.
    public func listUserPolicies(caller: Caller, userName: String, page: PageRequest? = nil) throws -> Page<Never> {
        try emptyListing(.listUserPolicies, caller: caller, ofUser: userName, page: page)
    }

    /// `ListGroupPolicies`: the group `groupName` has no inline policy.
    ///
    /// - Throws: `NoSuchEntity` for an unknown group; `ValidationError` for a malformed name or
    ///   any marker; `AccessDenied` for an IAM user.
    public func listGroupPolicies(caller: Caller, groupName: String, page: PageRequest? = nil) throws -> Page<Never> {
        try emptyListing(.listGroupPolicies, caller: caller, ofGroup: groupName, page: page)
    }

    // MARK: Helpers

    /// `emptyListing` of something the user `userName` would have (its attached or inline
    /// policies): authorized on the user's ARN, `NoSuchEntity` for an unknown user.
    func emptyListing(_ action: IAMAction, caller: Caller, ofUser userName: String, page: PageRequest?) throws
        -> Page<Never>
    {
        try emptyListing(action, caller: caller, resource: userName, page: page) { principal, _ in
            userARN(principal, userName)
        } check: { principal, db in
            _ = try user(named: userName, in: principal.accountID, db)
        }
    }

    /// `emptyListing` of something the group `groupName` would have (its attached or inline
    /// policies): authorized on the group's ARN, `NoSuchEntity` for an unknown group.
    func emptyListing(_ action: IAMAction, caller: Caller, ofGroup groupName: String, page: PageRequest?) throws
        -> Page<Never>
    {
        try emptyListing(action, caller: caller, resource: groupName, page: page) { principal, _ in
            groupARN(principal, groupName)
        } check: { principal, db in
            _ = try group(named: groupName, in: principal.accountID, db)
        }
    }

    /// Runs the listing `action` of a kind iamsim does not model: root only (the resource
    /// `resource(principal, db)` names the refusal's), after `check` (the user or group the
    /// list belongs to must exist), logged as any read is; its page is empty, and any marker
    /// is one no page gave.
    func emptyListing(
        _ action: IAMAction, caller: Caller, resource: String?, page: PageRequest?,
        authorizing target: (Principal, Database) throws -> String,
        check: (Principal, Database) throws -> Void = { _, _ in }
    ) throws -> Page<Never> {
        try environment.perform(action, caller: caller, resource: resource) { db, principal, _ in
            try Permissions.authorizeAdministration(principal, action, resource: try target(principal, db))
            try check(principal, db)
            return try Self.emptyPage(page)
        }
    }

    /// The empty page `request` asks for.
    ///
    /// - Throws: `ValidationError` ("Invalid Marker.") for any marker: no page of an empty list
    ///   gave one.
    static func emptyPage(_ request: PageRequest?) throws(IAMError) -> Page<Never> {
        if request?.marker != nil { throw PageRequest.invalidMarker }
        return Page(items: [])
    }

    /// Checks that `policyArn` names an AWS managed policy.
    ///
    /// - Throws: `NoSuchEntity` for a customer managed policy (the account has none);
    ///   `InvalidInput` for text that is not an IAM policy ARN.
    static func requireAWSManagedPolicy(_ policyArn: String) throws(IAMError) {
        if policyArn.hasPrefix(awsManagedPolicyPrefix), policyArn.count > awsManagedPolicyPrefix.count { return }
        guard policyArn.hasPrefix("arn:aws:iam::"), policyArn.contains(":policy/") else {
            throw .invalidInput("ARN \(policyArn) is not valid.")
        }
        throw .noSuchEntity("Policy \(policyArn) was not found.")
    }
}
