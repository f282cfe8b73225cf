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
    ///     Nil for the root user's only assigned device (the web console's resync page, which
    ///     asks for codes only, as AWS's does).
    ///   - account: when given, only this account's root user (see `signIn`).
    ///   - origin: where the request came from, for the events.
    /// - Throws: `ValidationError` for malformed codes, or for no `device` when root has several;
    ///   `AccessDenied` (`signInFailed`) for a wrong email or password; then `NoSuchEntity` for a
    ///   device that is not root's (or no device at all), and
    ///   `RefusedCodeError` (`InvalidAuthenticationCode` and why) for a refused pair.
    @discardableResult
    public func resyncMFADevice(
        email: String, password: String, device: String?, code1: String, code2: String, account: AccountID?,
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
        let resource: String
        do {
            resource = try device ?? onlyDevice(of: stored.principal)
        } catch let error as IAMError {
            try environment.logFailure(
                .resyncMFADevice, actor: stored.principal, caller: .principal(stored.principal, origin: origin),
                error: error, resource: nil)
            throw error
        }
        return try environment.perform(
            .resyncMFADevice, caller: .principal(stored.principal, origin: origin), resource: resource
        ) {
            db, principal, now in
            guard let record = try MFADeviceRecord.find(serialOrName: resource, in: principal.accountID.rawValue, db)
            else {
                throw IAMError.noSuchMFADevice(
                    MFADeviceName(rawValue: resource)?.serialNumber(in: principal.accountID) ?? resource)
            }
            let resynced = try environment.resync(record, of: principal, code1: code1, code2: code2, now: now, db)
            // The subject as this transaction reads it: its whole row is written back.
            if let current = try SignInSubject.find(.root(email: email), in: account, db) {
                try environment.saveLockout(current, failures: 0, lockedUntil: nil, db)
            }
            return resynced
        }
    }

    /// The serial number of `principal`'s only assigned device: the resync's resource when the
    /// page names none. With none, the empty text (the lookup then answers `NoSuchEntity`).
    ///
    /// - Throws: `ValidationError` when there are several: the page must name one.
    private func onlyDevice(of principal: Principal) throws -> String {
        let devices = try environment.reading { db in try MFADeviceRecord.assigned(to: OwnerKey(principal), db) }
        guard devices.count <= 1 else {
            throw IAMError.validationError(
                "The \(principal.displayName) has \(devices.count) MFA devices: name the one to resync.")
        }
        return devices.first?.serialNumber ?? ""
    }
}
