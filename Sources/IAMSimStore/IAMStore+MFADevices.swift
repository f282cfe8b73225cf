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
        return try environment.perform(.createVirtualMFADevice, caller: caller, resource: deviceName) { db, principal, now in
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
            let account = try AccountRecord.existing(accountID, db)
            let uri = OTPAuthURI.aws(deviceName: name.rawValue, accountLabel: account.alias ?? accountID.rawValue, secret: seed)
            return NewVirtualMFADevice(
                device: try record.device(db), base32StringSeed: seed, uri: uri.text)
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
        try environment.perform(.enableMFADevice, caller: caller, resource: device) { db, caller, now in
            let (code1, code2) = try MFACodeRules.validatedPair(code1, code2)
            let principal = try target(userName: userName, caller: caller, action: .enableMFADevice, db)
            var record = try findDevice(device, in: principal.accountID, db)
            guard record.assignedTo == nil else {
                throw IAMError.entityAlreadyExists("MFA Device is already in use.")
            }
            try checkDeviceQuota(for: principal, db)
            let step = try environment.verifyPair(code1, code2, record, now: now, window: MFACodeRules.activationWindow, db)
            // Activation does not measure drift: late but valid codes leave the device
            // out of sync, as AWS warns, until a resync.
            record.assign(to: OwnerKey(principal), now: now, acceptedStep: step)
            try record.update(db)
            return try record.device(db)
        }
    }

    /// `EnableMFADevice` for a hardware TOTP token: the console's "Hardware TOTP token" choice,
    /// where the device is named, identified by the serial printed on it, and proved with two
    /// consecutive codes from its display.
    @discardableResult
    public func enableHardwareMFADevice(
        caller: Caller, deviceName: String, serialNumber: String, code1: String, code2: String, userName: String? = nil
    ) throws -> MFADevice {
        try environment.perform(.enableMFADevice, caller: caller, resource: serialNumber) { db, caller, now in
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
            let step = try environment.verifyPair(code1, code2, record, now: now, window: MFACodeRules.activationWindow, db)
            record.deviceName = name.rawValue
            record.assign(to: OwnerKey(principal), now: now, acceptedStep: step)
            try record.update(db)
            return try record.device(db)
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
        try environment.perform(.resyncMFADevice, caller: caller, resource: device) { db, caller, now in
            let (code1, code2) = try MFACodeRules.validatedPair(code1, code2)
            let principal = try target(userName: userName, caller: caller, action: .resyncMFADevice, db)
            let record = try findDevice(device, in: principal.accountID, db)
            return try environment.resync(record, of: principal, code1: code1, code2: code2, now: now, db)
        }
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
        let type: String? = try environment.reading { db in
            try db.firstValue(
                "SELECT type FROM mfaDevice WHERE serialNumber = ? OR deviceName = ? COLLATE NOCASE",
                arguments: [device, device])
        }
        let eventName: IAMAction = type == MFADeviceType.hardware.rawValue ? .deactivateMFADevice : .deleteVirtualMFADevice
        return try environment.perform(eventName, caller: caller, resource: device) { db, caller, now in
            let principal = try target(userName: userName, caller: caller, action: .deactivateMFADevice, db)
            let record = try findDevice(device, in: principal.accountID, db)
            if record.assignedTo == nil {
                guard record.type == .virtual else { throw IAMError.noSuchMFADevice(record.serialNumber) }
                try Permissions.authorize(caller, .deleteVirtualMFADevice, unassignedDevice: record.serialNumber)
            } else if !record.isAssigned(to: OwnerKey(principal)) {
                throw IAMError.noSuchMFADevice(record.serialNumber)
            }
            let removed = try record.device(db)
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
        try environment.perform(.listMFADevices, caller: caller, resource: userName) { db, caller, _ in
            let principal = try target(userName: userName, caller: caller, action: .listMFADevices, db)
            return try MFADeviceRecord.assigned(to: OwnerKey(principal), db).map { try $0.device(db) }
        }
    }

    /// `ListVirtualMFADevices`: the account's virtual devices, assigned to anyone or awaiting
    /// activation, oldest first, without their seeds. Hardware tokens are never here: AWS lists
    /// them only per identity (`listMFADevices`), and audit scripts read this list to decide
    /// whether root uses a virtual device. IAM users may call it too, as AWS's self-management
    /// policy allows (`iam:ListVirtualMFADevices` on `*`).
    public func listVirtualMFADevices(caller: Caller, assignmentStatus: MFAAssignmentStatus = .any) throws -> [MFADevice] {
        try environment.perform(.listVirtualMFADevices, caller: caller, resource: nil) { db, principal, _ in
            return try MFADeviceRecord.virtual(in: principal.accountID.rawValue, assignmentStatus, db).map { try $0.device(db) }
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
}
