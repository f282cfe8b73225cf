import Foundation
import GRDB
import IAMSimDatabase
import IAMSimCore

extension IAMStore {
    // MARK: - MFA devices

    /// `CreateVirtualMFADevice`: a new, unassigned virtual device with a fresh 40-byte seed.
    ///
    /// This is the console's "Assign MFA device" wizard up to "Show QR code": the device exists
    /// but protects nothing until `enableMFADevice` proves the authenticator holds its seed.
    @discardableResult
    public func createVirtualMFADevice(caller: Caller, deviceName: String) throws -> NewVirtualMFADevice {
        let seed = secrets.mfaSeed()
        return try perform(.createVirtualMFADevice, caller: caller, resource: deviceName) { db, principal, now in
            let name = try MFADeviceName(validating: deviceName)
            let accountID = principal.accountID
            let serial = name.serialNumber(in: accountID)
            guard try MFADeviceRecord.find(name: name.rawValue, in: accountID.rawValue, db) == nil else {
                throw IAMError.entityAlreadyExists("MFADevice entity at the same path and name already exists.")
            }
            try checkDeviceQuota(for: principal, db)
            let record = MFADeviceRecord(
                serialNumber: serial, accountId: accountID.rawValue, deviceName: name.rawValue, type: .virtual,
                seed: seed, createDate: now, assignedTo: nil, userId: nil, enableDate: nil, lastAcceptedStep: nil,
                drift: 0)
            try record.insert(db)
            let account = try account(accountID, db)
            let uri = OTPAuthURI.aws(deviceName: name.rawValue, accountLabel: account.alias ?? accountID.rawValue, secret: seed)
            return NewVirtualMFADevice(
                device: try device(record, db), base32StringSeed: seed, uri: uri.text)
        }
    }

    /// `EnableMFADevice`: assigns a device to the caller once two consecutive codes prove
    /// the authenticator holds its seed.
    ///
    /// Codes may hold whitespace, as apps show them (`123 456`); it is removed first.
    /// - Parameter device: the device's name or serial number.
    /// - Throws: `ValidationError` for a code that is not six digits; `RefusedCodeError`
    ///   (`InvalidAuthenticationCode` and why) for a refused pair (nothing changes then);
    ///   `NoSuchEntity`; `EntityAlreadyExists` when the device is already assigned;
    ///   `LimitExceeded` past eight.
    @discardableResult
    public func enableMFADevice(caller: Caller, device: String, code1: String, code2: String, userName: String? = nil) throws
        -> MFADevice
    {
        try perform(.enableMFADevice, caller: caller, resource: device) { db, caller, now in
            let (code1, code2) = try MFACodeRules.validatedPair(code1, code2)
            let principal = try target(userName: userName, caller: caller, action: .enableMFADevice, db)
            var record = try findDevice(device, in: principal.accountID, db)
            guard record.assignedTo == nil else {
                throw IAMError.entityAlreadyExists("MFA Device is already in use.")
            }
            try checkDeviceQuota(for: principal, db)
            let step = try verifyPair(code1, code2, record, now: now, window: MFACodeRules.activationWindow, db)
            // Activation does not measure drift: late but valid codes leave the device
            // out of sync, as AWS warns, until a resync.
            record.assign(to: OwnerKey(principal), now: now, acceptedStep: step)
            try record.update(db)
            return try self.device(record, db)
        }
    }

    /// `EnableMFADevice` for a hardware TOTP token: the console's "Hardware TOTP token" choice,
    /// where the device is named, identified by the serial printed on it, and proved with two
    /// consecutive codes from its display.
    @discardableResult
    public func enableHardwareMFADevice(
        caller: Caller, deviceName: String, serialNumber: String, code1: String, code2: String, userName: String? = nil
    ) throws -> MFADevice {
        try perform(.enableMFADevice, caller: caller, resource: serialNumber) { db, caller, now in
            let (code1, code2) = try MFACodeRules.validatedPair(code1, code2)
            let principal = try target(userName: userName, caller: caller, action: .enableMFADevice, db)
            let name = try MFADeviceName(validating: deviceName)
            guard HardwareSerial.isValid(serialNumber),
                var record = try MFADeviceRecord.find(db, key: serialNumber),
                record.type == .hardware, record.accountId == principal.accountID.rawValue
            else {
                throw IAMError.noSuchEntity("No hardware MFA device with serial number \(serialNumber) is known to AWS.")
            }
            guard record.assignedTo == nil else { throw IAMError.entityAlreadyExists("MFA Device is already in use.") }
            if let taken = try MFADeviceRecord.find(name: name.rawValue, in: principal.accountID.rawValue, db),
                taken.serialNumber != serialNumber
            {
                throw IAMError.entityAlreadyExists("MFADevice entity at the same path and name already exists.")
            }
            try checkDeviceQuota(for: principal, db)
            let step = try verifyPair(code1, code2, record, now: now, window: MFACodeRules.activationWindow, db)
            record.deviceName = name.rawValue
            record.assign(to: OwnerKey(principal), now: now, acceptedStep: step)
            try record.update(db)
            return try device(record, db)
        }
    }

    /// `ResyncMFADevice`: re-measures the device's clock from two consecutive codes.
    ///
    /// The pair is looked for up to `MFACodeRules.resyncReach` steps either side of now, so
    /// a phone that runs fast is found as well as a slow one. The drift found (how many steps
    /// the device runs behind or ahead) shifts the sign-in window from then on.
    /// - Throws: as `enableMFADevice`.
    @discardableResult
    public func resyncMFADevice(caller: Caller, device: String, code1: String, code2: String, userName: String? = nil)
        throws -> MFADevice
    {
        try perform(.resyncMFADevice, caller: caller, resource: device) { db, caller, now in
            let (code1, code2) = try MFACodeRules.validatedPair(code1, code2)
            let principal = try target(userName: userName, caller: caller, action: .resyncMFADevice, db)
            return try resync(device, of: principal, code1: code1, code2: code2, now: now, db)
        }
    }

    /// Resync from the sign-in page ("Troubleshoot MFA → Re-sync with our servers"): for a
    /// root user who cannot sign in because the device is out of sync. The password proves
    /// who it is; a successful resync also lifts an MFA lockout.
    ///
    /// Malformed codes are refused before the password is checked, so that answer never
    /// tells whether the password was right; a refused pair's reason comes only after it.
    @discardableResult
    ///
    /// - Parameter account: when given, only this account's root user (see `signIn`).
    public func resyncMFADevice(
        email: String, password: String, device: String, code1: String, code2: String, account: AccountID?
    ) throws -> MFADevice {
        let codes: (String, String)
        do throws(IAMError) {
            codes = try MFACodeRules.validatedPair(code1, code2)
        } catch {
            try logFailure(.resyncMFADevice, actor: nil, caller: .console(account: account), error: error, resource: device)
            throw error
        }
        let (code1, code2) = codes
        let stored = try reading { db in try subject(.root(email: email), in: account, db) }
        guard let stored, hasher.verify(password, against: stored.passwordHash) else {
            try logFailure(
                .resyncMFADevice, actor: nil, caller: .console(account: stored?.account.accountID ?? account),
                error: .signInFailed,
                resource: device)
            throw IAMError.signInFailed
        }
        return try perform(.resyncMFADevice, caller: .principal(stored.principal), resource: device) { db, principal, now in
            let resynced = try resync(device, of: principal, code1: code1, code2: code2, now: now, db)
            // The subject as this transaction reads it: its whole row is written back.
            if let current = try subject(.root(email: email), in: account, db) {
                try saveLockout(current, failures: 0, lockedUntil: nil, db)
            }
            return resynced
        }
    }

    private func resync(
        _ device: String, of principal: Principal, code1: String, code2: String, now: Date, _ db: Database
    ) throws -> MFADevice {
        var record = try findDevice(device, in: principal.accountID, db)
        guard record.isAssigned(to: OwnerKey(principal)) else { throw IAMError.noSuchMFADevice(record.serialNumber) }
        let step = try verifyPair(code1, code2, record, now: now, window: MFACodeRules.resyncWindow, db)
        record.drift = step - TOTP.step(at: now)
        record.lastAcceptedStep = step
        try record.update(db)
        return try self.device(record, db)
    }

    /// Removes a device as the console's "Remove" does: `DeactivateMFADevice`, then for a
    /// virtual device `DeleteVirtualMFADevice`, in one transaction. An unassigned virtual
    /// device (an abandoned "Assign MFA device" wizard) is simply deleted, by root or by the
    /// user it is named after (`Permissions.authorize(_:_:unassignedDevice:)`).
    ///
    /// - Throws: `NoSuchEntity` for a device that is not the identity's (an unassigned hardware
    ///   token is nobody's device); `AccessDenied` for another user's credentials or an
    ///   unassigned device the caller may not delete.
    @discardableResult
    public func removeMFADevice(caller: Caller, device: String, userName: String? = nil) throws -> MFADevice {
        let type: String? = try reading { db in
            try db.firstValue(
                "SELECT type FROM mfaDevice WHERE serialNumber = ? OR deviceName = ? COLLATE NOCASE",
                arguments: [device, device])
        }
        let eventName: IAMAction = type == MFADeviceType.hardware.rawValue ? .deactivateMFADevice : .deleteVirtualMFADevice
        return try perform(eventName, caller: caller, resource: device) { db, caller, now in
            let principal = try target(userName: userName, caller: caller, action: .deactivateMFADevice, db)
            let record = try findDevice(device, in: principal.accountID, db)
            if record.assignedTo == nil {
                guard record.type == .virtual else { throw IAMError.noSuchMFADevice(record.serialNumber) }
                try Permissions.authorize(caller, .deleteVirtualMFADevice, unassignedDevice: record.serialNumber)
            } else if !record.isAssigned(to: OwnerKey(principal)) {
                throw IAMError.noSuchMFADevice(record.serialNumber)
            }
            let removed = try self.device(record, db)
            switch record.type {
            case .virtual:
                if record.assignedTo != nil {
                    try EventLog.append(
                        db, name: .deactivateMFADevice, time: now, account: principal.accountID, actor: caller.arn,
                        resource: device)
                }
                try record.delete(db)
            case .hardware:
                // The token goes back in the drawer: unassigned, known by its serial again.
                var unassigned = record
                unassigned.assignedTo = nil
                unassigned.userId = nil
                unassigned.enableDate = nil
                unassigned.deviceName = record.serialNumber
                unassigned.drift = 0
                try unassigned.update(db)
            }
            return removed
        }
    }

    /// `ListMFADevices`: the devices assigned to `userName`, or to the caller when nil, of any
    /// type (virtual and hardware), oldest first. Devices awaiting activation are assigned to
    /// no one, so they are not here (`listVirtualMFADevices(assignmentStatus: .unassigned)`).
    ///
    /// - Throws: `NoSuchEntity` for an unknown user; `AccessDenied` for another user's devices.
    public func listMFADevices(caller: Caller, userName: String? = nil) throws -> [MFADevice] {
        try perform(.listMFADevices, caller: caller, resource: userName) { db, caller, _ in
            let principal = try target(userName: userName, caller: caller, action: .listMFADevices, db)
            return try MFADeviceRecord.assigned(to: OwnerKey(principal), db).map { try device($0, db) }
        }
    }

    /// `ListVirtualMFADevices`: the account's virtual devices, assigned to anyone or awaiting
    /// activation, oldest first, without their seeds. Hardware tokens are never here: AWS lists
    /// them only per identity (`listMFADevices`), and audit scripts read this list to decide
    /// whether root uses a virtual device. IAM users may call it too, as AWS's self-management
    /// policy allows (`iam:ListVirtualMFADevices` on `*`).
    public func listVirtualMFADevices(caller: Caller, assignmentStatus: MFAAssignmentStatus = .any) throws -> [MFADevice] {
        try perform(.listVirtualMFADevices, caller: caller, resource: nil) { db, principal, _ in
            return try MFADeviceRecord.virtual(in: principal.accountID.rawValue, assignmentStatus, db).map { try device($0, db) }
        }
    }

    // MARK: - Helpers

    /// The device named `nameOrSerial` in `account`.
    func findDevice(_ nameOrSerial: String, in account: AccountID, _ db: Database) throws -> MFADeviceRecord {
        if let record = try MFADeviceRecord.find(serial: nameOrSerial, in: account.rawValue, db) {
            return record
        }
        if IAMName.hasValidCharacters(nameOrSerial),
            let record = try MFADeviceRecord.find(name: nameOrSerial, in: account.rawValue, db)
        {
            return record
        }
        let serial =
            MFADeviceName(rawValue: nameOrSerial)?.serialNumber(in: account) ?? nameOrSerial
        throw IAMError.noSuchMFADevice(serial)
    }

    private func checkDeviceQuota(for principal: Principal, _ db: Database) throws {
        guard try MFADeviceRecord.count(assignedTo: OwnerKey(principal), db) < MFADeviceRules.maxDevicesPerIdentity else {
            throw IAMError.quotaExceeded("MFADevicesPerUser", MFADeviceRules.maxDevicesPerIdentity)
        }
    }

    /// The step of `code2` when the (normalized) codes are a fresh consecutive pair of
    /// `record`'s codes, with code 2's step within `window` of now.
    ///
    /// - Throws: `RefusedCodeError` with `InvalidAuthenticationCode` and the reason.
    private func verifyPair(
        _ code1: String, _ code2: String, _ record: MFADeviceRecord, now: Date, window: ClosedRange<Int64>, _ db: Database
    ) throws -> Int64 {
        guard let totp = record.totp else { throw IAMError.serviceFailure("The device's seed is damaged.") }
        let nowStep = TOTP.step(at: now)
        let check = MFACodeRules.checkPair(
            code1: code1, code2: code2, totp: totp, nowStep: nowStep, window: window, lastAcceptedStep: record.lastAcceptedStep)
        // A phone on real time against a stopped simulated clock: refused, even when a resync's
        // wide window would take it, since the drift it measured would only be how long ago
        // the clock stopped.
        var fitsActivationWindow = false
        if case .accepted(let step) = check { fitsActivationWindow = MFACodeRules.activationWindow.contains(step - nowStep) }
        if !fitsActivationWindow,
            try codesFollowRealTime(account: record.accountId, { wallStep in
                MFACodeRules.checkPair(
                    code1: code1, code2: code2, totp: totp, nowStep: wallStep, window: MFACodeRules.activationWindow,
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

    /// Whether `account`'s clock is simulated and `check` accepts the codes at the real time
    /// step: they come from a phone, which reads real time.
    func codesFollowRealTime(account: String, _ check: (Int64) -> CodeCheck, _ db: Database) throws -> Bool {
        guard try clock.reading(db, account: AccountID(known: account)).isSimulated else { return false }
        if case .accepted = check(TOTP.step(at: clock.realNow())) { return true }
        return false
    }

    func device(_ record: MFADeviceRecord, _ db: Database) throws -> MFADevice {
        let account = AccountID(known: record.accountId)
        let assignedTo: Principal? =
            switch record.assignedTo {
            case nil: nil
            case .root: .root(account)
            case .user: try record.userId.flatMap { try UserRecord.find(db, key: $0) }.map { .user($0.user) }
            }
        return MFADevice(
            serialNumber: record.serialNumber, deviceName: record.deviceName, type: record.type,
            createDate: record.createDate, assignedTo: assignedTo, enableDate: record.enableDate, drift: record.drift)
    }
}
