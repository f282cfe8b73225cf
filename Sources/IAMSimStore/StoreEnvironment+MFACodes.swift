import Foundation
import GRDB
import IAMSimCore
import IAMSimDatabase

// MFA code checks shared by the IAM actions (`EnableMFADevice`, `ResyncMFADevice`), STS
// `GetSessionToken` and console sign-in (a code at sign-in, resync from the sign-in page): one
// rule for what a code proves, whichever asks, under the environment's `codePolicy`.
extension StoreEnvironment {
    /// The step of `code2` when the (normalized) codes are a fresh consecutive pair of
    /// `record`'s codes, with code 2's step within `window` of now; under `codePolicy`
    /// `.anySixDigits`, nil for any other pair of six digits (accepted, proving nothing about
    /// the device's clock).
    ///
    /// - Throws: `RefusedCodeError` with `InvalidAuthenticationCode` and the reason;
    ///   `ServiceFailure` for a seed the database holds damaged.
    func verifyPair(
        _ code1: String, _ code2: String, _ record: MFADeviceRecord, now: Date, window: ClosedRange<Int64>,
        _ db: Database
    ) throws -> Int64? {
        do {
            return try verifyPairStrictly(code1, code2, record, now: now, window: window, db)
        } catch is RefusedCodeError
            where codePolicy == .anySixDigits && MFACodeRules.isWellFormed(code1) && MFACodeRules.isWellFormed(code2)
        {
            return nil
        }
    }

    /// `verifyPair` under AWS's rules.
    private func verifyPairStrictly(
        _ code1: String, _ code2: String, _ record: MFADeviceRecord, now: Date, window: ClosedRange<Int64>,
        _ db: Database
    ) throws -> Int64 {
        guard let totp = record.totp else { throw IAMError.serviceFailure("The device's seed is damaged.") }
        let nowStep = TOTP.step(at: now)
        let check = MFACodeRules.checkPair(
            code1: code1, code2: code2, totp: totp, nowStep: nowStep, window: window,
            lastAcceptedStep: record.lastAcceptedStep)
        // A phone on real time against a stopped simulated clock: refused, even when a resync's
        // wide window would take it, since the drift it measured would only be how long ago
        // the clock stopped.
        var fitsActivationWindow = false
        if case .accepted(let step) = check {
            fitsActivationWindow = MFACodeRules.activationWindow.contains(step - nowStep)
        }
        if !fitsActivationWindow,
            try codesFollowRealTime(
                account: record.accountId,
                { wallStep in
                    MFACodeRules.checkPair(
                        code1: code1, code2: code2, totp: totp, nowStep: wallStep,
                        window: MFACodeRules.activationWindow,
                        lastAcceptedStep: record.lastAcceptedStep, explaining: false)
                }, db)
        {
            throw RefusedCodeError(.invalidMFACodes, .simulatedClockStopped)
        }
        switch check {
        case .accepted(let step): return step
        case .refused(let refusal): throw RefusedCodeError(.invalidMFACodes, refusal)
        }
    }

    /// Accepts a single `code` (console sign-in, STS `GetSessionToken`) from any of `devices`,
    /// within the sign-in window around now shifted by each device's drift, and records the
    /// step it used, so it never works again; or says why no device accepts it.
    ///
    /// Under `codePolicy` `.anySixDigits`, a code no device accepts is accepted all the same
    /// when it is six digits (no device records it).
    ///
    /// - Returns: nil when a device accepted the code, else the most telling refusal among
    ///   the devices (used, then too far from now, then wrong).
    func acceptCode(_ code: String, devices: [MFADeviceRecord], now: Date, _ db: Database) throws
        -> CodeRefusal?
    {
        let refusal = try acceptCodeStrictly(code, devices: devices, now: now, db)
        if refusal != nil, codePolicy == .anySixDigits, MFACodeRules.isWellFormed(code) { return nil }
        return refusal
    }

    /// `acceptCode` under AWS's rules.
    private func acceptCodeStrictly(_ code: String, devices: [MFADeviceRecord], now: Date, _ db: Database) throws
        -> CodeRefusal?
    {
        let nowStep = TOTP.step(at: now)
        var refusals: [CodeRefusal] = []
        for var device in devices {
            guard let totp = device.totp else { continue }
            switch MFACodeRules.checkSignIn(
                code: code, totp: totp, nowStep: nowStep, drift: device.drift, lastAcceptedStep: device.lastAcceptedStep
            )
            {
            case .accepted(let step):
                device.lastAcceptedStep = step
                try device.update(db)
                return nil
            case .refused(let refusal):
                refusals.append(refusal)
            }
        }
        let onRealTime = try codesFollowRealTime(
            account: devices.first?.accountId ?? "",
            { wallStep in
                for device in devices {
                    guard let totp = device.totp else { continue }
                    let check = MFACodeRules.checkSignIn(
                        code: code, totp: totp, nowStep: wallStep, drift: device.drift,
                        lastAcceptedStep: device.lastAcceptedStep, explaining: false)
                    if case .accepted = check { return check }
                }
                return .refused(.wrong)
            }, db)
        if onRealTime { return .simulatedClockStopped }
        func rank(_ refusal: CodeRefusal) -> Int {
            switch refusal {
            case .alreadyUsed: 0
            case .tooFarFromNow: 1
            default: 2
            }
        }
        return refusals.min { rank($0) < rank($1) } ?? .wrong
    }

    /// Whether `account`'s clock is simulated and `check` accepts the codes at the real time
    /// step: they come from a phone, which reads real time.
    func codesFollowRealTime(account: String, _ check: (Int64) -> CodeCheck, _ db: Database) throws -> Bool {
        guard try clock.reading(db, account: AccountID(known: account)).isSimulated else { return false }
        if case .accepted = check(TOTP.step(at: clock.realNow())) { return true }
        return false
    }

    /// Re-measures `record`'s clock from two consecutive codes (`ResyncMFADevice`), the device
    /// being `principal`'s: the drift found shifts the sign-in window from then on. A pair
    /// accepted only by `codePolicy` `.anySixDigits` measures nothing: the device is unchanged.
    ///
    /// - Throws: `NoSuchEntity` when the device is not assigned to `principal`; as `verifyPair`.
    func resync(
        _ record: MFADeviceRecord, of principal: Principal, code1: String, code2: String, now: Date, _ db: Database
    ) throws -> MFADevice {
        guard record.isAssigned(to: OwnerKey(principal)) else { throw IAMError.noSuchMFADevice(record.serialNumber) }
        var record = record
        guard let step = try verifyPair(code1, code2, record, now: now, window: MFACodeRules.resyncWindow, db) else {
            return try record.device(db)
        }
        record.drift = step - TOTP.step(at: now)
        record.lastAcceptedStep = step
        try record.update(db)
        return try record.device(db)
    }
}
