import Foundation
import GRDB
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

extension MFADeviceRecord: FetchableRecord, PersistableRecord {
    static let databaseTableName = "mfaDevice"

    enum Columns {
        static let serialNumber = Column("serialNumber")
        static let accountId = Column("accountId")
        static let deviceName = Column("deviceName")
        static let assignedTo = Column("assignedTo")
        static let userId = Column("userId")
        static let type = Column("type")
        static let createDate = Column("createDate")
    }

    // Mapped by hand, not through Codable (see Row+Columns.swift).
    init(row: Row) throws {
        serialNumber = row["serialNumber"]
        accountId = row["accountId"]
        deviceName = row["deviceName"]
        type = try row.textCase("type")
        seed = row["seed"]
        createDate = try row.storedDate("createDate")
        assignedTo = try row.textCaseIfPresent("assignedTo")
        userId = row["userId"]
        enableDate = try row.storedDateIfPresent("enableDate")
        lastAcceptedStep = row["lastAcceptedStep"]
        drift = row["drift"]
    }

    func encode(to container: inout PersistenceContainer) {
        container["serialNumber"] = serialNumber
        container["accountId"] = accountId
        container["deviceName"] = deviceName
        container["type"] = type.rawValue
        container["seed"] = seed
        container["createDate"] = createDate.stored
        container["assignedTo"] = assignedTo?.rawValue
        container["userId"] = userId
        container["enableDate"] = enableDate.stored
        container["lastAcceptedStep"] = lastAcceptedStep
        container["drift"] = drift
    }

    var totp: TOTP? { TOTP(base32Secret: seed) }

    /// The device as the lesson player checks it (seed included, to match the authenticator).
    var lessonDevice: LessonObservation.Device {
        LessonObservation.Device(
            name: deviceName, seed: Base32.decode(seed) ?? [], active: assignedTo != nil, lastAcceptedStep: lastAcceptedStep)
    }

    /// Whether the device is assigned to `owner`.
    func isAssigned(to owner: OwnerKey) -> Bool {
        guard accountId == owner.accountId, let assignedTo else { return false }
        switch assignedTo {
        case .root: return owner.userId == nil
        case .user: return userId != nil && userId == owner.userId
        }
    }
}

extension DerivableRequest<MFADeviceRecord> {
    /// The devices assigned to `owner`, oldest first.
    func assigned(to owner: OwnerKey) -> Self {
        let request = filter(MFADeviceRecord.Columns.accountId == owner.accountId)
        let assigned =
            if let userId = owner.userId {
                request.filter(MFADeviceRecord.Columns.assignedTo == "user" && MFADeviceRecord.Columns.userId == userId)
            } else {
                request.filter(MFADeviceRecord.Columns.assignedTo == "root")
            }
        return assigned.order(MFADeviceRecord.Columns.createDate, MFADeviceRecord.Columns.serialNumber)
    }
}
