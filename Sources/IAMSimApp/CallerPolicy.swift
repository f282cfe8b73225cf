import IAMSimCore
import IAMSimStore

/// Who a front end acts as, and on which account: the one rule every front end follows.
///
/// A command may select an account (the CLI's `--account` or `IAMSIM_ACCOUNT`, by id or
/// alias). Console actions then act as that account's newest open session, and nothing else
/// reaches any other account; without a selection, the newest session in the database (one
/// person's database).
public struct CallerPolicy: Sendable {
    let simulator: Simulator
    /// The selected account, if any.
    public let selected: AccountID?

    /// - Parameter selection: an account id or alias, or nil (or empty) for none.
    /// - Throws: `LocalError.noSuchAccount` when no account has that id or alias.
    public init(simulator: Simulator, selection: String?) throws {
        self.simulator = simulator
        if let selection, !selection.isEmpty {
            selected = try simulator.accounts.resolveAccount(selection)
        } else {
            selected = nil
        }
    }

    /// Who console actions act as: the newest open session, of the selected account if one is.
    public var caller: Caller { .console(account: selected) }

    /// The account commands without a session work on: the selected one, else the signed-in
    /// one, else the first in the database.
    ///
    /// - Throws: `LocalError.noAccount` when the database holds no account.
    public func currentAccount() throws -> AccountID {
        if let selected { return selected }
        if let signedIn = try simulator.sessions.signedInPrincipal(account: nil) { return signedIn.accountID }
        guard let first = try simulator.accounts.firstAccount() else {
            throw LocalError.noAccount
        }
        return first
    }

    /// Who auditors act as (audit, credential report): the signed-in session, else the root
    /// user of the current account. An auditor reads the account from outside the console and
    /// needs no sign-in.
    /// - Throws: `LocalError.noAccount` when the database holds no account;
    ///   `DatabaseFileError`.
    public func auditCaller() throws -> Caller {
        if try simulator.sessions.signedInPrincipal(account: selected) != nil { return caller }
        return .principal(.root(try currentAccount()))
    }
}
