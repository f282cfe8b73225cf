import Foundation
import GRDB
import IAMSimCore

extension IAMStore {
    // MARK: - Fixtures

    /// Loads `fixture` as a new account.
    ///
    /// - Throws: `EntityAlreadyExists` when its account id, alias or root email is taken;
    ///   nothing is written then.
    @discardableResult
    public func loadFixture(_ fixture: Fixture) throws -> AccountID {
        // Hash before the transaction: the deliberate slowness must not hold the write lock.
        let passwordHash = rootPasswordHash(fixture)
        return try writing { db in
            let now = try clock.now(db)
            let id = try insert(fixture, passwordHash: passwordHash, now: now, db)
            try EventLog.append(
                db, name: "LoadFixture", time: now, account: id, actor: nil, resource: fixture.name)
            return id
        }
    }

    /// Loads the built-in fixture unless the database already holds an account.
    ///
    /// Safe when several processes race to initialize one new file: the check and the load
    /// share one write transaction, so exactly one of them loads.
    /// - Parameter fixture: read only when the database turns out to be empty.
    /// - Returns: the fixture loaded, or nil when there already was an account.
    @discardableResult
    public func seedIfEmpty(with fixture: () throws -> Fixture) throws -> Fixture? {
        do {
            // Every command passes here: the common case must cost one read, not a parse and a hash.
            guard try writer.read({ db in try AccountRecord.fetchCount(db) }) == 0 else { return nil }
            let fixture = try fixture()
            let passwordHash = rootPasswordHash(fixture)
            return try writer.write { db in
                guard try AccountRecord.fetchCount(db) == 0 else { return nil }
                let now = try clock.now(db)
                let id = try insert(fixture, passwordHash: passwordHash, now: now, db)
                try EventLog.append(db, name: "LoadFixture", time: now, account: id, resource: fixture.name)
                return fixture
            }
        } catch {
            throw translate(error)
        }
    }

    /// The ids of every account, in creation order.
    public func accountIDs() throws -> [AccountID] {
        try writer.read { db in
            try String.fetchAll(db, sql: "SELECT id FROM account ORDER BY createDate, id").map(AccountID.init(known:))
        }
    }

    /// The fixture's stored hash, or a new hash of its plain password.
    func rootPasswordHash(_ fixture: Fixture) -> String {
        let root = fixture.account.root
        if let hash = root.passwordHash { return hash }
        return hasher.hash(root.password ?? "", random: secrets.random)
    }

    func insert(_ fixture: Fixture, passwordHash: String, now: Date, _ db: Database) throws -> AccountID {
        let spec = fixture.account
        let accountID = try AccountID(validating: spec.accountID)
        guard try AccountRecord.fetchOne(db, key: accountID.rawValue) == nil else {
            throw IAMError.entityAlreadyExists("The account \(accountID.rawValue) already exists in this database.")
        }
        if let alias = spec.alias, try AccountRecord.filter(AccountRecord.Columns.alias == alias).fetchCount(db) > 0 {
            throw IAMError.entityAlreadyExists("The account alias \(alias) already exists in this database.")
        }
        if try AccountRecord.filter(sql: "rootEmail = ? COLLATE NOCASE", arguments: [spec.root.email]).fetchCount(db) > 0 {
            throw IAMError.entityAlreadyExists("The root email \(spec.root.email) is already used by another account.")
        }
        var stored = fixture
        stored.account.root.password = nil
        stored.account.root.passwordHash = passwordHash
        try AccountRecord(
            id: accountID.rawValue, alias: spec.alias, createDate: spec.createDate.map(Timestamp.wholeSeconds) ?? now,
            fixtureName: fixture.name, rootEmail: spec.root.email, rootPasswordHash: passwordHash,
            fixtureJSON: try stored.jsonText()
        ).insert(db)

        let root = OwnerKey(.root(accountID))
        try insertKeys(spec.root.accessKeys, owner: root, now: now, db)
        try insertDevices(spec.root.mfaDevices, owner: root, accountID: accountID, now: now, db)

        for token in spec.hardwareTokens ?? [] {
            if try MFADeviceRecord.fetchOne(db, key: token.serialNumber) != nil {
                throw IAMError.entityAlreadyExists("The MFA device \(token.serialNumber) already exists in this database.")
            }
            try MFADeviceRecord(
                serialNumber: token.serialNumber, accountId: accountID.rawValue, deviceName: token.serialNumber,
                type: .hardware, seed: token.base32StringSeed.uppercased(), createDate: now, assignedTo: nil, userId: nil,
                enableDate: nil, lastAcceptedStep: nil, drift: 0
            ).insert(db)
        }

        for spec in spec.users ?? [] {
            let user = UserRecord(
                id: spec.userID ?? secrets.userID(), accountId: accountID.rawValue, userName: spec.userName,
                path: spec.path ?? "/", createDate: spec.createDate.map(Timestamp.wholeSeconds) ?? now)
            try user.insert(db)
            let owner = OwnerKey(accountId: accountID.rawValue, userId: user.id)
            try insertKeys(spec.accessKeys, owner: owner, now: now, db)
            try insertDevices(spec.mfaDevices, owner: owner, accountID: accountID, now: now, db)
        }
        return accountID
    }

    private func insertKeys(_ keys: [Fixture.AccessKey]?, owner: OwnerKey, now: Date, _ db: Database) throws {
        for key in keys ?? [] {
            if try AccessKeyRecord.fetchOne(db, key: key.accessKeyID) != nil {
                throw IAMError.entityAlreadyExists("The access key \(key.accessKeyID) already exists in this database.")
            }
            try AccessKeyRecord(
                id: key.accessKeyID, accountId: owner.accountId, userId: owner.userId,
                secretAccessKey: key.secretAccessKey, status: key.status ?? .active,
                createDate: key.createDate.map(Timestamp.wholeSeconds) ?? now
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
            if try MFADeviceRecord.fetchOne(db, key: serial) != nil {
                throw IAMError.entityAlreadyExists("The MFA device \(serial) already exists in this database.")
            }
            try MFADeviceRecord(
                serialNumber: serial, accountId: accountID.rawValue, deviceName: device.deviceName, type: type,
                seed: device.base32StringSeed.uppercased(), createDate: device.enableDate.map(Timestamp.wholeSeconds) ?? now,
                assignedTo: owner.userId == nil ? .root : .user, userId: owner.userId,
                enableDate: device.enableDate.map(Timestamp.wholeSeconds) ?? now, lastAcceptedStep: nil, drift: 0
            ).insert(db)
        }
    }
}
