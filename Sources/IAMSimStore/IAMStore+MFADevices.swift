import Foundation
import GRDB
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
        return try perform("CreateVirtualMFADevice", caller: caller, resource: deviceName) { db, principal, now in
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
            try record.insertRow(db)
            let account = try account(accountID, db)
            let uri = OTPAuthURI.aws(deviceName: name.rawValue, accountLabel: account.alias ?? accountID.rawValue, secret: seed)
            return NewVirtualMFADevice(
                device: try device(record, db), base32StringSeed: seed, uri: uri.text)
        }
    }

    /// `EnableMFADevice`: assigns a device to the caller once two consecutive codes prove
    /// the authenticator holds its seed.
    ///
    /// - Parameter device: the device's name or serial number.
    /// - Throws: `InvalidAuthenticationCode` (nothing changes), `NoSuchEntity`,
    ///   `EntityAlreadyExists` when the device is already assigned, `LimitExceeded` past eight.
    @discardableResult
    public func enableMFADevice(caller: Caller, device: String, code1: String, code2: String, userName: String? = nil) throws
        -> MFADevice
    {
        try perform("EnableMFADevice", caller: caller, resource: device) { db, caller, now in
            let principal = try target(userName: userName, caller: caller, action: "EnableMFADevice", db)
            var record = try findDevice(device, in: principal.accountID, db)
            guard record.assignedTo == nil else {
                throw IAMError.entityAlreadyExists("MFA Device is already in use.")
            }
            try checkDeviceQuota(for: principal, db)
            let step = try verifyPair(code1, code2, record, now: now)
            let owner = OwnerKey(principal)
            record.assignedTo = owner.userId == nil ? .root : .user
            record.userId = owner.userId
            record.enableDate = now
            record.lastAcceptedStep = step
            // Activation does not measure drift: late but valid codes leave the device
            // out of sync, as AWS warns, until a resync.
            try record.updateRow(db)
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
        try perform("EnableMFADevice", caller: caller, resource: serialNumber) { db, caller, now in
            let principal = try target(userName: userName, caller: caller, action: "EnableMFADevice", db)
            let name = try MFADeviceName(validating: deviceName)
            guard HardwareSerial.isValid(serialNumber),
                var record = try MFADeviceRecord.find(key: serialNumber, db),
                record.type == .hardware, record.accountId == principal.accountID.rawValue
            else {
                throw IAMError.noSuchEntity("No hardware MFA device with serial number \(serialNumber) is known to AWS.")
            }
            guard record.assignedTo == nil else { throw IAMError.entityAlreadyExists("MFA Device is already in use.") }
            let taken = try MFADeviceRecord.filter(MFADeviceRecord.Columns.accountId == principal.accountID.rawValue)
                .filter(sql: "deviceName = ? COLLATE NOCASE AND serialNumber != ?", arguments: [name.rawValue, serialNumber])
                .fetchCount(db)
            guard taken == 0 else {
                throw IAMError.entityAlreadyExists("MFADevice entity at the same path and name already exists.")
            }
            try checkDeviceQuota(for: principal, db)
            let step = try verifyPair(code1, code2, record, now: now)
            let owner = OwnerKey(principal)
            record.deviceName = name.rawValue
            record.assignedTo = owner.userId == nil ? .root : .user
            record.userId = owner.userId
            record.enableDate = now
            record.lastAcceptedStep = step
            try record.updateRow(db)
            return try device(record, db)
        }
    }

    /// `ResyncMFADevice`: re-measures the device's clock from two consecutive codes.
    ///
    /// The drift found (how many steps the device runs behind or ahead) shifts the sign-in
    /// window from then on.
    @discardableResult
    public func resyncMFADevice(caller: Caller, device: String, code1: String, code2: String, userName: String? = nil)
        throws -> MFADevice
    {
        try perform("ResyncMFADevice", caller: caller, resource: device) { db, caller, now in
            let principal = try target(userName: userName, caller: caller, action: "ResyncMFADevice", db)
            return try resync(device, of: principal, code1: code1, code2: code2, now: now, db)
        }
    }

    /// Resync from the sign-in page ("Troubleshoot MFA → Re-sync with our servers"): for a
    /// root user who cannot sign in because the device is out of sync. The password proves
    /// who it is; a successful resync also lifts an MFA lockout.
    @discardableResult
    public func resyncMFADevice(email: String, password: String, device: String, code1: String, code2: String) throws
        -> MFADevice
    {
        let stored = try reading { db in try subject(.root(email: email), db) }
        guard let stored, hasher.verify(password, against: stored.passwordHash) else {
            try logFailure(
                "ResyncMFADevice", actor: nil, caller: .console(account: stored?.account.accountID), error: .signInFailed,
                resource: device)
            throw IAMError.signInFailed
        }
        return try perform("ResyncMFADevice", caller: .principal(stored.principal), resource: device) { db, principal, now in
            let resynced = try resync(device, of: principal, code1: code1, code2: code2, now: now, db)
            try saveLockout(stored, failures: 0, lockedUntil: nil, db)
            return resynced
        }
    }

    private func resync(
        _ device: String, of principal: Principal, code1: String, code2: String, now: Date, _ db: Database
    ) throws -> MFADevice {
        var record = try findDevice(device, in: principal.accountID, db)
        guard record.isAssigned(to: OwnerKey(principal)) else { throw IAMError.noSuchMFADevice(record.serialNumber) }
        let step = try verifyPair(code1, code2, record, now: now)
        record.drift = step - TOTP.step(at: now)
        record.lastAcceptedStep = step
        try record.updateRow(db)
        return try self.device(record, db)
    }

    /// Removes a device as the console's "Remove" does: `DeactivateMFADevice`, then for a
    /// virtual device `DeleteVirtualMFADevice`, in one transaction. An unassigned virtual
    /// device (an abandoned "Assign MFA device" wizard) is simply deleted.
    @discardableResult
    public func removeMFADevice(caller: Caller, device: String, userName: String? = nil) throws -> MFADevice {
        let type: String? = try reading { db in
            try db.firstValue(
                "SELECT type FROM mfaDevice WHERE serialNumber = ? OR deviceName = ? COLLATE NOCASE",
                arguments: [device, device])
        }
        let eventName = type == MFADeviceType.hardware.rawValue ? "DeactivateMFADevice" : "DeleteVirtualMFADevice"
        return try perform(eventName, caller: caller, resource: device) { db, caller, now in
            let principal = try target(userName: userName, caller: caller, action: "DeactivateMFADevice", db)
            let record = try findDevice(device, in: principal.accountID, db)
            let owner = OwnerKey(principal)
            guard record.assignedTo == nil || record.isAssigned(to: owner) else {
                throw IAMError.noSuchMFADevice(record.serialNumber)
            }
            let removed = try self.device(record, db)
            switch record.type {
            case .virtual:
                if record.assignedTo != nil {
                    try EventLog.append(
                        db, name: "DeactivateMFADevice", time: now, account: principal.accountID, actor: caller.arn,
                        resource: device)
                }
                try record.deleteRow(db)
            case .hardware:
                // The token goes back in the drawer: unassigned, known by its serial again.
                var unassigned = record
                unassigned.assignedTo = nil
                unassigned.userId = nil
                unassigned.enableDate = nil
                unassigned.deviceName = record.serialNumber
                unassigned.drift = 0
                try unassigned.updateRow(db)
            }
            return removed
        }
    }

    /// The caller's MFA devices, then devices awaiting activation, oldest first.
    public func listMFADevices(caller: Caller, userName: String? = nil) throws -> [MFADevice] {
        try perform("ListVirtualMFADevices", caller: caller, resource: userName) { db, caller, _ in
            let principal = try target(userName: userName, caller: caller, action: "ListMFADevices", db)
            let assigned = try MFADeviceRecord.assigned(to: OwnerKey(principal), db)
            let pending = try MFADeviceRecord.pending(in: principal.accountID.rawValue, db)
            return try (assigned + pending).map { try device($0, db) }
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
        let count = try MFADeviceRecord.assigned(to: OwnerKey(principal), db).count
        guard count < MFADeviceRules.maxDevicesPerIdentity else {
            throw IAMError.quotaExceeded("MFADevicesPerUser", MFADeviceRules.maxDevicesPerIdentity)
        }
    }

    /// The step of `code2` when the codes are a fresh consecutive pair of `record`'s codes.
    private func verifyPair(_ code1: String, _ code2: String, _ record: MFADeviceRecord, now: Date) throws -> Int64 {
        guard let totp = record.totp else { throw IAMError.serviceFailure("The device's seed is damaged.") }
        let step = try MFACodeRules.consecutivePairStep(code1: code1, code2: code2, totp: totp, nowStep: TOTP.step(at: now))
        // Codes the device already spent (at activation or sign-in) never count again.
        if let last = record.lastAcceptedStep, step - 1 <= last { throw IAMError.invalidMFACodes }
        return step
    }

    func device(_ record: MFADeviceRecord, _ db: Database) throws -> MFADevice {
        let account = AccountID(known: record.accountId)
        let assignedTo: Principal? =
            switch record.assignedTo {
            case nil: nil
            case .root: .root(account)
            case .user: try record.userId.flatMap { try UserRecord.find(key: $0, db) }.map { .user($0.user) }
            }
        return MFADevice(
            serialNumber: record.serialNumber, deviceName: record.deviceName, type: record.type,
            createDate: record.createDate, assignedTo: assignedTo, enableDate: record.enableDate, drift: record.drift)
    }
}
