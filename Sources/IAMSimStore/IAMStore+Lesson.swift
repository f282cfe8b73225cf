import Foundation
import GRDB
import IAMSimCore

extension IAMStore {
    // MARK: - Lesson progress

    /// The account commands without a console session work on (the lesson, the audit): the
    /// signed-in one, else the first in the database.
    public func currentAccount() throws -> AccountID {
        return try reading { db in
            let now = try clock.now(db)
            if let session = try openSession(db, account: nil, now: now) { return AccountID(known: session.accountId) }
            guard let first: String = try db.firstValue("SELECT id FROM account ORDER BY rowid LIMIT 1")
            else { throw IAMError.noSuchEntity("The database holds no account. Create one with: iamsim init") }
            return AccountID(known: first)
        }
    }

    /// The account `text` names: a 12-digit id or an alias.
    ///
    /// - Throws: `NoSuchEntity` when no account in the database has that id or alias.
    public func resolveAccount(_ text: String) throws -> AccountID {
        try reading { db in
            guard
                let id: String = try db.firstValue(
                    "SELECT id FROM account WHERE id = ? OR alias = ?", arguments: [text, text.lowercased()])
            else {
                throw IAMError.noSuchEntity("No account with id or alias \(text) in this database. List them with: iamsim accounts list")
            }
            return AccountID(known: id)
        }
    }

    /// What the lesson player sees of `account` in IAM: events since the lesson started, root's
    /// keys and devices (with seeds: the player checks them against the authenticator), whether
    /// root is signed in, and the clock. The authenticator's part is left empty.
    public func lessonObservation(account: AccountID, lesson: Lesson) throws -> LessonObservation {
        return try writing { db in
            let now = try clock.now(db)
            let start = try lessonStart(account, lesson, db)
            let rootARN = account.rootARN
            let events = try Row.fetchAll(
                db, sql: "SELECT * FROM event WHERE accountId = ? AND id > ? ORDER BY id", arguments: [account.rawValue, start]
            ).map { try EventRecord(row: $0) }
                .map { event in
                    LessonObservation.LoggedEvent(
                        id: event.id, name: event.eventName, succeeded: event.outcome == .success,
                        mfaUsed: event.mfaUsed, byRoot: event.actorArn == nil || event.actorArn == rootARN)
                }
            let root = OwnerKey(.root(account))
            let keys = try AccessKeyRecord.owned(by: root, db).map {
                LessonObservation.AccessKey(id: $0.id, active: $0.status == .active)
            }
            let assigned = try MFADeviceRecord.assigned(to: root, db)
            let unassigned = try MFADeviceRecord.fetchRows(
                db, sql: "SELECT * FROM mfaDevice WHERE accountId = ? AND assignedTo IS NULL", arguments: [account.rawValue])
            let devices = (assigned + unassigned).map { $0.lessonDevice }
            let session = try openSession(db, account: account, now: now)
            let record = try self.account(account, db)
            return LessonObservation(
                rootEmail: record.rootEmail, accountLabel: record.alias ?? account.rawValue, events: events, rootAccessKeys: keys, devices: devices, phone: [],
                rootSessionOpen: session != nil && session?.userId == nil, clockStep: TOTP.step(at: now))
        }
    }

    /// The progress recorded so far, so it never goes backwards.
    public func recordedLessonProgress(account: AccountID, lesson: Lesson) throws -> LessonProgress {
        return try reading { db in
            var done: Set<String> = []
            var witnesses: [String: Int64] = [:]
            for row in try Row.fetchAll(
                db, sql: "SELECT stepId, witnessEventId FROM lessonStep WHERE accountId = ? AND lessonId = ?",
                arguments: [account.rawValue, lesson.id])
            {
                let id: String = try row.value("stepId")
                done.insert(id)
                witnesses[id] = try row.value("witnessEventId")
            }
            return LessonProgress(lesson: lesson, done: done, witnesses: witnesses)
        }
    }

    /// Records newly completed steps; returns those not recorded before, in lesson order.
    @discardableResult
    public func recordLessonProgress(_ progress: LessonProgress, account: AccountID) throws -> [LessonStep] {
        return try writing { db in
            let now = try clock.now(db)
            _ = try lessonStart(account, progress.lesson, db)
            var newlyDone: [LessonStep] = []
            for step in progress.lesson.steps where progress.done.contains(step.id) {
                try db.execute(
                    sql: """
                        INSERT OR IGNORE INTO lessonStep (accountId, lessonId, stepId, completedDate, witnessEventId)
                        VALUES (?, ?, ?, ?, ?)
                        """,
                    arguments: [account.rawValue, progress.lesson.id, step.id, now.stored, progress.witnesses[step.id]])
                if db.changesCount > 0 { newlyDone.append(step) }
            }
            if !newlyDone.isEmpty, progress.isComplete {
                try EventLog.append(
                    db, name: "LessonComplete", time: now, account: account, resource: progress.lesson.id)
            }
            return newlyDone
        }
    }

    /// When each recorded step was completed.
    public func lessonCompletionDates(account: AccountID, lesson: Lesson) throws -> [String: Date] {
        return try reading { db in
            var dates: [String: Date] = [:]
            for row in try Row.fetchAll(
                db, sql: "SELECT stepId, completedDate FROM lessonStep WHERE accountId = ? AND lessonId = ?",
                arguments: [account.rawValue, lesson.id])
            {
                dates[try row.value("stepId")] = (try row.value("completedDate") as StoredDate?)?.date
            }
            return dates
        }
    }

    /// The id of the event after which the lesson's events count: the account's latest load
    /// or reset, recorded on first use.
    func lessonStart(_ account: AccountID, _ lesson: Lesson, _ db: Database) throws -> Int64 {
        if let start: Int64 = try db.firstValue(
            "SELECT startEventId FROM lessonProgress WHERE accountId = ? AND lessonId = ?",
            arguments: [account.rawValue, lesson.id])
        {
            return start
        }
        let loaded: Int64? = try db.firstValue(
            "SELECT max(id) FROM event WHERE accountId = ? AND eventName IN ('LoadFixture', 'ResetAccount')",
            arguments: [account.rawValue])
        let start = loaded ?? 0
        try db.execute(
            sql: "INSERT INTO lessonProgress (accountId, lessonId, startEventId) VALUES (?, ?, ?)",
            arguments: [account.rawValue, lesson.id, start])
        return start
    }
}
