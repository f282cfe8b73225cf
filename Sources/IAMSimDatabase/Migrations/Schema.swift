import GRDB

/// The database schema, as a list of migrations.
///
/// Migrations use table and column names only, never record types, and are never edited once
/// they have shipped: a change is a new migration.
package enum Schema {
    /// A migration: its identifier (as recorded in `grdb_migrations`) and what it does.
    package typealias Migration = (identifier: String, migrate: @Sendable (Database) throws -> Void)

    /// Every migration, in order. Database files run the missing ones together in one
    /// exclusive transaction (`IAMSimDatabase.migrate`), so that processes opening a new file at
    /// once cannot both migrate it; in-memory databases use the same list through `migrator`.
    package static let migrations: [Migration] = [
        ("v1", v1), ("v2", v2), ("v3", v3), ("v4", v4), ("v5", v5), ("v6", v6), ("v7", v7),
        ("v8", v8), ("v9-sessionCredentials", v9SessionCredentials), ("v10-eventDetails", v10EventDetails),
        ("v11-serviceLastAccessedJobs", v11ServiceLastAccessedJobs),
    ]

    package static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        for migration in migrations {
            migrator.registerMigration(migration.identifier, migrate: migration.migrate)
        }
        return migrator
    }

    /// The foundation: accounts with their root user, IAM users, access keys, MFA devices,
    /// console sessions, the event log, the simulated clock and the authenticator's accounts.
    static func v1(_ db: Database) throws {
        try db.create(table: "account") { t in
            t.primaryKey("id", .text).check { length($0) == 12 }
            t.column("alias", .text).unique()
            t.column("createDate", .datetime).notNull()
            t.column("fixtureName", .text)
            t.column("rootEmail", .text).notNull().unique().collate(.nocase)
            t.column("rootPasswordHash", .text).notNull()
            t.column("rootPasswordLastUsed", .datetime)
        }

        try db.create(table: "iamUser") { t in
            t.primaryKey("id", .text)
            t.belongsTo("account", onDelete: .cascade).notNull()
            t.column("userName", .text).notNull()
            t.column("path", .text).notNull().defaults(to: "/")
            t.column("createDate", .datetime).notNull()
            t.column("passwordLastUsed", .datetime)
        }
        // User names are unique per account, case-insensitively, as in IAM.
        try db.execute(sql: "CREATE UNIQUE INDEX iamUser_name ON iamUser(accountId, userName COLLATE NOCASE)")

        try db.create(table: "accessKey") { t in
            t.primaryKey("id", .text)
            t.belongsTo("account", onDelete: .cascade).notNull()
            // NULL owner means the root user. IAM refuses to delete a user with keys (RESTRICT).
            t.column("userId", .text).references("iamUser", onDelete: .restrict)
            t.column("secretAccessKey", .text).notNull()
            t.column("status", .text).notNull().check(sql: "status IN ('Active', 'Inactive')")
            t.column("createDate", .datetime).notNull()
            t.column("lastUsedDate", .datetime)
            t.column("lastUsedService", .text)
            t.column("lastUsedRegion", .text)
        }
        try db.create(index: "accessKey_owner", on: "accessKey", columns: ["accountId", "userId"])

        try db.create(table: "mfaDevice") { t in
            t.primaryKey("serialNumber", .text)
            t.belongsTo("account", onDelete: .cascade).notNull()
            t.column("deviceName", .text).notNull()
            t.column("type", .text).notNull().check(sql: "type IN ('virtual', 'hardware')")
            t.column("seed", .text).notNull()
            t.column("createDate", .datetime).notNull()
            // NULL: created, awaiting activation. 'root' or 'user' (with userId): assigned.
            t.column("assignedTo", .text).check(sql: "assignedTo IN ('root', 'user')")
            t.column("userId", .text).references("iamUser", onDelete: .restrict)
            t.column("enableDate", .datetime)
            t.column("lastAcceptedStep", .integer)
            t.column("drift", .integer).notNull().defaults(to: 0)
            t.check(
                sql: """
                    (assignedTo IS NULL AND userId IS NULL AND enableDate IS NULL)
                    OR (assignedTo = 'root' AND userId IS NULL AND enableDate IS NOT NULL)
                    OR (assignedTo = 'user' AND userId IS NOT NULL AND enableDate IS NOT NULL)
                    """)
        }
        try db.execute(
            sql: "CREATE UNIQUE INDEX mfaDevice_name ON mfaDevice(accountId, deviceName COLLATE NOCASE)")
        try db.create(index: "mfaDevice_owner", on: "mfaDevice", columns: ["accountId", "assignedTo", "userId"])

        try db.create(table: "consoleSession") { t in
            t.primaryKey("id", .text)
            t.belongsTo("account", onDelete: .cascade).notNull()
            t.column("userId", .text).references("iamUser", onDelete: .cascade)
            t.column("mfaUsed", .boolean).notNull()
            t.column("createDate", .datetime).notNull()
            t.column("expireDate", .datetime).notNull()
            t.column("endDate", .datetime)
        }
        try db.create(index: "consoleSession_open", on: "consoleSession", columns: ["endDate", "createDate"])

        try db.create(table: "event") { t in
            t.autoIncrementedPrimaryKey("id")
            // No foreign key: the log outlives what it describes, and failed sign-ins may name
            // no account at all.
            t.column("accountId", .text)
            t.column("eventTime", .datetime).notNull()
            t.column("eventName", .text).notNull()
            t.column("actorArn", .text)
            t.column("outcome", .text).notNull().check(sql: "outcome IN ('Success', 'Failure')")
            t.column("errorCode", .text)
            t.column("errorMessage", .text)
            t.column("mfaUsed", .boolean)
            t.column("resource", .text)
        }
        try db.create(index: "event_account_time", on: "event", columns: ["accountId", "eventTime"])
        // Append-only: the log is evidence, so SQLite itself refuses to rewrite it.
        try db.execute(
            sql: """
                CREATE TRIGGER event_is_append_only_update BEFORE UPDATE ON event
                BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;
                CREATE TRIGGER event_is_append_only_delete BEFORE DELETE ON event
                BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;
                """)

        // One row while the clock is simulated; none while it follows real time.
        try db.create(table: "simulatedClock") { t in
            t.primaryKey("id", .integer).check { $0 == 1 }
            t.column("time", .datetime).notNull()
        }

        // The trainee's phone. Only IAMSimDevices reads or writes it, and it never
        // reads the IAM tables above: it knows secrets only as a phone does.
        try db.create(table: "authenticatorAccount") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("label", .text).notNull().unique(onConflict: .abort).collate(.nocase)
            t.column("issuer", .text)
            t.column("accountName", .text).notNull()
            t.column("secret", .text).notNull()
            t.column("algorithm", .text).notNull().defaults(to: "SHA1")
            t.column("digits", .integer).notNull().defaults(to: 6)
            t.column("period", .integer).notNull().defaults(to: 30)
            t.column("addedDate", .datetime).notNull()
        }
    }

    /// The guided lesson and resets: the fixture each account came from, when the phone last
    /// showed each account's code, lesson progress, and MFA lockout.
    static func v2(_ db: Database) throws {
        // The fixture as loaded, so an account can be put back to its starting state.
        try db.alter(table: "account") { t in
            t.add(column: "fixtureJSON", .text)
            // Consecutive failed MFA codes at sign-in, and the end of the lockout they caused.
            t.add(column: "failedMFAAttempts", .integer).notNull().defaults(to: 0)
            t.add(column: "lockedUntil", .datetime)
        }
        // The time steps at which the phone first and last showed an account's code.
        try db.alter(table: "authenticatorAccount") { t in
            t.add(column: "firstViewedStep", .integer)
            t.add(column: "lastViewedStep", .integer)
        }
        try db.create(table: "lessonProgress") { t in
            t.belongsTo("account", onDelete: .cascade).notNull()
            t.column("lessonId", .text).notNull()
            // Events after this one count toward the lesson (a load or a reset starts it).
            t.column("startEventId", .integer).notNull()
            t.primaryKey(["accountId", "lessonId"])
        }
        try db.create(table: "lessonStep") { t in
            t.column("accountId", .text).notNull()
            t.column("lessonId", .text).notNull()
            t.column("stepId", .text).notNull()
            t.column("completedDate", .datetime).notNull()
            // The event that proved the step, when one did: later steps look only after it.
            t.column("witnessEventId", .integer)
            t.primaryKey(["accountId", "lessonId", "stepId"])
            t.foreignKey(["accountId", "lessonId"], references: "lessonProgress", onDelete: .cascade)
        }
    }

    /// Hardware TOTP tokens in the trainee's hands: the authenticator module shows their
    /// displays, from its own table, as it does the phone's accounts.
    static func v3(_ db: Database) throws {
        try db.create(table: "hardwareToken") { t in
            t.primaryKey("serialNumber", .text)
            t.column("secret", .text).notNull()
            t.column("addedDate", .datetime).notNull()
        }
    }

    /// Identities beyond root: console passwords for IAM users, groups, the account password
    /// policy, and the credential report.
    static func v4(_ db: Database) throws {
        try db.alter(table: "iamUser") { t in
            t.add(column: "failedMFAAttempts", .integer).notNull().defaults(to: 0)
            t.add(column: "lockedUntil", .datetime)
        }
        // A user's console password (AWS's login profile). RESTRICT: IAM refuses to delete a
        // user who still has one.
        try db.create(table: "loginProfile") { t in
            t.primaryKey("userId", .text).references("iamUser", onDelete: .restrict)
            t.column("passwordHash", .text).notNull()
            t.column("createDate", .datetime).notNull()
            t.column("passwordLastChanged", .datetime).notNull()
            t.column("passwordResetRequired", .boolean).notNull().defaults(to: false)
        }
        // Earlier password hashes, newest first, for the policy's reuse prevention.
        try db.create(table: "passwordHistory") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("userId", .text).notNull().references("iamUser", onDelete: .cascade)
            t.column("passwordHash", .text).notNull()
            t.column("changedDate", .datetime).notNull()
        }
        try db.create(index: "passwordHistory_user", on: "passwordHistory", columns: ["userId", "id"])
        try db.create(table: "iamGroup") { t in
            t.primaryKey("id", .text)
            t.belongsTo("account", onDelete: .cascade).notNull()
            t.column("groupName", .text).notNull()
            t.column("path", .text).notNull().defaults(to: "/")
            t.column("createDate", .datetime).notNull()
        }
        try db.execute(sql: "CREATE UNIQUE INDEX iamGroup_name ON iamGroup(accountId, groupName COLLATE NOCASE)")
        // RESTRICT both ways: IAM refuses to delete a group with members or a user in a group.
        try db.create(table: "groupMembership") { t in
            t.column("groupId", .text).notNull().references("iamGroup", onDelete: .restrict)
            t.column("userId", .text).notNull().references("iamUser", onDelete: .restrict)
            t.column("addedDate", .datetime).notNull()
            t.primaryKey(["groupId", "userId"])
        }
        try db.create(index: "groupMembership_user", on: "groupMembership", columns: ["userId"])
        try db.create(table: "passwordPolicy") { t in
            t.primaryKey("accountId", .text).references("account", onDelete: .cascade)
            t.column("minimumPasswordLength", .integer).notNull()
            t.column("requireSymbols", .boolean).notNull()
            t.column("requireNumbers", .boolean).notNull()
            t.column("requireUppercaseCharacters", .boolean).notNull()
            t.column("requireLowercaseCharacters", .boolean).notNull()
            t.column("allowUsersToChangePassword", .boolean).notNull()
            t.column("maxPasswordAge", .integer)
            t.column("passwordReusePrevention", .integer)
            t.column("hardExpiry", .boolean).notNull()
        }
        // The latest generated report per account (AWS keeps one; regeneration waits 4 hours).
        try db.create(table: "credentialReport") { t in
            t.primaryKey("accountId", .text).references("account", onDelete: .cascade)
            t.column("generatedTime", .datetime).notNull()
            t.column("content", .text).notNull()
        }
    }

    /// Classrooms: many accounts in one database, so each trainee's devices (the phone's
    /// accounts, hardware tokens) belong to that trainee's account. Devices from before are
    /// given to the first account, the only one a database had until now.
    static func v5(_ db: Database) throws {
        let first = try String.fetchOne(db, sql: "SELECT id FROM account ORDER BY createDate, id LIMIT 1")
        for table in ["authenticatorAccount", "hardwareToken"] {
            try db.alter(table: table) { t in t.add(column: "accountId", .text) }
            try db.execute(sql: "UPDATE \(table) SET accountId = ?", arguments: [first])
        }
        // Labels are unique per phone, not across the classroom.
        try db.execute(
            sql: """
                CREATE TABLE authenticatorAccountNew (
                  id INTEGER PRIMARY KEY AUTOINCREMENT,
                  accountId TEXT,
                  label TEXT NOT NULL COLLATE NOCASE,
                  issuer TEXT,
                  accountName TEXT NOT NULL,
                  secret TEXT NOT NULL,
                  algorithm TEXT NOT NULL DEFAULT 'SHA1',
                  digits INTEGER NOT NULL DEFAULT 6,
                  period INTEGER NOT NULL DEFAULT 30,
                  addedDate DATETIME NOT NULL,
                  firstViewedStep INTEGER,
                  lastViewedStep INTEGER,
                  UNIQUE (accountId, label)
                );
                INSERT INTO authenticatorAccountNew
                  (id, accountId, label, issuer, accountName, secret, algorithm, digits, period, addedDate, firstViewedStep, lastViewedStep)
                  SELECT id, accountId, label, issuer, accountName, secret, algorithm, digits, period, addedDate, firstViewedStep, lastViewedStep
                  FROM authenticatorAccount;
                DROP TABLE authenticatorAccount;
                ALTER TABLE authenticatorAccountNew RENAME TO authenticatorAccount;
                CREATE INDEX hardwareToken_account ON hardwareToken(accountId);
                """)
        // Indexes for the classroom report: the newest event of each account.
        try db.create(index: "event_account_id", on: "event", columns: ["accountId", "id"])
    }

    /// A simulated clock per account: in a classroom, one trainee stopping or moving their clock
    /// must not stop everyone else's codes and sessions. A database whose single clock was
    /// simulated gives every account that time.
    static func v6(_ db: Database) throws {
        try db.execute(
            sql: """
                ALTER TABLE simulatedClock RENAME TO simulatedClockShared;
                CREATE TABLE simulatedClock (
                  accountId TEXT PRIMARY KEY NOT NULL REFERENCES account(id) ON DELETE CASCADE,
                  time DATETIME NOT NULL
                );
                INSERT INTO simulatedClock (accountId, time)
                  SELECT account.id, simulatedClockShared.time FROM account, simulatedClockShared;
                DROP TABLE simulatedClockShared;
                """)
    }

    /// Lesson evidence: the status a root access key had when `DeleteAccessKey` deleted it, so
    /// the lesson can tell a key deactivated first (as the console insists) from one deleted
    /// while still active. NULL for every other event, and for events from before.
    static func v7(_ db: Database) throws {
        try db.alter(table: "event") { t in
            t.add(column: "rootKeyStatus", .text).check(sql: "rootKeyStatus IN ('Active', 'Inactive')")
        }
    }

    /// Tags on IAM users (`TagUser`, `CreateUser`'s `Tags`): keys unique per user ignoring
    /// case, as IAM's are. CASCADE: deleting a user deletes its tags, as in IAM.
    static func v8(_ db: Database) throws {
        try db.create(table: "userTag") { t in
            t.column("userId", .text).notNull().references("iamUser", onDelete: .cascade)
            t.column("key", .text).notNull()
            t.column("value", .text).notNull()
            t.primaryKey(["userId", "key"])
        }
        try db.execute(sql: "CREATE UNIQUE INDEX userTag_key ON userTag(userId, key COLLATE NOCASE)")
    }

    /// STS `GetSessionToken`'s temporary credentials: the `ASIA…` key, its secret (kept as
    /// access keys' secrets are, for SigV4), a digest of the session token (only ever
    /// compared), the key that asked for them, whether MFA authenticated them, and when they
    /// were issued and expire on the account's clock.
    ///
    /// No foreign key to the long-term key: temporary credentials stay valid until they expire
    /// when that key is deactivated or deleted, as AWS's cannot be revoked. A deleted user's
    /// (and a reset or deleted account's) go with them.
    static func v9SessionCredentials(_ db: Database) throws {
        try db.create(table: "sessionCredential") { t in
            t.primaryKey("id", .text)
            t.belongsTo("account", onDelete: .cascade).notNull()
            // NULL: the root user's.
            t.column("userId", .text).references("iamUser", onDelete: .cascade)
            t.column("parentAccessKeyId", .text)
            t.column("secretAccessKey", .text).notNull()
            t.column("sessionTokenDigest", .text).notNull()
            t.column("mfaAuthenticated", .boolean).notNull()
            // The device whose code authenticated the session, when one did.
            t.column("serialNumber", .text)
            t.column("createDate", .datetime).notNull()
            t.column("expiration", .datetime).notNull()
        }
        try db.create(index: "sessionCredential_owner", on: "sessionCredential", columns: ["accountId", "userId"])
    }

    /// The event log in CloudTrail's shape: each event's `eventSource` (`iam.amazonaws.com`,
    /// `sts.amazonaws.com`, `signin.amazonaws.com`, `iamsim`), `userIdentity.type` (`Root`,
    /// `IAMUser`) and `accessKeyId`, `sourceIPAddress`, `userAgent`, and for temporary
    /// credentials (a console session, STS's) `sessionContext.attributes.mfaAuthenticated`.
    /// NULL in events from before (readers derive the source from the event's name), and where
    /// an event has no such detail (the simulator's own actions).
    static func v10EventDetails(_ db: Database) throws {
        try db.alter(table: "event") { t in
            t.add(column: "eventSource", .text)
            t.add(column: "userIdentityType", .text).check(sql: "userIdentityType IN ('Root', 'IAMUser')")
            t.add(column: "accessKeyId", .text)
            t.add(column: "sourceIPAddress", .text)
            t.add(column: "userAgent", .text)
            t.add(column: "mfaAuthenticated", .boolean)
        }
    }

    /// The service-last-accessed jobs `GenerateServiceLastAccessedDetails` started: the entity
    /// each reports on, its granularity and when it was created, so that
    /// `GetServiceLastAccessedDetails` answers for the jobs an account started and no other.
    /// A job completes when it is created; it goes with its account.
    static func v11ServiceLastAccessedJobs(_ db: Database) throws {
        try db.create(table: "serviceLastAccessedJob") { t in
            t.primaryKey("id", .text)
            t.belongsTo("account", onDelete: .cascade).notNull()
            t.column("arn", .text).notNull()
            t.column("granularity", .text).notNull().check(sql: "granularity IN ('SERVICE_LEVEL', 'ACTION_LEVEL')")
            t.column("createDate", .datetime).notNull()
        }
    }
}
