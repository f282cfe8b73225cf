import Foundation
import GRDB
import IAMSimCore
import IAMSimDatabase

/// Which accounts a read covers: one, or every account of the database.
enum AccountScope {
    case account(AccountID)
    case all

    /// ` AND column = ?` for one account, nothing for all, with its argument.
    func condition(_ column: String = "accountId") -> (sql: String, arguments: StatementArguments) {
        switch self {
        case .account(let id): (" AND \(column) = ?", [id.rawValue])
        case .all: ("", [])
        }
    }
}

/// What to read besides each account's record and root credentials (always read).
struct AccountReadParts: OptionSet {
    let rawValue: Int
    /// The lesson's part: events since the lesson started, recorded steps, open root sessions.
    static let lesson = AccountReadParts(rawValue: 1)
    /// The audit's part: users, groups, the password policy.
    static let audit = AccountReadParts(rawValue: 2)
    /// When each account last did anything (the newest event, before the lesson too).
    static let activity = AccountReadParts(rawValue: 4)
}

/// What the guided lesson, the class report and the audit read of one account.
///
/// One model, read by one set of queries (`AccountReadModel.read`) for one account or for the
/// whole class (one query per kind of row), so that `iamsim lesson`, `class report`, the
/// dashboard and `audit` cannot disagree about an account: the lesson's observation and the
/// audit's snapshot are both made from it.
struct AccountReadModel {
    /// One of root's access keys.
    struct RootKey {
        var id: String
        var active: Bool
        var lastUsedDate: Date?
    }

    /// One of root's devices, or a virtual device awaiting activation.
    struct Device {
        var name: String
        /// The seed as stored (base32), for matching the authenticator; never shown.
        var seed: String
        var type: MFADeviceType
        /// Assigned to root; false for a virtual device awaiting activation.
        var assigned: Bool
        var lastAcceptedStep: Int64?
    }

    var account: AccountRecord
    /// The time on the account's own clock when it was read.
    var now: Date
    var rootKeys: [RootKey] = []
    /// Root's assigned devices (any type), then the account's virtual devices awaiting
    /// activation, each oldest first. Unassigned hardware tokens are nobody's: AWS learns of a
    /// token when it is activated, and its seed stays with the trainee's authenticator module.
    var devices: [Device] = []
    /// Whether a root console session is open.
    var rootSessionOpen = false
    /// The account's events after the lesson started, oldest first (`.lesson`).
    var events: [LessonObservation.LoggedEvent] = []
    /// The steps recorded done, with the events that proved them (`.lesson`).
    var recordedSteps: Set<String> = []
    var recordedWitnesses: [String: Int64] = [:]
    /// The newest event's time (`.activity`).
    var lastActivity: Date?
    /// Users, groups and the password policy (`.audit`).
    var users: [AuditSnapshot.UserAudit] = []
    var groupCount = 0
    var passwordPolicy: PasswordPolicy?

    var accountID: AccountID { AccountID(known: account.id) }

    /// The lesson's view, the authenticator's part left empty.
    func observation() -> LessonObservation {
        LessonObservation(
            rootEmail: account.rootEmail, accountLabel: account.alias ?? account.id, events: events,
            rootAccessKeys: rootKeys.map { LessonObservation.AccessKey(id: $0.id, active: $0.active) },
            devices: devices.map {
                LessonObservation.Device(
                    name: $0.name, seed: Base32.decodeStored($0.seed) ?? [], active: $0.assigned, type: $0.type,
                    lastAcceptedStep: $0.lastAcceptedStep)
            },
            rootSessionOpen: rootSessionOpen, clockStep: TOTP.step(at: now))
    }

    /// The progress recorded so far for `lesson`.
    func recorded(_ lesson: Lesson) -> LessonProgress {
        LessonProgress(lesson: lesson, done: recordedSteps, witnesses: recordedWitnesses)
    }

    /// What the dashboard's checklist and the audit's controls judge.
    func auditSnapshot() -> AuditSnapshot {
        AuditSnapshot(
            accountID: accountID, now: now,
            rootAccessKeys: rootKeys.map { AuditSnapshot.KeyUse(active: $0.active, lastUsedDate: $0.lastUsedDate) },
            rootMFADevices: devices.filter(\.assigned).map(\.type), rootPasswordLastUsed: account.rootPasswordLastUsed,
            users: users, groupCount: groupCount, passwordPolicy: passwordPolicy)
    }
}

extension AccountReadModel {
    /// What the dashboard's checklist and the audit judge of `account`: root's keys and
    /// devices, users' console access and MFA, groups, and the password policy.
    ///
    /// - Throws: `LocalError.noSuchAccount` when the account does not exist.
    static func auditSnapshot(_ account: AccountID, clock: SimulationClock, _ db: Database) throws -> AuditSnapshot {
        guard let model = try read(.account(account), parts: .audit, clock: clock, db).first else {
            throw LocalError.noSuchAccount(account.rawValue)
        }
        return model.auditSnapshot()
    }

    /// The read models of the accounts `scope` covers, in creation order, with `parts`.
    ///
    /// Plain SQL, one query per kind of row whatever the number of accounts: the lesson's
    /// commands read one account through here at start-up (docs/architecture.md "Start-up"),
    /// and the class report reads a whole class.
    ///
    /// Each account is read at the time on its own clock (`AccountReadModel.now`).
    ///
    /// - Parameter lesson: the lesson whose start and recorded steps `.lesson` reads.
    /// - Throws: `NoSuchEntity` when a single account does not exist; a decoding error when a
    ///   row holds what its column never should (a damaged database).
    static func read(
        _ scope: AccountScope, parts: AccountReadParts, lesson: Lesson = .rootMFA, clock: SimulationClock,
        _ db: Database
    ) throws -> [AccountReadModel] {
        let (filter, arguments) = scope.condition()
        var models: [AccountReadModel] = []
        var index: [String: Int] = [:]
        let (accountFilter, accountArguments) = scope.condition("id")
        let simulated = try clock.simulatedTimes(db)
        let realNow = clock.realNow()
        for record in try AccountRecord.fetchAll(
            db, sql: "SELECT * FROM account WHERE 1 = 1\(accountFilter) ORDER BY rowid", arguments: accountArguments)
        {
            index[record.id] = models.count
            models.append(AccountReadModel(account: record, now: simulated[record.id] ?? realNow))
        }
        if case .account(let id) = scope, models.isEmpty {
            throw LocalError.noSuchAccount(id.rawValue)
        }
        /// Runs `body` on the model of the row's account, if the scope holds it.
        func update(_ row: Row, _ body: (inout AccountReadModel) throws -> Void) throws {
            let account: String = try row.value("accountId")
            guard let position = index[account] else { return }
            try body(&models[position])
        }

        for row in try Row.fetchAll(
            db,
            sql: """
                SELECT accountId, id, status, lastUsedDate FROM accessKey
                WHERE userId IS NULL\(filter) ORDER BY createDate, id
                """,
            arguments: arguments)
        {
            try update(row) {
                let status: AccessKeyStatus = try row.textCase("status")
                $0.rootKeys.append(
                    .init(
                        id: try row.value("id"), active: status == .active,
                        lastUsedDate: try row.storedDateIfPresent("lastUsedDate")))
            }
        }
        for row in try Row.fetchAll(
            db,
            sql: """
                SELECT accountId, deviceName, seed, type, assignedTo, lastAcceptedStep FROM mfaDevice
                WHERE (assignedTo = 'root' OR (assignedTo IS NULL AND type = 'virtual'))\(filter)
                ORDER BY assignedTo IS NULL, createDate, serialNumber
                """,
            arguments: arguments)
        {
            try update(row) {
                let assignment: MFADeviceRecord.Assignment? = try row.textCaseIfPresent("assignedTo")
                $0.devices.append(
                    .init(
                        name: try row.value("deviceName"), seed: try row.value("seed"),
                        type: try row.textCase("type"), assigned: assignment != nil,
                        lastAcceptedStep: try row.value("lastAcceptedStep")))
            }
        }
        for row in try Row.fetchAll(
            db,
            sql: """
                SELECT DISTINCT s.accountId FROM consoleSession s
                LEFT JOIN simulatedClock c ON c.accountId = s.accountId
                WHERE s.userId IS NULL AND s.endDate IS NULL AND s.expireDate > coalesce(c.time, ?)\(scope.condition("s.accountId").sql)
                """,
            arguments: [realNow.stored] + arguments)
        {
            try update(row) { $0.rootSessionOpen = true }
        }
        if parts.contains(.lesson) || parts.contains(.activity) {
            try readEvents(scope, parts: parts, lesson: lesson, into: &models, index: index, db)
        }
        if parts.contains(.lesson) {
            for row in try Row.fetchAll(
                db, sql: "SELECT accountId, stepId, witnessEventId FROM lessonStep WHERE lessonId = ?\(filter)",
                arguments: [lesson.id] + arguments)
            {
                try update(row) {
                    let step: String = try row.value("stepId")
                    $0.recordedSteps.insert(step)
                    if let witness: Int64 = try row.value("witnessEventId") { $0.recordedWitnesses[step] = witness }
                }
            }
        }
        if parts.contains(.audit) {
            for row in try Row.fetchAll(
                db,
                sql: """
                    SELECT u.accountId, u.userName,
                      EXISTS (SELECT 1 FROM loginProfile p WHERE p.userId = u.id) AS hasPassword,
                      EXISTS (SELECT 1 FROM mfaDevice d WHERE d.userId = u.id AND d.assignedTo = 'user') AS mfaActive,
                      (SELECT count(*) FROM groupMembership m WHERE m.userId = u.id) AS groupCount
                    FROM iamUser u WHERE 1 = 1\(scope.condition("u.accountId").sql) ORDER BY u.userName COLLATE NOCASE
                    """,
                arguments: arguments)
            {
                try update(row) {
                    $0.users.append(
                        AuditSnapshot.UserAudit(
                            userName: try row.value("userName"), hasPassword: try row.value("hasPassword"),
                            mfaActive: try row.value("mfaActive"), groupCount: try row.value("groupCount")))
                }
            }
            for row in try Row.fetchAll(
                db, sql: "SELECT accountId, count(*) AS n FROM iamGroup WHERE 1 = 1\(filter) GROUP BY accountId",
                arguments: arguments)
            {
                try update(row) { $0.groupCount = try row.value("n") }
            }
            for row in try Row.fetchAll(
                db, sql: "SELECT * FROM passwordPolicy WHERE 1 = 1\(filter)", arguments: arguments)
            {
                try update(row) { $0.passwordPolicy = try PasswordPolicyRecord(row: row).policy }
            }
        }
        return models
    }

    /// Each account's events since its lesson started (`.lesson`) and its newest event's time
    /// (`.activity`): one pass over the log from the earliest start.
    private static func readEvents(
        _ scope: AccountScope, parts: AccountReadParts, lesson: Lesson, into models: inout [AccountReadModel],
        index: [String: Int], _ db: Database
    ) throws {
        let (filter, arguments) = scope.condition()
        // Where each account's lesson starts: recorded on first use, else the latest load or reset.
        var starts: [String: Int64] = [:]
        for row in try Row.fetchAll(
            db,
            sql: """
                SELECT accountId, max(id) AS start FROM event
                WHERE eventName IN (?, ?) AND accountId IS NOT NULL\(filter) GROUP BY accountId
                """,
            arguments: [IAMAction.loadFixture.name, IAMAction.resetAccount.name] + arguments)
        {
            starts[try row.value("accountId")] = try row.value("start")
        }
        for row in try Row.fetchAll(
            db, sql: "SELECT accountId, startEventId FROM lessonProgress WHERE lessonId = ?\(filter)",
            arguments: [lesson.id] + arguments)
        {
            starts[try row.value("accountId")] = try row.value("startEventId")
        }
        let wantsActivity = parts.contains(.activity)
        let rootARNs = models.map(\.accountID.rootARN)
        // One pass from the earliest start; an account without one reads from the beginning.
        let readFrom = models.map { starts[$0.account.id] ?? 0 }.min() ?? 0
        for row in try Row.fetchAll(
            db,
            sql: """
                SELECT id, accountId, eventName, outcome, mfaUsed, actorArn, rootKeyStatus, eventTime FROM event
                WHERE id > ? AND accountId IS NOT NULL\(filter) ORDER BY id
                """,
            arguments: [readFrom] + arguments)
        {
            let account: String = try row.value("accountId")
            guard let position = index[account] else { continue }
            let id: Int64 = try row.value("id")
            if wantsActivity { models[position].lastActivity = try row.storedDate("eventTime") }
            guard parts.contains(.lesson), id > starts[account, default: 0] else { continue }
            let actor: String? = try row.value("actorArn")
            let outcome: Event.Outcome = try row.textCase("outcome")
            models[position].events.append(
                LessonObservation.LoggedEvent(
                    id: id, name: try row.value("eventName"), succeeded: outcome == .success,
                    mfaUsed: try row.value("mfaUsed"),
                    byRoot: actor == nil || actor == rootARNs[position],
                    deletedRootKeyStatus: try row.textCaseIfPresent("rootKeyStatus")))
        }
        if wantsActivity {
            // Accounts quiet since before the earliest start: their newest event before it.
            for row in try Row.fetchAll(
                db,
                sql: """
                    SELECT accountId, max(eventTime) AS last FROM event
                    WHERE id <= ? AND accountId IS NOT NULL\(filter) GROUP BY accountId
                    """,
                arguments: [readFrom] + arguments)
            {
                let account: String = try row.value("accountId")
                guard let position = index[account], models[position].lastActivity == nil else { continue }
                models[position].lastActivity = try row.storedDateIfPresent("last")
            }
        }
    }
}
