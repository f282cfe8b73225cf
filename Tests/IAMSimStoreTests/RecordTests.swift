import Foundation
import GRDB
import Testing

@testable import IAMSimCore
@testable import IAMSimDatabase
@testable import IAMSimStore

/// One record of every table the store writes, with a value in every column (nullable columns
/// too), so that a column mapped to the wrong property or a wrong type shows.
enum RecordSamples {
    static let created = Date(timeIntervalSince1970: 1_767_600_000)
    static let later = Date(timeIntervalSince1970: 1_767_605_405)

    static let account = AccountRecord(
        id: "210987654321", alias: "class-a", createDate: created, fixtureName: "lesson", rootEmail: "a@example.com",
        rootPasswordHash: "pbkdf2-sha512$1$c2FsdA==$aGFzaA==", rootPasswordLastUsed: later, fixtureJSON: "{}",
        failedMFAAttempts: 2, lockedUntil: later)
    static let user = UserRecord(
        id: "AIDAEXAMPLEUSER00001", accountId: account.id, userName: "Alice", path: "/staff/", createDate: created,
        passwordLastUsed: later, failedMFAAttempts: 1, lockedUntil: later)
    static let key = AccessKeyRecord(
        id: "AKIAEXAMPLEKEY000001", accountId: account.id, userId: user.id,
        secretAccessKey: String(repeating: "s", count: 40),
        status: .inactive, createDate: created, lastUsedDate: later, lastUsedService: "iam", lastUsedRegion: "us-east-1"
    )
    static let device = MFADeviceRecord(
        serialNumber: "arn:aws:iam::210987654321:mfa/phone", accountId: account.id, deviceName: "phone", type: .virtual,
        seed: String(repeating: "A", count: 64), createDate: created, assignedTo: .user, userId: user.id,
        enableDate: later, lastAcceptedStep: 58_920_180, drift: -1)
    static let session = SessionRecord(
        id: "session-1", accountId: account.id, userId: user.id, mfaUsed: true, createDate: created, expireDate: later,
        endDate: later)
    static let group = GroupRecord(
        id: "AGPAEXAMPLEGROUP0001", accountId: account.id, groupName: "Admins", path: "/ops/", createDate: created)
    static let loginProfile = LoginProfileRecord(
        userId: user.id, passwordHash: "pbkdf2-sha512$1$c2FsdA==$aGFzaA==", createDate: created,
        passwordLastChanged: later,
        passwordResetRequired: true)
    static let membership = GroupMembershipRecord(groupId: group.id, userId: user.id, addedDate: later)
    static let tag = UserTagRecord(userId: user.id, key: "team", value: "red")
    static let sessionCredential = SessionCredentialRecord(
        id: "ASIAEXAMPLESESSION01", accountId: account.id, userId: user.id, parentAccessKeyId: key.id,
        secretAccessKey: String(repeating: "t", count: 40), sessionTokenDigest: String(repeating: "d", count: 64),
        mfaAuthenticated: true, serialNumber: device.serialNumber, createDate: created, expiration: later)
    static let history = PasswordHistoryRecord(
        id: 3, userId: user.id, passwordHash: "pbkdf2-sha512$1$c2FsdA==$b2xk", changedDate: created)
    static let policy = PasswordPolicyRecord(
        accountId: account.id,
        policy: PasswordPolicy(
            minimumPasswordLength: 14, requireSymbols: true, requireNumbers: false, requireUppercaseCharacters: true,
            requireLowercaseCharacters: false, allowUsersToChangePassword: true, maxPasswordAge: 90,
            passwordReusePrevention: 24, hardExpiry: true))
    static let report = CredentialReportRecord(accountId: account.id, generatedTime: later, content: "user,arn\n")
    static let progress = LessonProgressRecord(accountId: account.id, lessonId: "root-mfa", startEventId: 4)
    static let step = LessonStepRecord(
        accountId: account.id, lessonId: "root-mfa", stepId: "sign-in", completedDate: later, witnessEventId: 5)

    /// A record's row as its mapping writes it.
    static func row<Record: StoredRecord>(_ record: Record) -> [(String, DatabaseValue)] {
        Record.Column.allCases.map { ($0.rawValue, record.value(of: $0)?.databaseValue ?? .null) }
    }
}

/// The records' one mapping: what a record writes reads back as the same record, through the
/// same `Column` list; and that list is the table's, as the migrations leave it.
@Suite("Records")
struct RecordTests {
    /// A table's sample record, and how to write it and read it back by its key.
    struct Table: CustomTestStringConvertible, Sendable {
        var name: String
        var columns: [String]
        /// Inserts the record, reads it back by key, updates it to `changed`, reads that back,
        /// deletes it; returns whether each read equalled what was written.
        var roundTrip: @Sendable (Database) throws -> [Bool]
        var testDescription: String { name }

        init<Record: StoredRecord & Equatable & Sendable>(_ record: Record, changed: Record) {
            name = Record.tableName
            columns = Record.Column.allCases.map(\.rawValue)
            roundTrip = { db in
                func read() throws -> Record? {
                    try Record.find(db, keyValues: Record.primaryKey.map { record.value(of: $0) })
                }
                try record.insert(db)
                let inserted = try read() == record
                try changed.update(db)
                let updated = try read() == changed
                let deleted = try changed.delete(db)
                return [inserted, updated, deleted, try read() == nil]
            }
        }
    }

    static let tables: [Table] = {
        typealias S = RecordSamples
        var account = S.account
        account.alias = nil
        account.lockedUntil = nil
        var user = S.user
        user.userName = "alice"
        user.passwordLastUsed = nil
        var key = S.key
        key.status = .active
        key.lastUsedRegion = nil
        var device = S.device
        (device.assignedTo, device.userId, device.enableDate, device.lastAcceptedStep) = (nil, nil, nil, nil)
        var session = S.session
        session.endDate = nil
        var group = S.group
        group.path = "/"
        var profile = S.loginProfile
        profile.passwordResetRequired = false
        var membership = S.membership
        membership.addedDate = S.created
        var history = S.history
        history.passwordHash = "pbkdf2-sha512$1$c2FsdA==$bmV3"
        var policy = S.policy
        policy.policy.maxPasswordAge = nil
        var report = S.report
        report.content = "user,arn,user_creation_time\n"
        var progress = S.progress
        progress.startEventId = 9
        var step = S.step
        step.witnessEventId = nil
        var tag = S.tag
        tag.value = ""
        var sessionCredential = S.sessionCredential
        (sessionCredential.userId, sessionCredential.parentAccessKeyId, sessionCredential.serialNumber) = (
            nil, nil, nil
        )
        sessionCredential.mfaAuthenticated = false
        return [
            Table(S.account, changed: account), Table(S.user, changed: user), Table(S.key, changed: key),
            Table(S.device, changed: device), Table(S.session, changed: session), Table(S.group, changed: group),
            Table(S.loginProfile, changed: profile), Table(S.membership, changed: membership),
            Table(S.history, changed: history), Table(S.policy, changed: policy), Table(S.report, changed: report),
            Table(S.progress, changed: progress), Table(S.step, changed: step), Table(S.tag, changed: tag),
            Table(S.sessionCredential, changed: sessionCredential),
        ]
    }()

    /// A database with the current schema and without foreign keys: these tests check the
    /// mapping of each table alone.
    static func database() throws -> DatabaseQueue {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = false
        let queue = try DatabaseQueue(configuration: configuration)
        try Schema.migrator.migrate(queue)
        return queue
    }

    @Test("a record inserted, updated and deleted through its mapping reads back as written", arguments: tables)
    func roundTrip(table: Table) throws {
        let checks = try Self.database().write { db in try table.roundTrip(db) }
        #expect(checks == [true, true, true, true])
    }

    // Guards the schema against the records: a migration that adds a column no record writes
    // (an insert would leave it at its default, an update never set it) or a record column the
    // migrations never created (every statement on the table would fail at run time).
    @Test("each record's columns are its table's columns, as the migrations leave them", arguments: tables)
    func columnsMatchSchema(table: Table) throws {
        let schema = try Self.database().read { db in try db.columns(in: table.name).map(\.name) }
        #expect(table.columns.sorted() == schema.sorted())
    }

    @Test("updating a row that does not exist fails (the database changed meanwhile) and changes nothing")
    func updateMissing() throws {
        let database = try AppDatabase.inMemory()
        #expect(throws: IAMError.serviceFailure("The database changed while iamsim was using it; try again.")) {
            try database.write { db in try RecordSamples.key.update(db) }
        }
        #expect(try database.read { db in try AccessKeyRecord.find(db, key: RecordSamples.key.id) } == nil)
    }
}
