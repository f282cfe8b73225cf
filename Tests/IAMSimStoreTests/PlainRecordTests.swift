import Foundation
import GRDB
import Testing

@testable import IAMSimCore
@testable import IAMSimStore
@testable import IAMSimDatabase

/// The records that map their rows by hand: what they write with plain SQL is what GRDB reads
/// back, what GRDB writes through `encode(to:)` is what they read, and every column of the
/// table is covered, so a new column cannot be forgotten on one side.
@Suite("Records written with plain SQL")
struct PlainRecordTests {
    static let created = Date(timeIntervalSince1970: 1_767_600_000)
    static let later = Date(timeIntervalSince1970: 1_767_605_405)

    let writer: AppDatabase

    init() throws {
        writer = try AppDatabase.inMemory()
        try writer.write { db in
            try Self.account.insertRow(db)
            try Self.user.insertRow(db)
        }
    }

    static let account = AccountRecord(
        id: "210987654321", alias: "class-a", createDate: created, fixtureName: "lesson", rootEmail: "a@example.com",
        rootPasswordHash: "pbkdf2-sha512$1$c2FsdA==$aGFzaA==", rootPasswordLastUsed: later, fixtureJSON: "{}",
        failedMFAAttempts: 2, lockedUntil: later)
    static let user = UserRecord(
        id: "AIDAEXAMPLEUSER00001", accountId: account.id, userName: "Alice", path: "/staff/", createDate: created,
        passwordLastUsed: later, failedMFAAttempts: 1, lockedUntil: nil)
    static let key = AccessKeyRecord(
        id: "AKIAEXAMPLEKEY000001", accountId: account.id, userId: user.id, secretAccessKey: String(repeating: "s", count: 40),
        status: .inactive, createDate: created, lastUsedDate: later, lastUsedService: "iam", lastUsedRegion: nil)
    static let device = MFADeviceRecord(
        serialNumber: "arn:aws:iam::210987654321:mfa/phone", accountId: account.id, deviceName: "phone", type: .virtual,
        seed: String(repeating: "A", count: 64), createDate: created, assignedTo: .user, userId: user.id,
        enableDate: later, lastAcceptedStep: 58_920_180, drift: -1)
    static let session = SessionRecord(
        id: "session-1", accountId: account.id, userId: nil, mfaUsed: true, createDate: created,
        expireDate: later, endDate: later)

    // MARK: - Round trips

    @Test("a row inserted with plain SQL reads back equal, through GRDB and through the plain finders")
    func insertedRowsReadBack() throws {
        try writer.write { db in
            try Self.key.insertRow(db)
            try Self.device.insertRow(db)
            try Self.session.insertRow(db)
        }
        let read = try writer.read { db in
            (
                try AccountRecord.fetchOne(db, key: Self.account.id), try AccountRecord.find(key: Self.account.id, db),
                try UserRecord.fetchOne(db, key: Self.user.id), try UserRecord.find(key: Self.user.id, db),
                try AccessKeyRecord.fetchOne(db, key: Self.key.id), try AccessKeyRecord.find(key: Self.key.id, db),
                try MFADeviceRecord.fetchOne(db, key: Self.device.serialNumber),
                try MFADeviceRecord.find(name: "PHONE", in: Self.account.id, db),
                try SessionRecord.fetchOne(db, key: Self.session.id)
            )
        }
        #expect(read.0 == Self.account && read.1 == Self.account)
        #expect(read.2 == Self.user && read.3 == Self.user)
        #expect(read.4 == Self.key && read.5 == Self.key)
        #expect(read.6 == Self.device && read.7 == Self.device)
        #expect(read.8 == Self.session)
    }

    @Test("a row GRDB inserts through encode(to:) reads back equal through init(row:)")
    func encodedRowsReadBack() throws {
        try writer.write { db in
            try Self.key.insert(db)
            try Self.device.insert(db)
            try Self.session.insert(db)
        }
        let read = try writer.read { db in
            (
                try AccessKeyRecord.fetchFirstRow(db, sql: "SELECT * FROM accessKey"),
                try MFADeviceRecord.fetchFirstRow(db, sql: "SELECT * FROM mfaDevice"),
                try SessionRecord.fetchFirstRow(db, sql: "SELECT * FROM consoleSession")
            )
        }
        #expect(read.0 == Self.key)
        #expect(read.1 == Self.device)
        #expect(read.2 == Self.session)
    }

    @Test("updateRow writes every column but the key; deleteRow removes the row")
    func updateAndDelete() throws {
        var changed = Self.device
        changed.assignedTo = nil
        changed.userId = nil
        changed.enableDate = nil
        changed.lastAcceptedStep = nil
        changed.drift = 0
        changed.deviceName = "tablet"
        try writer.write { db in
            try Self.device.insertRow(db)
            try changed.updateRow(db)
        }
        let updated = try writer.read { db in try MFADeviceRecord.fetchOne(db, key: Self.device.serialNumber) }
        #expect(updated == changed)
        try writer.write { db in try changed.deleteRow(db) }
        let remaining = try writer.read { db in try MFADeviceRecord.fetchCount(db) }
        #expect(remaining == 0)
    }

    @Test("updating a row that does not exist fails (the database changed meanwhile) and changes nothing")
    func updateMissing() throws {
        #expect(throws: IAMError.serviceFailure("The database changed while iamsim was using it; try again.")) {
            try writer.write { db in try Self.key.updateRow(db) }
        }
        let remaining = try writer.read { db in try AccessKeyRecord.fetchCount(db) }
        #expect(remaining == 0)
    }

    @Test("every column of each table is written", arguments: [
        ("account", PlainRecordTests.account.columnValues.map(\.column)),
        ("iamUser", PlainRecordTests.user.columnValues.map(\.column)),
        ("accessKey", PlainRecordTests.key.columnValues.map(\.column)),
        ("mfaDevice", PlainRecordTests.device.columnValues.map(\.column)),
        ("consoleSession", PlainRecordTests.session.columnValues.map(\.column)),
    ])
    func coversEveryColumn(table: String, columns: [String]) throws {
        let schema = try writer.read { db in try db.columns(in: table).map(\.name) }
        #expect(columns.sorted() == schema.sorted())
    }

    // MARK: - Damaged rows

    @Test("a date or enumeration column holding something else is reported as a damaged database")
    func damagedColumns() throws {
        try writer.write { db in
            try Self.key.insertRow(db)
            try db.execute(sql: "PRAGMA ignore_check_constraints = ON")
            try db.execute(sql: "UPDATE accessKey SET createDate = 'yesterday'")
        }
        #expect(throws: DatabaseFileError.corrupt(path: ":memory:", detail: "column createDate does not hold a date")) {
            try writer.read { db in try AccessKeyRecord.find(key: Self.key.id, db) }
        }
        try writer.write { db in
            try db.execute(sql: "UPDATE accessKey SET createDate = ?, status = 'Paused'", arguments: [Self.created.stored])
        }
        #expect(throws: DatabaseFileError.corrupt(path: ":memory:", detail: "column status does not hold a known value")) {
            try writer.read { db in try AccessKeyRecord.find(key: Self.key.id, db) }
        }
    }
}

