import Foundation
import GRDB
import IAMSimCore
import IAMSimDatabase
import IAMSimMacros

/// A row of `mfaDevice`.
@StoredColumns
struct MFADeviceRecord: Hashable {
    /// Who a device is assigned to, as stored.
    enum Assignment: String {
        case root
        case user
    }

    var serialNumber: String
    var accountId: String
    var deviceName: String
    var type: MFADeviceType
    /// The base32 seed: the device's shared secret.
    var seed: String
    var createDate: Date
    var assignedTo: Assignment?
    var userId: String?
    var enableDate: Date?
    /// The newest time step this device has accepted; older and equal steps are replays.
    var lastAcceptedStep: Int64?
    var drift: Int64
}

extension MFADeviceRecord: StoredRecord {
    static let tableName = "mfaDevice"

    /// The device's generator. A stored seed decodes as when it was stored, even one of a
    /// length checked fixtures now refuse (`Base32.decodeStored`).
    var totp: TOTP? { TOTP(storedBase32Secret: seed) }

    /// Whether the device is assigned to `owner`.
    func isAssigned(to owner: OwnerKey) -> Bool {
        guard accountId == owner.accountId, let assignedTo else { return false }
        switch assignedTo {
        case .root: return owner.userId == nil
        case .user: return userId != nil && userId == owner.userId
        }
    }

    /// Assigns the device to `owner`, enabled `now`, with `step` as its newest accepted code
    /// (nil: codes accepted under `MFACodePolicy.anySixDigits` only, which the device did not
    /// generate; its newest accepted step stays).
    mutating func assign(to owner: OwnerKey, now: Date, acceptedStep step: Int64?) {
        assignedTo = owner.userId == nil ? .root : .user
        userId = owner.userId
        enableDate = now
        if let step { lastAcceptedStep = step }
    }

    /// The device as the IAM API shows it: its assignment, without its seed.
    func device(_ db: Database) throws -> MFADevice {
        let account = AccountID(known: accountId)
        let owner: Principal? =
            switch assignedTo {
            case nil: nil
            case .root: .root(account)
            case .user: try userId.flatMap { try UserRecord.find(db, key: $0) }.map { .user($0.user) }
            }
        return MFADevice(
            serialNumber: serialNumber, deviceName: deviceName, type: type, createDate: createDate, assignedTo: owner,
            enableDate: enableDate, drift: drift)
    }

    /// Unassigns the device. A hardware token goes back to the drawer, known by its serial
    /// number again; neither keeps a drift measured for its former owner's resyncs. The newest
    /// accepted step stays: a code never works twice.
    mutating func unassign() {
        assignedTo = nil
        userId = nil
        enableDate = nil
        drift = 0
        if type == .hardware { deviceName = serialNumber }
    }
}

// MARK: - Queries

extension MFADeviceRecord {
    /// The devices assigned to `owner`, oldest first, after `after` when given.
    static func assigned(to owner: OwnerKey, after: PageKey? = nil, limit: Int? = nil, _ db: Database) throws
        -> [MFADeviceRecord]
    {
        let assignment = owner.userId == nil ? "assignedTo = 'root'" : "assignedTo = 'user' AND userId = ?"
        var arguments: StatementArguments = [owner.accountId]
        if let userId = owner.userId { arguments += [userId] }
        return try fetchAll(
            db, sql: "SELECT * FROM mfaDevice WHERE accountId = ? AND \(assignment)", arguments: arguments,
            order: listOrder,
            after: after, limit: limit)
    }

    /// The account's virtual devices with `status`, oldest first, after `after` when given.
    static func virtual(
        in account: String, _ status: MFAAssignmentStatus, after: PageKey? = nil, limit: Int? = nil, _ db: Database
    ) throws -> [MFADeviceRecord] {
        let condition =
            switch status {
            case .assigned: " AND assignedTo IS NOT NULL"
            case .unassigned: " AND assignedTo IS NULL"
            case .any: ""
            }
        return try fetchAll(
            db, sql: "SELECT * FROM mfaDevice WHERE accountId = ? AND type = 'virtual'\(condition)",
            arguments: [account],
            order: listOrder, after: after, limit: limit)
    }

    /// How many devices are assigned to `owner`.
    static func count(assignedTo owner: OwnerKey, _ db: Database) throws -> Int {
        try assigned(to: owner, db).count
    }

    /// The device of `account` with serial number `serial`.
    static func find(serial: String, in account: String, _ db: Database) throws -> MFADeviceRecord? {
        try fetchOne(
            db, sql: "SELECT * FROM mfaDevice WHERE accountId = ? AND serialNumber = ?", arguments: [account, serial])
    }

    /// The device of `account` named `name`, ignoring case as IAM does.
    static func find(name: String, in account: String, _ db: Database) throws -> MFADeviceRecord? {
        try fetchOne(
            db, sql: "SELECT * FROM mfaDevice WHERE accountId = ? AND deviceName = ? COLLATE NOCASE",
            arguments: [account, name])
    }

    /// The device of `account` whose serial number is `text`, else the one named `text`.
    static func find(serialOrName text: String, in account: String, _ db: Database) throws -> MFADeviceRecord? {
        if let device = try find(serial: text, in: account, db) { return device }
        guard IAMName.hasValidCharacters(text) else { return nil }
        return try find(name: text, in: account, db)
    }

    /// The device lists' order: oldest first.
    private static let listOrder = ListOrder.byCreation(tieBreak: "serialNumber")
}

extension MFADeviceRecord: PagedRecord {
    static var pageKeyLength: Int { 2 }

    /// The page key of the device lists' order (`ORDER BY createDate, serialNumber`).
    var pageKey: PageKey { PageKey(Timestamp.storage(createDate), serialNumber) }
}
