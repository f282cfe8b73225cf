import Foundation
import GRDB
import IAMSimCore
import IAMSimDatabase

extension AccountStore {
    // MARK: - Export

    /// The account's current state as a fixture that loads back to the same state: root and
    /// users with their password hashes, keys with secrets and last use, assigned MFA devices
    /// with seeds, unassigned hardware tokens, groups and members, the password policy and
    /// recorded lesson progress. Devices still awaiting activation, sessions and lockouts are
    /// not part of a starting state and are left out.
    ///
    /// - Throws: `LocalError.noSuchAccount` when there is no such account.
    public func exportFixture(_ accountID: AccountID) throws -> Fixture {
        try environment.reading { db in
            let account = try AccountRecord.existing(accountID, db)
            func keys(_ owner: OwnerKey) throws -> [Fixture.AccessKey]? {
                try AccessKeyRecord.owned(by: owner, db).map {
                    Fixture.AccessKey(
                        accessKeyID: $0.id, secretAccessKey: $0.secretAccessKey, status: $0.status,
                        createDate: $0.createDate,
                        lastUsedDate: $0.lastUsedDate, lastUsedService: $0.lastUsedService,
                        lastUsedRegion: $0.lastUsedRegion)
                }.omittedWhenEmpty
            }
            func devices(_ owner: OwnerKey) throws -> [Fixture.MFADevice]? {
                try MFADeviceRecord.assigned(to: owner, db).map {
                    Fixture.MFADevice(
                        deviceName: $0.deviceName, type: $0.type,
                        serialNumber: $0.type == .hardware ? $0.serialNumber : nil,
                        base32StringSeed: Base32.canonical($0.seed), enableDate: $0.enableDate)
                }.omittedWhenEmpty
            }
            let root = OwnerKey(.root(accountID))
            var users: [Fixture.User] = []
            var names: [String: String] = [:]
            for user in try UserRecord.all(in: accountID.rawValue, db) {
                names[user.id] = user.userName
                let owner = OwnerKey(accountId: user.accountId, userId: user.id)
                let profile = try LoginProfileRecord.find(db, key: user.id).map {
                    Fixture.LoginProfile(
                        passwordHash: $0.passwordHash, passwordResetRequired: $0.passwordResetRequired ? true : nil,
                        createDate: $0.createDate, passwordLastChanged: $0.passwordLastChanged)
                }
                users.append(
                    Fixture.User(
                        userName: user.userName, userID: user.id, path: user.path, createDate: user.createDate,
                        loginProfile: profile, passwordLastUsed: user.passwordLastUsed, accessKeys: try keys(owner),
                        mfaDevices: try devices(owner)))
            }
            var groups: [Fixture.Group] = []
            for group in try GroupRecord.all(inCreationOrderOf: accountID.rawValue, db) {
                let members = try GroupMembershipRecord.memberIDs(ofGroup: group.id, db).compactMap { names[$0] }
                groups.append(
                    Fixture.Group(
                        groupName: group.groupName, groupID: group.id, path: group.path, createDate: group.createDate,
                        members: members))
            }
            let tokens = try MFADeviceRecord.fetchAll(
                db,
                sql: """
                    SELECT * FROM mfaDevice WHERE accountId = ? AND type = 'hardware' AND assignedTo IS NULL
                    ORDER BY serialNumber
                    """,
                arguments: [accountID.rawValue]
            )
            // A seed stored before lengths were checked is written as valid base32 of the same key.
            .map { Fixture.HardwareToken(serialNumber: $0.serialNumber, base32StringSeed: Base32.canonical($0.seed)) }
            var progress: [Fixture.LessonProgressEntry] = []
            for lesson in Lesson.all {
                let done = Set(try LessonStepRecord.completed(lesson.id, by: accountID.rawValue, db).map(\.stepId))
                if !done.isEmpty {
                    progress.append(
                        Fixture.LessonProgressEntry(
                            lessonID: lesson.id, completedSteps: lesson.steps.map(\.id).filter(done.contains)))
                }
            }
            return Fixture(
                name: Self.exportName(fixtureName: account.fixtureName, accountID: accountID),
                description: "The state of account \(accountID.rawValue), exported by iamsim.",
                account: Fixture.Account(
                    accountID: accountID.rawValue, accountAlias: account.alias, createDate: account.createDate,
                    root: Fixture.Root(
                        email: account.rootEmail, passwordHash: account.rootPasswordHash,
                        passwordLastUsed: account.rootPasswordLastUsed, accessKeys: try keys(root),
                        mfaDevices: try devices(root)),
                    users: users.omittedWhenEmpty, hardwareTokens: tokens.omittedWhenEmpty,
                    groups: groups.omittedWhenEmpty,
                    passwordPolicy: try PasswordPolicyRecord.policy(of: accountID, db).map(
                        Fixture.PasswordPolicySettings.init),
                    lessonProgress: progress.omittedWhenEmpty))
        }
    }

    /// The name of an exported fixture: the account's fixture name with `-export` added once,
    /// so that exporting an account loaded from an export gives the same name again (the round
    /// trip export → load → export is exact); `ACCOUNT-export` for an account without one.
    static func exportName(fixtureName: String?, accountID: AccountID) -> String {
        let suffix = "-export"
        let base = fixtureName.flatMap { $0.isEmpty ? nil : $0 } ?? accountID.rawValue
        return base.hasSuffix(suffix) ? base : base + suffix
    }
}

extension Array {
    /// The list as a fixture writes it: left out (nil) when empty.
    fileprivate var omittedWhenEmpty: Self? { isEmpty ? nil : self }
}
