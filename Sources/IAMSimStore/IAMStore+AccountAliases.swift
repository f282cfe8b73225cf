import Foundation
import GRDB
import IAMSimCore
import IAMSimDatabase

extension IAMStore {
    // MARK: - Account aliases

    /// `CreateAccountAlias`: names the caller's account `alias`, in place of the one it had (an
    /// account has at most one). The alias then stands for the account id on the IAM-user
    /// sign-in page, in new virtual MFA devices' QR codes, and in `--account`.
    ///
    /// - Throws: `ValidationError` for an alias off AWS's pattern; `EntityAlreadyExists` when
    ///   another account of the database has it (aliases are unique across AWS); `AccessDenied`
    ///   for an IAM user, or a console caller not signed in.
    public func createAccountAlias(caller: Caller, alias: String) throws {
        try environment.perform(.createAccountAlias, caller: caller, resource: alias) { db, principal, _ in
            try Permissions.authorizeAdministration(
                principal, .createAccountAlias, resource: principal.accountID.rootARN)
            guard AccountAlias.isValid(alias) else {
                throw IAMError.validationError(
                    "1 validation error detected: Value '\(alias)' at 'accountAlias' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[a-z0-9]([a-z0-9]|-(?!-)){1,61}[a-z0-9]$"
                )
            }
            var account = try AccountRecord.existing(principal.accountID, db)
            if let holder = try AccountRecord.named(alias, db), holder.id != account.id {
                throw IAMError.entityAlreadyExists("The account alias \(alias) already exists.")
            }
            account.alias = alias
            try account.update(db)
        }
    }

    /// `DeleteAccountAlias`: removes the alias `alias` of the caller's account.
    ///
    /// - Throws: `NoSuchEntity` when the account's alias is not `alias`; `AccessDenied` for an
    ///   IAM user, or a console caller not signed in.
    public func deleteAccountAlias(caller: Caller, alias: String) throws {
        try environment.perform(.deleteAccountAlias, caller: caller, resource: alias) { db, principal, _ in
            try Permissions.authorizeAdministration(
                principal, .deleteAccountAlias, resource: principal.accountID.rootARN)
            var account = try AccountRecord.existing(principal.accountID, db)
            guard account.alias == alias else {
                throw IAMError.noSuchEntity("The account alias \(alias) cannot be found.")
            }
            account.alias = nil
            try account.update(db)
        }
    }

    /// `ListAccountAliases`: the caller's account alias, if it has one (AWS allows one). IAM
    /// users may call it too, as AWS's self-management policies allow.
    ///
    /// - Parameter page: `Marker` and `MaxItems`; nil for every alias.
    /// - Throws: `ValidationError` ("Invalid Marker.") for a marker no page of this list gave;
    ///   `AccessDenied` when a console caller is not signed in.
    public func listAccountAliases(caller: Caller, page: PageRequest? = nil) throws -> Page<String> {
        try environment.perform(.listAccountAliases, caller: caller, resource: nil) { db, principal, _ in
            let alias = try AccountRecord.existing(principal.accountID, db).alias
            return try Pagination.page(page, of: .listAccountAliases, keyLength: 1) { after, limit in
                guard let alias, after.map({ alias > $0.values[0] }) ?? true, limit != 0 else { return [] }
                return [alias]
            } key: {
                PageKey($0)
            }
        }
    }
}
