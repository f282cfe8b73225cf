import Foundation
import GRDB
import IAMSimCore

/// What the classroom report knows of one account, before the lesson is evaluated.
public struct ClassReportEntry: Sendable {
    public var account: AccountInfo
    /// The lesson's view of the account's IAM state; the authenticator's part is empty.
    public var observation: LessonObservation
    /// The progress recorded so far (it never goes backwards).
    public var recorded: LessonProgress
    /// What the dashboard's checklist reads.
    public var snapshot: AuditSnapshot
    /// The newest event of the account.
    public var lastActivity: Date?
}

extension IAMStore {
    // MARK: - Classroom report

    /// Every account's lesson state, checklist state and last activity, read with one query
    /// per kind of row for the whole classroom (not one per account), in one snapshot.
    public func classReport(lesson: Lesson) throws -> [ClassReportEntry] {
        try reading { db in
            let now = try clock.now(db)
            let accounts = try AccountRecord.order(sql: "rowid").fetchAll(db)
            var starts: [String: Int64] = [:]
            for row in try Row.fetchAll(
                db,
                sql: """
                    SELECT accountId, max(id) AS start FROM event
                    WHERE eventName IN ('LoadFixture', 'ResetAccount') AND accountId IS NOT NULL GROUP BY accountId
                    """)
            {
                starts[try row.value("accountId")] = try row.value("start") as Int64
            }
            for row in try Row.fetchAll(
                db, sql: "SELECT accountId, startEventId FROM lessonProgress WHERE lessonId = ?", arguments: [lesson.id])
            {
                starts[try row.value("accountId")] = try row.value("startEventId") as Int64
            }
            let firstStart = starts.values.min() ?? 0
            var events: [String: [LessonObservation.LoggedEvent]] = [:]
            var lastActivity: [String: Date] = [:]
            for row in try Row.fetchAll(
                db,
                sql: """
                    SELECT id, accountId, eventName, outcome, mfaUsed, actorArn, eventTime FROM event
                    WHERE id > ? AND accountId IS NOT NULL ORDER BY id
                    """,
                arguments: [firstStart])
            {
                let account: String = try row.value("accountId")
                let id: Int64 = try row.value("id")
                lastActivity[account] = (try row.value("eventTime") as StoredDate?)?.date
                guard id > starts[account, default: 0] else { continue }
                let actor: String? = try row.value("actorArn")
                let outcome: String = try row.value("outcome")
                events[account, default: []].append(
                    LessonObservation.LoggedEvent(
                        id: id, name: try row.value("eventName"), succeeded: outcome == "Success", mfaUsed: try row.value("mfaUsed"),
                        byRoot: actor == nil || actor?.hasSuffix(":root") == true))
            }
            for row in try Row.fetchAll(
                db,
                sql: "SELECT accountId, max(eventTime) AS last FROM event WHERE id <= ? AND accountId IS NOT NULL GROUP BY accountId",
                arguments: [firstStart])
            {
                // Events of no account (the clock, unknown sign-ins) are no trainee's activity.
                let account: String = try row.value("accountId")
                if lastActivity[account] == nil { lastActivity[account] = (try row.value("last") as StoredDate?)?.date }
            }
            var keys: [String: [(String, Bool, Date?)]] = [:]
            for row in try Row.fetchAll(
                db, sql: "SELECT accountId, id, status, lastUsedDate FROM accessKey WHERE userId IS NULL ORDER BY createDate, id")
            {
                let status: String = try row.value("status")
                keys[try row.value("accountId"), default: []].append(
                    (try row.value("id"), status == "Active", (try row.value("lastUsedDate") as StoredDate?)?.date))
            }
            var devices: [String: [(LessonObservation.Device, MFADeviceType)]] = [:]
            for record in try MFADeviceRecord.filter(
                MFADeviceRecord.Columns.assignedTo == "root"
                    || (MFADeviceRecord.Columns.assignedTo == nil && MFADeviceRecord.Columns.type == "virtual")
            ).order(MFADeviceRecord.Columns.createDate, MFADeviceRecord.Columns.serialNumber).fetchAll(db) {
                devices[record.accountId, default: []].append((record.lessonDevice, record.type))
            }
            let openRoot = Set(
                try db.firstColumn(
                    """
                    SELECT DISTINCT accountId FROM consoleSession
                    WHERE userId IS NULL AND endDate IS NULL AND expireDate > ?
                    """,
                    arguments: [now.stored]) as [String])
            var done: [String: (Set<String>, [String: Int64])] = [:]
            for row in try Row.fetchAll(
                db, sql: "SELECT accountId, stepId, witnessEventId FROM lessonStep WHERE lessonId = ?", arguments: [lesson.id])
            {
                let account: String = try row.value("accountId")
                let step: String = try row.value("stepId")
                done[account, default: ([], [:])].0.insert(step)
                if let witness: Int64 = try row.value("witnessEventId") { done[account, default: ([], [:])].1[step] = witness }
            }
            var users: [String: [AuditSnapshot.UserAudit]] = [:]
            for row in try Row.fetchAll(
                db,
                sql: """
                    SELECT u.accountId, u.userName,
                      EXISTS (SELECT 1 FROM loginProfile p WHERE p.userId = u.id) AS hasPassword,
                      EXISTS (SELECT 1 FROM mfaDevice d WHERE d.userId = u.id AND d.assignedTo = 'user') AS mfaActive,
                      (SELECT count(*) FROM groupMembership m WHERE m.userId = u.id) AS groupCount
                    FROM iamUser u ORDER BY u.userName COLLATE NOCASE
                    """)
            {
                users[try row.value("accountId"), default: []].append(
                    AuditSnapshot.UserAudit(
                        userName: try row.value("userName"), hasPassword: try row.value("hasPassword"),
                        mfaActive: try row.value("mfaActive"), groupCount: try row.value("groupCount")))
            }
            var groups: [String: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT accountId, count(*) AS n FROM iamGroup GROUP BY accountId") {
                groups[try row.value("accountId")] = try row.value("n") as Int
            }
            var policies: [String: PasswordPolicy] = [:]
            let withPolicy: [String] = try db.firstColumn("SELECT accountId FROM passwordPolicy")
            for id in withPolicy {
                policies[id] = try passwordPolicy(AccountID(known: id), db)
            }
            return accounts.map { record in
                let id = record.id
                let accountDevices = devices[id] ?? []
                let rootKeys = keys[id] ?? []
                let observation = LessonObservation(
                    rootEmail: record.rootEmail, accountLabel: record.alias ?? id, events: events[id] ?? [],
                    rootAccessKeys: rootKeys.map { LessonObservation.AccessKey(id: $0.0, active: $0.1) },
                    devices: accountDevices.map(\.0), rootSessionOpen: openRoot.contains(id), clockStep: TOTP.step(at: now))
                let (steps, witnesses) = done[id] ?? ([], [:])
                let snapshot = AuditSnapshot(
                    accountID: record.accountID, now: now,
                    rootAccessKeys: rootKeys.map { AuditSnapshot.KeyUse(active: $0.1, lastUsedDate: $0.2) },
                    rootMFADevices: accountDevices.filter { $0.0.active }.map(\.1),
                    rootPasswordLastUsed: record.rootPasswordLastUsed, users: users[id] ?? [], groupCount: groups[id] ?? 0,
                    passwordPolicy: policies[id])
                return ClassReportEntry(
                    account: AccountInfo(
                        accountID: record.accountID, alias: record.alias, rootEmail: record.rootEmail,
                        fixtureName: record.fixtureName, createDate: record.createDate),
                    observation: observation, recorded: LessonProgress(lesson: lesson, done: steps, witnesses: witnesses),
                    snapshot: snapshot, lastActivity: lastActivity[id])
            }
        }
    }
}
