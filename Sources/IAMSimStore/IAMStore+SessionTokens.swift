import Foundation
import GRDB
import IAMSimCore
import IAMSimDatabase

extension IAMStore {
    // MARK: - STS session tokens

    /// STS `GetSessionToken`: temporary credentials (`ASIA…`, a secret, a session token) that
    /// sign requests as the caller until they expire on the account's clock; with a device's
    /// code, MFA-authenticated.
    ///
    /// The code is checked as a console sign-in code is (`StoreEnvironment.acceptCode`): within
    /// one step of now shifted by the device's drift, never a step the device already accepted,
    /// and a wrong code counts toward the identity's MFA lockout, shared with sign-in (the
    /// fifth in a row locks both for 15 minutes; a right code clears the count).
    ///
    /// - Parameters:
    ///   - caller: an identity signing with a long-term key (`Caller.principal` with its key);
    ///     temporary credentials and console sessions may not ask.
    ///   - durationSeconds: 900 to 129,600; nil for 43,200 (an IAM user) or 3,600 (root, whose
    ///     sessions last at most an hour: longer requests get an hour, as in AWS).
    ///   - serialNumber: an MFA device assigned to the caller (its ARN), with `tokenCode`.
    /// - Throws: `ValidationError` for a duration off the range or a malformed code;
    ///   `AccessDenied` in AWS's words for temporary callers (`Cannot call GetSessionToken with
    ///   session credentials`), a serial number that is not one of the caller's devices or a
    ///   code without one, a missing, wrong or reused code and a locked identity
    ///   (`invalidMFAOneTimePassCode`; a refused code comes as `RefusedCodeError`, with why).
    public func getSessionToken(
        caller: Caller, durationSeconds: Int? = nil, serialNumber: String? = nil, tokenCode: String? = nil
    ) throws -> SessionCredentials {
        let id = secrets.temporaryAccessKeyID()
        let secret = secrets.secretAccessKey()
        let token = secrets.stsSessionToken()
        return try environment.performKeepingRefusals(.getSessionToken, caller: caller, resource: id) {
            db, principal, now in
            guard case .principal = caller.identity, caller.session == nil else {
                throw IAMError.sessionCredentialsCannotGetSessionToken
            }
            let duration = try SessionTokenRules.duration(requested: durationSeconds, for: principal)
            var device: MFADeviceRecord?
            if serialNumber != nil || tokenCode != nil {
                guard let serialNumber,
                    let found = try MFADeviceRecord.find(serial: serialNumber, in: principal.accountID.rawValue, db),
                    found.isAssigned(to: OwnerKey(principal))
                else { throw IAMError.mfaSerialNotAssociated }
                guard let tokenCode else { throw IAMError.invalidMFAOneTimePassCode }
                let code = try MFACodeRules.validatedTokenCode(tokenCode)
                let subject = try SignInSubject.holder(of: principal, db)
                if let until = subject.lockedUntil, until > now { throw IAMError.invalidMFAOneTimePassCode }
                if let refusal = try environment.acceptCode(code, devices: [found], now: now, db) {
                    _ = try environment.recordFailedCode(
                        subject, now: now, request: caller.eventRequest(mfaAuthenticated: nil), db)
                    return .refused(RefusedCodeError(.invalidMFAOneTimePassCode, refusal))
                }
                try environment.saveLockout(subject, failures: 0, lockedUntil: nil, db)
                device = found
            }
            let record = SessionCredentialRecord(
                id: id, accountId: principal.accountID.rawValue, userId: OwnerKey(principal).userId,
                parentAccessKeyId: caller.accessKeyID, secretAccessKey: secret,
                sessionTokenDigest: SessionCredentials.tokenDigest(token), mfaAuthenticated: device != nil,
                serialNumber: device?.serialNumber, createDate: now,
                expiration: now.addingTimeInterval(TimeInterval(duration)))
            try record.insert(db)
            return .accepted(
                SessionCredentials(
                    accessKeyID: id, secretAccessKey: secret, sessionToken: token, expiration: record.expiration))
        }
    }
}
