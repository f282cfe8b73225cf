import Foundation
import GRDB
import IAMSimDatabase
import IAMSimCore

/// A row of `mfaDevice`.
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

extension MFADeviceRecord: FetchableRecord, PlainRecord {
    static let databaseTableName = "mfaDevice"

    enum Columns {
        static let serialNumber = Column("serialNumber")
        static let accountId = Column("accountId")
        static let assignedTo = Column("assignedTo")
        static let type = Column("type")
        static let createDate = Column("createDate")
    }

    // Mapped by hand, not through Codable (see Row+Columns.swift).
    init(row: Row) throws {
        serialNumber = try row.value("serialNumber")
        accountId = try row.value("accountId")
        deviceName = try row.value("deviceName")
        type = try row.textCase("type")
        seed = try row.value("seed")
        createDate = try row.storedDate("createDate")
        assignedTo = try row.textCaseIfPresent("assignedTo")
        userId = try row.value("userId")
        enableDate = try row.storedDateIfPresent("enableDate")
        lastAcceptedStep = try row.value("lastAcceptedStep")
        drift = try row.value("drift")
    }

    static let keyColumn = "serialNumber"

    var columnValues: [(column: String, value: (any DatabaseValueConvertible)?)] {
        [
            ("serialNumber", serialNumber),
            ("accountId", accountId),
            ("deviceName", deviceName),
            ("type", type.rawValue),
            ("seed", seed),
            ("createDate", createDate.stored),
            ("assignedTo", assignedTo?.rawValue),
            ("userId", userId),
            ("enableDate", enableDate.stored),
            ("lastAcceptedStep", lastAcceptedStep),
            ("drift", drift),
        ]
    }

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
}

// MARK: - Plain queries

extension MFADeviceRecord {
    /// The devices assigned to `owner`, oldest first.
    static func assigned(to owner: OwnerKey, _ db: Database) throws -> [MFADeviceRecord] {
        if let userId = owner.userId {
            return try fetchRows(
                db,
                sql: """
                    SELECT * FROM mfaDevice WHERE accountId = ? AND assignedTo = 'user' AND userId = ?
                    ORDER BY createDate, serialNumber
                    """,
                arguments: [owner.accountId, userId])
        }
        return try fetchRows(
            db,
            sql: "SELECT * FROM mfaDevice WHERE accountId = ? AND assignedTo = 'root' ORDER BY createDate, serialNumber",
            arguments: [owner.accountId])
    }

    /// The device of `account` with serial number `serial`.
    static func find(serial: String, in account: String, _ db: Database) throws -> MFADeviceRecord? {
        try fetchFirstRow(
            db, sql: "SELECT * FROM mfaDevice WHERE accountId = ? AND serialNumber = ?", arguments: [account, serial])
    }

    /// The device of `account` named `name`, ignoring case as IAM does.
    static func find(name: String, in account: String, _ db: Database) throws -> MFADeviceRecord? {
        try fetchFirstRow(
            db, sql: "SELECT * FROM mfaDevice WHERE accountId = ? AND deviceName = ? COLLATE NOCASE",
            arguments: [account, name])
    }
}
