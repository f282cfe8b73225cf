import Foundation
import GRDB
import IAMSimCore
import IAMSimDatabase

extension ConsoleSessions {
    // MARK: - Resync from the sign-in page

    /// Resync from the sign-in page ("Troubleshoot MFA → Re-sync with our servers"): for a
    /// root user who cannot sign in because the device is out of sync. The password proves
    /// who it is; a successful resync also lifts an MFA lockout.
    ///
    /// Malformed codes are refused before the password is checked, so that answer never
    /// tells whether the password was right; a refused pair's reason comes only after it.
    ///
    /// - Parameters:
    ///   - device: the device's serial number or name: the sign-in page knows the identity only
    ///     once the password proves it, so the device is looked up after that, in its account.
    ///   - account: when given, only this account's root user (see `signIn`).
    ///   - origin: where the request came from, for the events.
    /// - Throws: `ValidationError` for malformed codes; `AccessDenied` (`signInFailed`) for a
    ///   wrong email or password; then `NoSuchEntity` for a device that is not root's, and
    ///   `RefusedCodeError` (`InvalidAuthenticationCode` and why) for a refused pair.
    @discardableResult
    public func resyncMFADevice(
        email: String, password: String, device: String, code1: String, code2: String, account: AccountID?,
        origin: RequestOrigin = .commandLine
    ) throws -> MFADevice {
        let codes: (String, String)
        do throws(IAMError) {
            codes = try MFACodeRules.validatedPair(code1, code2)
        } catch {
            try environment.logFailure(
                .resyncMFADevice, actor: nil, caller: .console(account: account, origin: origin), error: error,
                resource: device)
            throw error
        }
        let (code1, code2) = codes
        let stored = try environment.reading { db in try SignInSubject.find(.root(email: email), in: account, db) }
        guard let stored, environment.hasher.verify(password, against: stored.passwordHash) else {
            try environment.logFailure(
                .resyncMFADevice, actor: nil,
                caller: .console(account: stored?.account.accountID ?? account, origin: origin),
                error: .signInFailed,
                resource: device)
            throw IAMError.signInFailed
        }
        return try environment.perform(
            .resyncMFADevice, caller: .principal(stored.principal, origin: origin),
            resource: device
        ) {
            db, principal, now in
            guard let record = try MFADeviceRecord.find(serialOrName: device, in: principal.accountID.rawValue, db)
            else {
                throw IAMError.noSuchMFADevice(
                    MFADeviceName(rawValue: device)?.serialNumber(in: principal.accountID) ?? device)
            }
            let resynced = try environment.resync(record, of: principal, code1: code1, code2: code2, now: now, db)
            // The subject as this transaction reads it: its whole row is written back.
            if let current = try SignInSubject.find(.root(email: email), in: account, db) {
                try environment.saveLockout(current, failures: 0, lockedUntil: nil, db)
            }
            return resynced
        }
    }
}
