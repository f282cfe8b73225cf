import Foundation
import GRDB
import IAMSimCore
import IAMSimDatabase

/// The IAM and STS actions, one file per aggregate (`IAMStore+Users.swift`, `+Groups`,
/// `+AccessKeys`, `+MFADevices`, `+LoginProfiles`, `+PasswordPolicy`, `+AccountSummary`,
/// `+CredentialReport`), named and shaped as in the IAM API.
///
/// Each operation is one transaction: it resolves the caller, reads the clock once, checks the
/// domain rules in IAMSimCore, writes, and appends its event, all or nothing. A failed operation
/// changes nothing and is then logged on its own. Every operation that takes a caller may throw
/// `AccessDenied`: when a console caller is not signed in, and when the caller may not act on
/// what it names (`Permissions`).
///
/// Any method may also throw what the database fails with: `DatabaseFileError` (busy, damaged,
/// inaccessible) or `ServiceFailure`; each method's `- Throws:` lists the rest.
public struct IAMStore: Sendable {
    let environment: StoreEnvironment

    public init(_ environment: StoreEnvironment) {
        self.environment = environment
    }

    /// A store on its own environment (`StoreEnvironment.init`).
    public init(
        database: AppDatabase, wallClock: WallClock, random: RandomSource, hasher: PasswordHasher = PasswordHasher()
    ) {
        self.init(StoreEnvironment(database: database, wallClock: wallClock, random: random, hasher: hasher))
    }

    /// Each account's clock.
    public var clock: SimulationClock { environment.clock }

    /// The database.
    package var database: AppDatabase { environment.database }

    var secrets: SecretGenerator { environment.secrets }

    // MARK: - Targets

    /// The principal `userName` names in the caller's account (the caller when nil), once
    /// the caller is allowed to perform `action` on its credentials.
    ///
    /// - Throws: `ValidationError` for a malformed name, `NoSuchEntity`, `AccessDenied`.
    func target(userName: String?, caller: Principal, action: IAMAction, _ db: Database) throws -> Principal {
        guard let userName else { return caller }
        let target = Principal.user(try user(named: userName, in: caller.accountID, db).user)
        try Permissions.authorize(caller, action, credentialsOf: target)
        return target
    }

    /// The user `name` of `account`, matched case-insensitively as IAM does.
    ///
    /// - Throws: `ValidationError` for a malformed name, `NoSuchEntity`.
    func user(named name: String, in account: AccountID, _ db: Database) throws -> UserRecord {
        try IAMName.validate(name, parameter: "userName", maxLength: 128)
        guard let user = try UserRecord.named(name, in: account.rawValue, db) else { throw IAMError.noSuchUser(name) }
        return user
    }
}
