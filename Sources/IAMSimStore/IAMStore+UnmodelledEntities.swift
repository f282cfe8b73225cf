import Foundation
import GRDB
import IAMSimCore
import IAMSimDatabase

extension IAMStore {
    // MARK: - Entities iamsim does not model: roles, SAML providers, server certificates, …

    /// `ListRoles`: an account in iamsim has no roles (nor the service-linked roles AWS creates
    /// on its own), so the list is empty, whatever the `PathPrefix`.
    ///
    /// - Throws: `ValidationError` ("Invalid Marker.") for any marker; `AccessDenied` for an IAM
    ///   user.
    public func listRoles(caller: Caller, page: PageRequest? = nil) throws -> Page<Never> {
        try emptyListing(.listRoles, caller: caller, resource: nil, page: page) { principal, _ in
            "arn:aws:iam::\(principal.accountID.rawValue):role/*"
        }
    }

    /// `ListSAMLProviders`: none (iamsim has no identity federation).
    ///
    /// - Throws: `AccessDenied` for an IAM user.
    public func listSAMLProviders(caller: Caller) throws -> [Never] {
        try emptyListing(.listSAMLProviders, caller: caller, resource: nil, page: nil) { principal, _ in
            "arn:aws:iam::\(principal.accountID.rawValue):saml-provider/*"
        }.items
    }

    /// `ListServerCertificates`: none.
    ///
    /// - Throws: `ValidationError` ("Invalid Marker.") for any marker; `AccessDenied` for an IAM
    ///   user.
    public func listServerCertificates(caller: Caller, page: PageRequest? = nil) throws -> Page<Never> {
        try emptyListing(.listServerCertificates, caller: caller, resource: nil, page: page) { principal, _ in
            "arn:aws:iam::\(principal.accountID.rawValue):server-certificate/*"
        }
    }

    /// `ListServiceSpecificCredentials`: none, for the user `userName` or, without it, the
    /// caller. A user may list its own, as AWS's self-management policies allow.
    ///
    /// - Throws: `NoSuchEntity` for an unknown user; `ValidationError` for a malformed name or
    ///   any marker; `AccessDenied` for another user's.
    public func listServiceSpecificCredentials(caller: Caller, userName: String?, page: PageRequest? = nil) throws
        -> Page<Never>
    {
        try environment.perform(.listServiceSpecificCredentials, caller: caller, resource: userName) {
            db, principal, _ in
            _ = try target(userName: userName, caller: principal, action: .listServiceSpecificCredentials, db)
            return try Self.emptyPage(page)
        }
    }

    /// `ListOrganizationsFeatures`: an account in iamsim belongs to no organization (AWS
    /// Organizations is not simulated), so this is AWS's answer for a standalone account.
    ///
    /// - Throws: `OrganizationNotFoundException` always (after `AccessDenied` for an IAM user).
    public func listOrganizationsFeatures(caller: Caller) throws -> Never {
        try environment.perform(.listOrganizationsFeatures, caller: caller, resource: nil) { _, principal, _ in
            try Permissions.authorizeAdministration(principal, .listOrganizationsFeatures, resource: "*")
            throw IAMError.organizationNotFound(
                "The request was rejected because no organization is associated with your account.")
        }
    }
}
