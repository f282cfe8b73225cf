import Foundation
import GRDB
import IAMSimCore
import IAMSimDatabase

extension IAMStore {
    // MARK: - MFA devices

    /// `CreateVirtualMFADevice`: a new, unassigned virtual device with a fresh 40-byte seed.
    ///
    /// This is the console's "Assign MFA device" wizard up to "Show QR code": the device exists
    /// but protects nothing until `enableMFADevice` proves the authenticator holds its seed. Its
    /// serial number is `arn:aws:iam::ACCOUNT:mfa/NAME`.
    ///
    /// - Throws: `ValidationError` for a malformed name; `EntityAlreadyExists` when the account
    ///   has a device of that name (names ignore case); `LimitExceeded` when the caller already
    ///   has eight devices; `AccessDenied` when a console caller is not signed in.
    @discardableResult
    public func createVirtualMFADevice(caller: Caller, deviceName: String) throws -> NewVirtualMFADevice {
        let seed = secrets.mfaSeed()
        return try environment.perform(.createVirtualMFADevice, caller: caller, resource: deviceName) {
            db, principal, now in
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
            let uri = OTPAuthURI.aws(
                deviceName: name.rawValue, accountLabel: account.alias ?? accountID.rawValue, secret: seed)
            return NewVirtualMFADevice(
                device: try record.device(db), base32StringSeed: seed, uri: uri.text)
        }
    }

    /// `EnableMFADevice`: assigns the device `serialNumber` to `userName` (the caller when nil)
    /// once two consecutive codes prove its authenticator holds the seed. A virtual device is
    /// one `createVirtualMFADevice` made; a hardware token one of the account's unassigned
    /// tokens (its serial printed on it).
    ///
    /// Codes may hold whitespace, as apps show them (`123 456`); it is removed first.
    /// - Throws: `ValidationError` for a code that is not six digits; `NoSuchEntity` for an
    ///   unknown device or user; `EntityAlreadyExists` when the device is already assigned;
    ///   `LimitExceeded` past eight devices; `RefusedCodeError` (`InvalidAuthenticationCode` and
    ///   why) for a refused pair, which changes nothing; `AccessDenied` for another user's
    ///   credentials, or a console caller not signed in.
    @discardableResult
    public func enableMFADevice(
        caller: Caller, serialNumber: String, code1: String, code2: String, userName: String? = nil
    ) throws -> MFADevice {
        try performOnDevice(.enableMFADevice, caller, serialNumber, userName, codes: (code1, code2)) {
            db, principal, record, now, codes in
            var record = record
            let (code1, code2) = codes
            guard record.assignedTo == nil else {
                throw IAMError.entityAlreadyExists("MFA Device is already in use.")
            }
            try checkDeviceQuota(for: principal, db)
            let step = try environment.verifyPair(
                code1, code2, record, now: now, window: MFACodeRules.activationWindow, db)
            // Activation does not measure drift: late but valid codes leave the device
            // out of sync, as AWS warns, until a resync.
            record.assign(to: OwnerKey(principal), now: now, acceptedStep: step)
            try record.update(db)
            return try record.device(db)
        }
    }

    /// `EnableMFADevice` for a hardware TOTP token: the console's "Hardware TOTP token" choice,
    /// where the device is named, identified by the serial printed on it, and proved with two
    /// consecutive codes from its display. The token keeps its serial number; `deviceName` is
    /// what the console lists it as.
    ///
    /// - Throws: as `enableMFADevice`; `NoSuchEntity` (in AWS's words for an unknown token)
    ///   when no unassigned hardware token of the caller's account has that serial number;
    ///   `EntityAlreadyExists` when another device has that name.
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
                throw IAMError.noSuchEntity(
                    "No hardware MFA device with serial number \(serialNumber) is known to AWS.")
            }
            guard record.assignedTo == nil else { throw IAMError.entityAlreadyExists("MFA Device is already in use.") }
            if let taken = try MFADeviceRecord.find(name: name.rawValue, in: principal.accountID.rawValue, db),
                taken.serialNumber != serialNumber
            {
                throw IAMError.entityAlreadyExists("MFADevice entity at the same path and name already exists.")
            }
            try checkDeviceQuota(for: principal, db)
            let step = try environment.verifyPair(
                code1, code2, record, now: now, window: MFACodeRules.activationWindow, db)
            record.deviceName = name.rawValue
            record.assign(to: OwnerKey(principal), now: now, acceptedStep: step)
            try record.update(db)
            return try record.device(db)
        }
    }

    /// `ResyncMFADevice`: re-measures the clock of the device `serialNumber`, assigned to
    /// `userName` (the caller when nil), from two consecutive codes.
    ///
    /// The pair is looked for up to `MFACodeRules.resyncReach` steps either side of now, so
    /// a phone that runs fast is found as well as a slow one. The drift found (how many steps
    /// the device runs behind or ahead) shifts the sign-in window from then on.
    /// - Throws: `ValidationError` for a code that is not six digits; `NoSuchEntity` for a
    ///   device not assigned to that identity, or an unknown user; `RefusedCodeError`
    ///   (`InvalidAuthenticationCode` and why) for a refused pair; `AccessDenied` for another
    ///   user's credentials, or a console caller not signed in.
    @discardableResult
    public func resyncMFADevice(
        caller: Caller, serialNumber: String, code1: String, code2: String, userName: String? = nil
    ) throws -> MFADevice {
        try performOnDevice(.resyncMFADevice, caller, serialNumber, userName, codes: (code1, code2)) {
            db, principal, record, now, codes in
            try environment.resync(record, of: principal, code1: codes.0, code2: codes.1, now: now, db)
        }
    }

    /// `DeactivateMFADevice`: unassigns the device `serialNumber` from `userName` (the caller
    /// when nil). A virtual device stays, unassigned, until `deleteVirtualMFADevice`; a hardware
    /// token goes back to the drawer, unassigned and known by its serial number again.
    ///
    /// - Returns: the device as it was when deactivated, with the proof that lets the same
    ///   caller delete it next (the console's Remove).
    /// - Throws: `NoSuchEntity` for a device not assigned to that identity (an unassigned one
    ///   is nobody's), or an unknown user; `AccessDenied` for another user's credentials, or a
    ///   console caller not signed in.
    @discardableResult
    public func deactivateMFADevice(caller: Caller, serialNumber: String, userName: String? = nil) throws
        -> DeactivatedMFADevice
    {
        try performOnDevice(.deactivateMFADevice, caller, serialNumber, userName) { db, principal, record, _, _ in
            guard record.isAssigned(to: OwnerKey(principal)) else { throw IAMError.noSuchMFADevice(serialNumber) }
            var record = record
            let deactivated = DeactivatedMFADevice(device: try record.device(db), formerOwner: principal)
            record.unassign()
            try record.update(db)
            return deactivated
        }
    }

    /// `DeleteVirtualMFADevice`: deletes the virtual device `serialNumber`, which must be
    /// unassigned. Root may delete any; an IAM user the one named after them
    /// (`arn:aws:iam::ACCOUNT:mfa/${aws:username}`, AWS's self-management policy), or one it has
    /// just deactivated from itself (`deactivated`, the console's Remove).
    ///
    /// - Throws: `DeleteConflict` while the device is assigned (deactivate it first);
    ///   `NoSuchEntity` for no virtual device of that serial number in the caller's account;
    ///   `AccessDenied` for a device the caller may not delete, or a console caller not signed in.
    public func deleteVirtualMFADevice(
        caller: Caller, serialNumber: String, deactivated: DeactivatedMFADevice? = nil
    ) throws {
        try environment.perform(.deleteVirtualMFADevice, caller: caller, resource: serialNumber) { db, principal, _ in
            let record = try device(serialNumber, in: principal.accountID, db)
            guard record.type == .virtual else { throw IAMError.noSuchMFADevice(serialNumber) }
            guard record.assignedTo == nil else {
                throw IAMError.deleteConflict("MFA VirtualDevice in use. Must deactivate first.")
            }
            let formerOwner = deactivated.flatMap { $0.device.serialNumber == serialNumber ? $0.formerOwner : nil }
            try Permissions.authorize(
                principal, .deleteVirtualMFADevice, unassignedDevice: serialNumber, deactivatedFrom: formerOwner)
            try record.delete(db)
        }
    }

    /// `GetMFADevice`: the device `serialNumber` assigned to `userName` (the caller when nil).
    ///
    /// AWS documents it for FIDO security keys; iamsim simulates none, and answers for the
    /// devices it has, virtual and hardware, as for any assigned device (docs/differences.md).
    /// - Throws: `NoSuchEntity` for a device not assigned to that identity, or an unknown user;
    ///   `AccessDenied` for another user's credentials, or a console caller not signed in.
    public func getMFADevice(caller: Caller, serialNumber: String, userName: String? = nil) throws -> MFADevice {
        try performOnDevice(.getMFADevice, caller, serialNumber, userName) { db, principal, record, _, _ in
            guard record.isAssigned(to: OwnerKey(principal)) else { throw IAMError.noSuchMFADevice(serialNumber) }
            return try record.device(db)
        }
    }

    /// `ListMFADevices`: the devices assigned to `userName`, or to the caller when nil, of any
    /// type (virtual and hardware), oldest first. Devices awaiting activation are assigned to
    /// no one, so they are not here (`listVirtualMFADevices(assignmentStatus: .unassigned)`).
    ///
    /// - Parameter page: `Marker` and `MaxItems`; nil for every device.
    /// - Throws: `ValidationError` ("Invalid Marker.") for a marker no page of this list gave;
    ///   `NoSuchEntity` for an unknown user; `AccessDenied` for another user's devices, or a
    ///   console caller not signed in.
    public func listMFADevices(caller: Caller, userName: String? = nil, page: PageRequest? = nil) throws
        -> Page<MFADevice>
    {
        try environment.perform(.listMFADevices, caller: caller, resource: userName) { db, caller, _ in
            let principal = try target(userName: userName, caller: caller, action: .listMFADevices, db)
            return try Pagination.page(page, of: .listMFADevices) { after, limit in
                try MFADeviceRecord.assigned(to: OwnerKey(principal), after: after, limit: limit, db)
            }
            .mapItems { try $0.device(db) }
        }
    }

    /// `ListVirtualMFADevices`: the account's virtual devices, assigned to anyone or awaiting
    /// activation, oldest first, without their seeds. Hardware tokens are never here: AWS lists
    /// them only per identity (`listMFADevices`), and audit scripts read this list to decide
    /// whether root uses a virtual device. IAM users may call it too, as AWS's self-management
    /// policy allows (`iam:ListVirtualMFADevices` on `*`).
    ///
    /// - Parameter page: `Marker` and `MaxItems`; nil for every device.
    /// - Throws: `ValidationError` ("Invalid Marker.") for a marker no page of this list gave;
    ///   `AccessDenied` when a console caller is not signed in.
    public func listVirtualMFADevices(
        caller: Caller, assignmentStatus: MFAAssignmentStatus = .any, page: PageRequest? = nil
    ) throws -> Page<MFADevice> {
        try environment.perform(.listVirtualMFADevices, caller: caller, resource: nil) { db, principal, _ in
            try Pagination.page(page, of: .listVirtualMFADevices) { after, limit in
                try MFADeviceRecord.virtual(
                    in: principal.accountID.rawValue, assignmentStatus, after: after, limit: limit, db)
            }
            .mapItems { try $0.device(db) }
        }
    }

    // MARK: - Names and serial numbers

    /// The serial number a front end's `nameOrSerial` stands for in the caller's account: the
    /// serial of the device with that serial number, else of the device with that name (names
    /// ignore case), else the serial a virtual device of that name would have (so the
    /// operation then answers `NoSuchEntity` naming it, as AWS would), else the text as is.
    ///
    /// For front ends that let people name devices (the console, the CLI); the operations take
    /// serial numbers, as AWS's do. A read: it leaves no event.
    /// - Throws: `AccessDenied` when a console caller is not signed in.
    public func mfaDeviceSerial(nameOrSerial: String, caller: Caller) throws -> String {
        try environment.reading { db in
            let account = try environment.resolve(caller, db).principal.accountID
            if let device = try MFADeviceRecord.find(serialOrName: nameOrSerial, in: account.rawValue, db) {
                return device.serialNumber
            }
            return MFADeviceName(rawValue: nameOrSerial)?.serialNumber(in: account) ?? nameOrSerial
        }
    }

    /// The device `serialNumber` of the caller's account, assigned or not, nil when there is
    /// none: for a front end that chooses the operations to call (the console's Remove). A
    /// read: it leaves no event.
    ///
    /// - Throws: `AccessDenied` when a console caller is not signed in.
    public func findMFADevice(serialNumber: String, caller: Caller) throws -> MFADevice? {
        try environment.reading { db in
            let account = try environment.resolve(caller, db).principal.accountID
            return try MFADeviceRecord.find(serial: serialNumber, in: account.rawValue, db)?.device(db)
        }
    }

    // MARK: - Helpers

    /// Runs `action` on the device `serialNumber` of `userName` (the caller when nil), in one
    /// transaction: the codes checked first when given (malformed codes are answered before
    /// anything is looked up), then the identity authorized, then the device found in its account.
    ///
    /// - Throws: `ValidationError` for malformed codes or a malformed name; `NoSuchEntity` for
    ///   an unknown user or device; `AccessDenied`; what `body` throws.
    private func performOnDevice<T>(
        _ action: IAMAction, _ caller: Caller, _ serialNumber: String, _ userName: String?,
        codes: (String, String)? = nil,
        _ body: (Database, Principal, MFADeviceRecord, Date, (String, String)) throws -> T
    ) throws -> T {
        try environment.perform(action, caller: caller, resource: serialNumber) { db, caller, now in
            let codes = try codes.map { try MFACodeRules.validatedPair($0.0, $0.1) }
            let principal = try target(userName: userName, caller: caller, action: action, db)
            return try body(
                db, principal, try device(serialNumber, in: principal.accountID, db), now, codes ?? ("", ""))
        }
    }

    /// The device `serialNumber` of `account`.
    ///
    /// - Throws: `NoSuchEntity` in AWS's words when there is none.
    private func device(_ serialNumber: String, in account: AccountID, _ db: Database) throws -> MFADeviceRecord {
        guard let record = try MFADeviceRecord.find(serial: serialNumber, in: account.rawValue, db) else {
            throw IAMError.noSuchMFADevice(serialNumber)
        }
        return record
    }

    private func checkDeviceQuota(for principal: Principal, _ db: Database) throws {
        guard try MFADeviceRecord.count(assignedTo: OwnerKey(principal), db) < MFADeviceRules.maxDevicesPerIdentity
        else {
            throw IAMError.quotaExceeded("MFADevicesPerUser", MFADeviceRules.maxDevicesPerIdentity)
        }
    }
}

/// A device `DeactivateMFADevice` just unassigned: the device as it was, and whose it was. Only
/// the store makes one; passed to `deleteVirtualMFADevice`, it lets the identity that owned the
/// device delete it, as the console's Remove does (an IAM user may otherwise delete only the
/// virtual device named after them).
public struct DeactivatedMFADevice: Hashable, Sendable {
    /// The device as it was when deactivated (assigned, with its name).
    public let device: MFADevice
    /// The identity it was assigned to.
    public let formerOwner: Principal
}
