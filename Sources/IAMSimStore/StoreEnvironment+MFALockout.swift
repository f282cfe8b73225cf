import Foundation
import GRDB
import IAMSimCore
import IAMSimDatabase

// The MFA lockout, one per identity whichever front door a code comes through: console sign-in
// (and resync from the sign-in page, which lifts it) and STS `GetSessionToken`.
extension StoreEnvironment {
    // MARK: - MFA lockout

    /// Counts a wrong MFA code; the fifth in a row locks sign-in for 15 minutes.
    ///
    /// - Returns: the console's answer to the failed sign-in (`GetSessionToken` answers AWS's
    ///   own refusal instead).
    func recordFailedCode(_ subject: SignInSubject, now: Date, request: EventLog.Request, _ db: Database) throws
        -> IAMError
    {
        let failures = subject.failedMFAAttempts + 1
        var lockedUntil: Date?
        if failures >= SignInRules.maxFailedMFAAttempts {
            lockedUntil = now.addingTimeInterval(SignInRules.lockoutDuration)
        }
        try saveLockout(subject, failures: lockedUntil == nil ? failures : 0, lockedUntil: lockedUntil, db)
        if let lockedUntil {
            try EventLog.append(
                db, name: .mfaLockout, time: now, account: subject.principal.accountID, actor: subject.principal.arn,
                resource: "locked until \(Timestamp.iso8601(lockedUntil))", request: request)
            return .mfaLocked(until: lockedUntil)
        }
        return failures >= SignInRules.resyncHintAfter ? .signInFailedSuggestingResync(failures) : .signInFailed
    }

    /// Clears the lockout counters and records the password's use.
    func recordSuccessfulSignIn(_ subject: SignInSubject, now: Date, _ db: Database) throws {
        try saveLockout(subject, failures: 0, lockedUntil: nil, passwordUsed: now, db)
    }

    /// Stores the MFA failure count and lock of the subject, and when its password was last
    /// used, on its row: the user's, or for root the account's.
    ///
    /// The subject must have been read in the transaction that saves it: the whole row is
    /// written back.
    func saveLockout(
        _ subject: SignInSubject, failures: Int, lockedUntil: Date?, passwordUsed: Date? = nil, _ db: Database
    ) throws {
        if var user = subject.user {
            user.failedMFAAttempts = failures
            user.lockedUntil = lockedUntil
            user.passwordLastUsed = passwordUsed ?? user.passwordLastUsed
            try user.update(db)
        } else {
            var account = subject.account
            account.failedMFAAttempts = failures
            account.lockedUntil = lockedUntil
            account.rootPasswordLastUsed = passwordUsed ?? account.rootPasswordLastUsed
            try account.update(db)
        }
    }
}
