import Foundation
import GRDB
import IAMSimCore
import IAMSimDatabase

/// A fixture ready to load: every plain password replaced by a salted hash, made before any
/// transaction (the hashes are slow on purpose), and the stored JSON when it is already at
/// hand (a reset to the account's own fixture).
public struct PreparedFixture: Sendable {
    public let fixture: Fixture
    let storedJSON: String?
}

extension AccountStore {
    // MARK: - Loading fixtures

    /// `fixtures` with their passwords hashed, on every core at once, ready for `load`.
    ///
    /// - Parameter progress: told how many hashes are done, for a progress bar.
    public func prepare(_ fixtures: [Fixture], progress: @Sendable (Int) -> Void = { _ in }) -> [PreparedFixture] {
        hashingPasswords(fixtures, progress: progress).map { PreparedFixture(fixture: $0, storedJSON: nil) }
    }

    /// Loads a prepared fixture as a new account, inside `transaction`, and records
    /// `LoadFixture` at real time (a new account's clock is real until someone sets it).
    ///
    /// - Throws: `LocalError.invalidValue` when its account id, alias, root email, a key or a
    ///   device is taken; the whole transaction then changes nothing.
    @discardableResult
    public func load(_ prepared: PreparedFixture, _ transaction: DatabaseTransaction) throws -> AccountID {
        try load(prepared.fixture, event: .loadFixture, now: environment.clock.realNow(), transaction.db)
    }

    /// Loads `fixture` as a new account, in one transaction of its own: the IAM state only (a
    /// fixture's hardware tokens go to the trainee through the application layer's Classroom).
    ///
    /// - Throws: as `load(_:_:)`.
    @discardableResult
    public func loadFixture(_ fixture: Fixture) throws -> AccountID {
        let prepared = prepare([fixture])[0]
        return try environment.database.transaction { try load(prepared, $0) }
    }

    /// Loads one account per fixture in a single transaction: all of them or, on any
    /// conflict, none (the IAM state only, as `loadFixture`).
    ///
    /// - Throws: `LocalError.invalidValue` when an account id, alias, root email, key or device is taken
    ///   (nothing is created then).
    @discardableResult
    public func createAccounts(_ fixtures: [Fixture], progress: @Sendable (Int) -> Void = { _ in }) throws
        -> [AccountID]
    {
        let prepared = prepare(fixtures, progress: progress)
        return try environment.database.transaction { transaction in try prepared.map { try load($0, transaction) } }
    }

    /// `fixtures` with every plain password replaced by a salted hash. The hashes are slow on
    /// purpose, so they are made before any transaction, on every core at once.
    func hashingPasswords(_ fixtures: [Fixture], progress: @Sendable (Int) -> Void = { _ in }) -> [Fixture] {
        // Every plain password, as (fixture, user index or nil for root, password).
        var plain: [(Int, Int?, String)] = []
        for (index, fixture) in fixtures.enumerated() {
            if let password = fixture.account.root.password { plain.append((index, nil, password)) }
            for (user, spec) in (fixture.account.users ?? []).enumerated() {
                if let password = spec.loginProfile?.password { plain.append((index, user, password)) }
            }
        }
        let hashes = HashResults(count: plain.count)
        let items = plain
        DispatchQueue.concurrentPerform(iterations: items.count) { index in
            hashes.set(index, environment.hasher.hash(items[index].2, random: environment.secrets.random))
            progress(hashes.completed)
        }
        var prepared = fixtures
        for (index, (fixture, user, _)) in items.enumerated() {
            guard let hash = hashes.value(index) else { continue }
            if let user {
                prepared[fixture].account.users?[user].loginProfile?.password = nil
                prepared[fixture].account.users?[user].loginProfile?.passwordHash = hash
            } else {
                prepared[fixture].account.root.password = nil
                prepared[fixture].account.root.passwordHash = hash
            }
        }
        return prepared
    }

    /// Inserts an account from a fixture whose passwords are already hashes, records `event`
    /// (`LoadFixture`, `ResetAccount`), and starts the fixture's lessons after that event.
    @discardableResult
    func load(
        _ fixture: Fixture, event: IAMAction, now: Date, replacing: Bool = false, storedJSON: String? = nil,
        _ db: Database
    ) throws -> AccountID {
        let account = try insert(fixture, now: now, replacing: replacing, storedJSON: storedJSON, db)
        let start = try EventLog.append(db, name: event, time: now, account: account, resource: fixture.name)
        for entry in fixture.account.lessonProgress ?? [] {
            try LessonProgressRecord(accountId: account.rawValue, lessonId: entry.lessonID, startEventId: start).insert(
                db)
            for step in entry.completedSteps {
                try LessonStepRecord(
                    accountId: account.rawValue, lessonId: entry.lessonID, stepId: step, completedDate: now
                )
                .insert(db, onConflict: .ignore)
            }
        }
        return account
    }

    /// Inserts a fixture whose passwords are already hashes (`hashingPasswords`).
    ///
    /// - Parameter replacing: the account row exists and is rewritten in place (a reset, which
    ///   keeps the account's place in the classroom's order); otherwise it must be new.
    /// - Parameter storedJSON: the fixture's JSON when it is already at hand (a reset), to
    ///   store instead of encoding it again.
    func insert(_ fixture: Fixture, now: Date, replacing: Bool = false, storedJSON: String? = nil, _ db: Database)
        throws
        -> AccountID
    {
        let spec = fixture.account
        let accountID = try AccountID(validating: spec.accountID)
        guard try replacing || AccountRecord.find(db, key: accountID.rawValue) == nil else {
            throw LocalError.invalidValue("The account \(accountID.rawValue) already exists in this database.")
        }
        func taken(_ condition: String, _ value: String) throws -> Bool {
            try db.firstValue(
                "SELECT EXISTS (SELECT 1 FROM account WHERE id != ? AND \(condition))",
                arguments: [accountID.rawValue, value])
                ?? false
        }
        if let alias = spec.accountAlias, try taken("alias = ?", alias) {
            throw LocalError.invalidValue("The account alias \(alias) already exists in this database.")
        }
        if try taken("rootEmail = ? COLLATE NOCASE", spec.root.email) {
            throw LocalError.invalidValue("The root email \(spec.root.email) is already used by another account.")
        }
        let record = AccountRecord(
            id: accountID.rawValue, alias: spec.accountAlias,
            createDate: spec.createDate.map(Timestamp.wholeSeconds) ?? now,
            fixtureName: fixture.name, rootEmail: spec.root.email, rootPasswordHash: spec.root.passwordHash ?? "",
            rootPasswordLastUsed: spec.root.passwordLastUsed.map(Timestamp.wholeSeconds),
            fixtureJSON: try storedJSON ?? fixture.jsonText())
        if replacing { try record.update(db) } else { try record.insert(db) }

        let root = OwnerKey(.root(accountID))
        try insertKeys(spec.root.accessKeys, owner: root, now: now, db)
        try insertDevices(spec.root.mfaDevices, owner: root, accountID: accountID, now: now, db)

        for token in spec.hardwareTokens ?? [] {
            if try MFADeviceRecord.find(db, key: token.serialNumber) != nil {
                throw LocalError.invalidValue("The MFA device \(token.serialNumber) already exists in this database.")
            }
            try MFADeviceRecord(
                serialNumber: token.serialNumber, accountId: accountID.rawValue, deviceName: token.serialNumber,
                type: .hardware, seed: token.base32StringSeed.uppercased(), createDate: now, assignedTo: nil,
                userId: nil,
                enableDate: nil, lastAcceptedStep: nil, drift: 0
            ).insert(db)
        }

        var usersByName: [String: UserRecord] = [:]
        for spec in spec.users ?? [] {
            let created = spec.createDate.map(Timestamp.wholeSeconds) ?? now
            let user = UserRecord(
                id: spec.userID ?? environment.secrets.userID(), accountId: accountID.rawValue, userName: spec.userName,
                path: spec.path ?? "/", createDate: created,
                passwordLastUsed: spec.passwordLastUsed.map(Timestamp.wholeSeconds))
            try user.insert(db)
            let owner = OwnerKey(accountId: accountID.rawValue, userId: user.id)
            try insertKeys(spec.accessKeys, owner: owner, now: now, db)
            try insertDevices(spec.mfaDevices, owner: owner, accountID: accountID, now: now, db)
            if let profile = spec.loginProfile, let hash = profile.passwordHash {
                let since = profile.createDate.map(Timestamp.wholeSeconds) ?? created
                try LoginProfileRecord(
                    userId: user.id, passwordHash: hash, createDate: since,
                    passwordLastChanged: profile.passwordLastChanged.map(Timestamp.wholeSeconds) ?? since,
                    passwordResetRequired: profile.passwordResetRequired ?? false
                ).insert(db)
                try StoreEnvironment.remember(hash, for: user.id, now: since, db)
            }
            usersByName[spec.userName.lowercased()] = user
        }

        for spec in spec.groups ?? [] {
            let group = GroupRecord(
                id: spec.groupID ?? environment.secrets.groupID(), accountId: accountID.rawValue,
                groupName: spec.groupName, path: spec.path ?? "/",
                createDate: spec.createDate.map(Timestamp.wholeSeconds) ?? now)
            try group.insert(db)
            for member in spec.members ?? [] {
                guard let user = usersByName[member.lowercased()] else { continue }
                try GroupMembershipRecord(groupId: group.id, userId: user.id, addedDate: group.createDate)
                    .insert(db, onConflict: .ignore)
            }
        }
        if let settings = spec.passwordPolicy {
            try PasswordPolicyRecord(accountId: accountID.rawValue, policy: settings.policy).insert(
                db, onConflict: .replace)
        }
        return accountID
    }

    private func insertKeys(_ keys: [Fixture.AccessKey]?, owner: OwnerKey, now: Date, _ db: Database) throws {
        for key in keys ?? [] {
            if try AccessKeyRecord.find(db, key: key.accessKeyID) != nil {
                throw LocalError.invalidValue("The access key \(key.accessKeyID) already exists in this database.")
            }
            try AccessKeyRecord(
                id: key.accessKeyID, accountId: owner.accountId, userId: owner.userId,
                secretAccessKey: key.secretAccessKey, status: key.status ?? .active,
                createDate: key.createDate.map(Timestamp.wholeSeconds) ?? now,
                lastUsedDate: key.lastUsedDate.map(Timestamp.wholeSeconds), lastUsedService: key.lastUsedService,
                lastUsedRegion: key.lastUsedRegion
            ).insert(db)
        }
    }

    private func insertDevices(
        _ devices: [Fixture.MFADevice]?, owner: OwnerKey, accountID: AccountID, now: Date, _ db: Database
    ) throws {
        for device in devices ?? [] {
            let type = device.type ?? .virtual
            let serial =
                switch type {
                case .virtual: MFADeviceName(known: device.deviceName).serialNumber(in: accountID)
                case .hardware: device.serialNumber ?? device.deviceName
                }
            if try MFADeviceRecord.find(db, key: serial) != nil {
                throw LocalError.invalidValue("The MFA device \(serial) already exists in this database.")
            }
            try MFADeviceRecord(
                serialNumber: serial, accountId: accountID.rawValue, deviceName: device.deviceName, type: type,
                seed: device.base32StringSeed.uppercased(),
                createDate: device.enableDate.map(Timestamp.wholeSeconds) ?? now,
                assignedTo: owner.userId == nil ? .root : .user, userId: owner.userId,
                enableDate: device.enableDate.map(Timestamp.wholeSeconds) ?? now, lastAcceptedStep: nil, drift: 0
            ).insert(db)
        }
    }
}

/// Results of hashes computed on several threads at once.
private final class HashResults: @unchecked Sendable {
    private var results: [String?]
    private let lock = NSLock()

    init(count: Int) { results = Array(repeating: nil, count: count) }

    private var done = 0

    func set(_ index: Int, _ hash: String) {
        lock.lock()
        results[index] = hash
        done += 1
        lock.unlock()
    }

    /// How many hashes are done.
    var completed: Int {
        lock.lock()
        defer { lock.unlock() }
        return done
    }

    func value(_ index: Int) -> String? {
        lock.lock()
        defer { lock.unlock() }
        return results[index]
    }
}
