import Foundation
import GRDB
import IAMSimTestSupport
import Testing

@testable import IAMSimCore
@testable import IAMSimStore

/// An account where an IAM user, bob, faces his own credentials, root's and another user's
/// (carol's), each of every kind: keys, an active device, a device awaiting activation.
struct PermissionWorld {
    static let password = "Strong-Password-2026!"
    static let account = "123456789012"

    let h: StoreHarness
    /// bob, as a front end that authenticated him would pass him.
    let bob: Caller
    let bobKey: String
    let carolKey: String
    /// The seed of bob's device awaiting activation, named `bob`.
    let bobPendingSeed: String
    /// The seed of bob's active device, `bob-phone`.
    let bobPhoneSeed: String

    init() throws {
        let h = try StoreHarness()
        try h.signIn()
        let root = h.console
        try h.store.updatePasswordPolicy(
            caller: root, policy: PasswordPolicy(minimumPasswordLength: 8, allowUsersToChangePassword: true))
        for name in ["bob", "carol"] {
            try h.store.createUser(caller: root, userName: name)
            try h.store.createLoginProfile(caller: root, userName: name, password: Self.password)
        }
        try h.store.createGroup(caller: root, groupName: "devs")
        try h.store.addUserToGroup(caller: root, groupName: "devs", userName: "carol")
        // Root: the fixture's key, an active device, a device awaiting activation.
        try h.activateDevice("root-mfa")
        try h.store.createVirtualMFADevice(caller: root, deviceName: "root-spare")
        // Carol: a key, an active device, and a device named after her awaiting activation.
        carolKey = try h.store.createAccessKey(caller: root, userName: "carol").metadata.accessKeyID.rawValue
        let carolSeed = try h.store.createVirtualMFADevice(caller: root, deviceName: "carol-phone").base32StringSeed
        try h.store.enableMFADevice(
            caller: root, serialNumber: StoreHarness.serial("carol-phone"),
            code1: try h.code(carolSeed, stepOffset: -1), code2: try h.code(carolSeed),
            userName: "carol")
        try h.store.createVirtualMFADevice(caller: root, deviceName: "carol")
        // Bob, by himself: a key, an active device, a device named after him awaiting activation.
        bob = Caller.principal(.user(try h.store.getUser(caller: root, userName: "bob")))
        bobKey = try h.store.createAccessKey(caller: bob).metadata.accessKeyID.rawValue
        bobPhoneSeed = try h.store.createVirtualMFADevice(caller: bob, deviceName: "bob-phone").base32StringSeed
        try h.store.enableMFADevice(
            caller: bob, serialNumber: StoreHarness.serial("bob-phone"),
            code1: try h.code(bobPhoneSeed, stepOffset: -1), code2: try h.code(bobPhoneSeed))
        bobPendingSeed = try h.store.createVirtualMFADevice(caller: bob, deviceName: "bob").base32StringSeed
        try h.advance(60)
        self.h = h
    }

    func arn(_ resource: String) -> String { "arn:aws:iam::\(Self.account):\(resource)" }

    /// Every table but the event log, as text: what a refused call must leave untouched.
    func state() throws -> String {
        try h.database.read { db in
            try [
                "account", "iamUser", "accessKey", "mfaDevice", "loginProfile", "passwordHistory", "iamGroup",
                "groupMembership", "passwordPolicy", "credentialReport",
            ].map { table in
                "\(table): "
                    + (try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY rowid")).map(\.description).joined(
                        separator: "; ")
            }.joined(separator: "\n")
        }
    }
}

/// One call an IAM user can make, and what must come of it.
struct PermissionCase: Sendable, CustomTestStringConvertible {
    enum Outcome: Sendable {
        case allowed
        /// AccessDenied in AWS's words, for `action` on `resource` (a path after `arn:aws:iam::ACCOUNT:`).
        /// `logged` is false for the audit, a read that leaves no event.
        case denied(action: String, resource: String, logged: Bool = true)
        /// Allowed past authorization, refused for another reason (the resource is not the caller's to see).
        case refused(@Sendable (PermissionWorld) -> IAMError)

        static func refused(_ error: IAMError) -> Outcome { .refused { _ in error } }
    }

    let name: String
    let outcome: Outcome
    let call: @Sendable (PermissionWorld) throws -> Void

    init(_ name: String, _ outcome: Outcome, _ call: @escaping @Sendable (PermissionWorld) throws -> Void) {
        self.name = name
        self.outcome = outcome
        self.call = call
    }

    var testDescription: String { name }
}

@Suite("Authorization: what an IAM user may do to its own, root's and another user's resources")
struct PermissionTests {
    static let rootKey = StoreHarness.rootKey

    static let cases: [PermissionCase] = [
        // Their own credentials.
        .init("ListAccessKeys, own", .allowed) { _ = try $0.h.store.listAccessKeys(caller: $0.bob, userName: "bob") },
        .init("ListAccessKeys, own, no user name", .allowed) { _ = try $0.h.store.listAccessKeys(caller: $0.bob) },
        .init("CreateAccessKey, own", .allowed) { _ = try $0.h.store.createAccessKey(caller: $0.bob) },
        .init("UpdateAccessKey, own", .allowed) {
            try $0.h.store.updateAccessKey(caller: $0.bob, accessKeyID: $0.bobKey, status: .inactive)
        },
        .init("DeleteAccessKey, own", .allowed) {
            try $0.h.store.deleteAccessKey(caller: $0.bob, accessKeyID: $0.bobKey)
        },
        .init("CreateVirtualMFADevice, any name", .allowed) {
            try $0.h.store.createVirtualMFADevice(caller: $0.bob, deviceName: "bob-spare")
        },
        .init("EnableMFADevice, own", .allowed) { w in
            try w.h.store.enableMFADevice(
                caller: w.bob, serialNumber: StoreHarness.serial("bob"),
                code1: try w.h.code(w.bobPendingSeed, stepOffset: -1),
                code2: try w.h.code(w.bobPendingSeed))
        },
        .init("ResyncMFADevice, own", .allowed) { w in
            try w.h.store.resyncMFADevice(
                caller: w.bob, serialNumber: StoreHarness.serial("bob-phone"),
                code1: try w.h.code(w.bobPhoneSeed, stepOffset: -1),
                code2: try w.h.code(w.bobPhoneSeed))
        },
        .init("DeactivateMFADevice and DeleteVirtualMFADevice, own device", .allowed) { w in
            let serial = StoreHarness.serial("bob-phone")
            let deactivated = try w.h.store.deactivateMFADevice(caller: w.bob, serialNumber: serial)
            try w.h.store.deleteVirtualMFADevice(caller: w.bob, serialNumber: serial, deactivated: deactivated)
        },
        .init("DeleteVirtualMFADevice, unassigned and named after the user (mfa/${aws:username})", .allowed) {
            try $0.h.store.deleteVirtualMFADevice(caller: $0.bob, serialNumber: StoreHarness.serial("bob"))
        },
        .init("ListMFADevices, own", .allowed) { _ = try $0.h.store.listMFADevices(caller: $0.bob) },
        .init("ListVirtualMFADevices, the account's (no seeds)", .allowed) {
            _ = try $0.h.store.listVirtualMFADevices(caller: $0.bob)
        },
        .init("GetUser, own", .allowed) { _ = try $0.h.store.getUser(caller: $0.bob, userName: "bob") },
        .init("GetUser, no user name", .allowed) { _ = try $0.h.store.getUser(caller: $0.bob, userName: nil) },
        .init("GetLoginProfile, own", .allowed) { _ = try $0.h.store.getLoginProfile(caller: $0.bob, userName: "bob") },
        .init("ChangePassword, own", .allowed) {
            try $0.h.store.changePassword(
                caller: $0.bob, oldPassword: PermissionWorld.password, newPassword: "Another-Strong-2026!")
        },
        .init("ListGroupsForUser, own", .allowed) {
            _ = try $0.h.store.listGroupsForUser(caller: $0.bob, userName: "bob")
        },
        .init("GetAccountPasswordPolicy", .allowed) { _ = try $0.h.store.getPasswordPolicy(caller: $0.bob) },
        .init("GetAccountSummary (the dashboard)", .allowed) { _ = try $0.h.store.dashboard(caller: $0.bob) },

        // Root's credentials: invisible, or refused.
        .init("UpdateAccessKey, root's key", .refused(.noSuchAccessKey(rootKey))) {
            try $0.h.store.updateAccessKey(caller: $0.bob, accessKeyID: rootKey, status: .inactive)
        },
        .init("DeleteAccessKey, root's key", .refused(.noSuchAccessKey(rootKey))) {
            try $0.h.store.deleteAccessKey(caller: $0.bob, accessKeyID: rootKey)
        },
        .init("ListAccessKeys, user name root", .refused(.noSuchUser("root"))) {
            _ = try $0.h.store.listAccessKeys(caller: $0.bob, userName: "root")
        },
        .init(
            "DeleteVirtualMFADevice, root's device awaiting activation",
            .denied(action: "DeleteVirtualMFADevice", resource: "mfa/root-spare")
        ) {
            try $0.h.store.deleteVirtualMFADevice(caller: $0.bob, serialNumber: StoreHarness.serial("root-spare"))
        },
        .init(
            "DeleteVirtualMFADevice, root's device awaiting activation, by serial",
            .denied(action: "DeleteVirtualMFADevice", resource: "mfa/root-spare")
        ) {
            try $0.h.store.deleteVirtualMFADevice(
                caller: $0.bob, serialNumber: "arn:aws:iam::123456789012:mfa/root-spare")
        },
        .init(
            "DeactivateMFADevice, root's active device",
            .refused(.noSuchMFADevice("arn:aws:iam::123456789012:mfa/root-mfa"))
        ) {
            try $0.h.store.deactivateMFADevice(caller: $0.bob, serialNumber: StoreHarness.serial("root-mfa"))
        },
        .init(
            "ResyncMFADevice, root's active device",
            .refused(.noSuchMFADevice("arn:aws:iam::123456789012:mfa/root-mfa"))
        ) {
            try $0.h.store.resyncMFADevice(
                caller: $0.bob, serialNumber: StoreHarness.serial("root-mfa"), code1: "123456", code2: "234567")
        },
        .init("EnableMFADevice, root's device awaiting activation, without its seed", .refused(.invalidMFACodes)) {
            try $0.h.store.enableMFADevice(
                caller: $0.bob, serialNumber: StoreHarness.serial("root-spare"), code1: "123456", code2: "234567")
        },
        .init("EnableMFADevice, root's active device", .refused(.entityAlreadyExists("MFA Device is already in use.")))
        {
            try $0.h.store.enableMFADevice(
                caller: $0.bob, serialNumber: StoreHarness.serial("root-mfa"), code1: "123456", code2: "234567")
        },

        // Another user's credentials.
        .init("ListAccessKeys, carol's", .denied(action: "ListAccessKeys", resource: "user/carol")) {
            _ = try $0.h.store.listAccessKeys(caller: $0.bob, userName: "carol")
        },
        .init("CreateAccessKey, for carol", .denied(action: "CreateAccessKey", resource: "user/carol")) {
            _ = try $0.h.store.createAccessKey(caller: $0.bob, userName: "carol")
        },
        .init("UpdateAccessKey, carol's, naming her", .denied(action: "UpdateAccessKey", resource: "user/carol")) {
            try $0.h.store.updateAccessKey(
                caller: $0.bob, accessKeyID: $0.carolKey, status: .inactive, userName: "carol")
        },
        .init("UpdateAccessKey, carol's, as if his own", .refused { .noSuchAccessKey($0.carolKey) }) {
            try $0.h.store.updateAccessKey(caller: $0.bob, accessKeyID: $0.carolKey, status: .inactive)
        },
        .init("DeleteAccessKey, carol's, naming her", .denied(action: "DeleteAccessKey", resource: "user/carol")) {
            try $0.h.store.deleteAccessKey(caller: $0.bob, accessKeyID: $0.carolKey, userName: "carol")
        },
        .init("DeleteAccessKey, carol's, as if his own", .refused { .noSuchAccessKey($0.carolKey) }) {
            try $0.h.store.deleteAccessKey(caller: $0.bob, accessKeyID: $0.carolKey)
        },
        .init("EnableMFADevice, for carol", .denied(action: "EnableMFADevice", resource: "user/carol")) {
            try $0.h.store.enableMFADevice(
                caller: $0.bob, serialNumber: StoreHarness.serial("carol"), code1: "123456", code2: "234567",
                userName: "carol")
        },
        .init("ResyncMFADevice, carol's", .denied(action: "ResyncMFADevice", resource: "user/carol")) {
            try $0.h.store.resyncMFADevice(
                caller: $0.bob, serialNumber: StoreHarness.serial("carol-phone"), code1: "123456", code2: "234567",
                userName: "carol")
        },
        .init(
            "DeactivateMFADevice, carol's, naming her", .denied(action: "DeactivateMFADevice", resource: "user/carol")
        ) {
            try $0.h.store.deactivateMFADevice(
                caller: $0.bob, serialNumber: StoreHarness.serial("carol-phone"), userName: "carol")
        },
        .init(
            "DeactivateMFADevice, carol's, as if his own",
            .refused(.noSuchMFADevice("arn:aws:iam::123456789012:mfa/carol-phone"))
        ) { try $0.h.store.deactivateMFADevice(caller: $0.bob, serialNumber: StoreHarness.serial("carol-phone")) },
        .init(
            "DeleteVirtualMFADevice, unassigned and named after carol",
            .denied(action: "DeleteVirtualMFADevice", resource: "mfa/carol")
        ) { try $0.h.store.deleteVirtualMFADevice(caller: $0.bob, serialNumber: StoreHarness.serial("carol")) },
        .init("ListMFADevices, carol's", .denied(action: "ListMFADevices", resource: "user/carol")) {
            _ = try $0.h.store.listMFADevices(caller: $0.bob, userName: "carol")
        },
        .init("GetUser, carol", .denied(action: "GetUser", resource: "user/carol")) {
            _ = try $0.h.store.getUser(caller: $0.bob, userName: "carol")
        },
        .init("GetLoginProfile, carol's", .denied(action: "GetLoginProfile", resource: "user/carol")) {
            _ = try $0.h.store.getLoginProfile(caller: $0.bob, userName: "carol")
        },
        .init("ListGroupsForUser, carol's", .denied(action: "ListGroupsForUser", resource: "user/carol")) {
            _ = try $0.h.store.listGroupsForUser(caller: $0.bob, userName: "carol")
        },

        // The account's administration.
        .init("CreateUser", .denied(action: "CreateUser", resource: "user/dave")) {
            _ = try $0.h.store.createUser(caller: $0.bob, userName: "dave")
        },
        .init("DeleteUser", .denied(action: "DeleteUser", resource: "user/carol")) {
            try $0.h.store.deleteUser(caller: $0.bob, userName: "carol")
        },
        .init("CreateLoginProfile", .denied(action: "CreateLoginProfile", resource: "user/carol")) {
            _ = try $0.h.store.createLoginProfile(caller: $0.bob, userName: "carol", password: "Third-Strong-2026!")
        },
        .init("UpdateLoginProfile", .denied(action: "UpdateLoginProfile", resource: "user/carol")) {
            _ = try $0.h.store.updateLoginProfile(
                caller: $0.bob, userName: "carol", password: "Third-Strong-2026!", passwordResetRequired: nil)
        },
        .init("DeleteLoginProfile", .denied(action: "DeleteLoginProfile", resource: "user/carol")) {
            try $0.h.store.deleteLoginProfile(caller: $0.bob, userName: "carol")
        },
        .init("ListUsers", .denied(action: "ListUsers", resource: "user/*")) {
            _ = try $0.h.store.listUsers(caller: $0.bob)
        },
        .init("CreateGroup", .denied(action: "CreateGroup", resource: "group/ops")) {
            _ = try $0.h.store.createGroup(caller: $0.bob, groupName: "ops")
        },
        .init("ListGroups", .denied(action: "ListGroups", resource: "group/*")) {
            _ = try $0.h.store.listGroups(caller: $0.bob)
        },
        .init("DeleteGroup", .denied(action: "DeleteGroup", resource: "group/devs")) {
            try $0.h.store.deleteGroup(caller: $0.bob, groupName: "devs")
        },
        .init("AddUserToGroup, himself", .denied(action: "AddUserToGroup", resource: "group/devs")) {
            try $0.h.store.addUserToGroup(caller: $0.bob, groupName: "devs", userName: "bob")
        },
        .init("RemoveUserFromGroup, carol", .denied(action: "RemoveUserFromGroup", resource: "group/devs")) {
            try $0.h.store.removeUserFromGroup(caller: $0.bob, groupName: "devs", userName: "carol")
        },
        .init("UpdateAccountPasswordPolicy", .denied(action: "UpdateAccountPasswordPolicy", resource: "root")) {
            try $0.h.store.updatePasswordPolicy(caller: $0.bob, policy: PasswordPolicy(minimumPasswordLength: 6))
        },
        .init("DeleteAccountPasswordPolicy", .denied(action: "DeleteAccountPasswordPolicy", resource: "root")) {
            try $0.h.store.deletePasswordPolicy(caller: $0.bob)
        },
        .init("GenerateCredentialReport", .denied(action: "GenerateCredentialReport", resource: "*")) {
            _ = try $0.h.store.generateCredentialReport(caller: $0.bob)
        },
        .init("GetCredentialReport", .denied(action: "GetCredentialReport", resource: "*")) {
            _ = try $0.h.store.getCredentialReport(caller: $0.bob)
        },
        .init(
            "The audit's findings (GetAccountSummary for auditors)",
            .denied(action: "GetAccountSummary", resource: "*", logged: false)
        ) {
            _ = try $0.h.auditReader.audit(caller: $0.bob)
        },
    ]

    @Test("every action an IAM user can call, on its own, root's and another user's resources", arguments: cases)
    func table(_ row: PermissionCase) throws {
        let world = try PermissionWorld()
        let before = try world.state()
        let eventsBefore = try world.h.count("event")
        var thrown: IAMError?
        do {
            try row.call(world)
        } catch let error as IAMError {
            thrown = error
        } catch let refused as RefusedCodeError {
            thrown = refused.error
        }
        switch row.outcome {
        case .allowed:
            #expect(thrown == nil)
        case .denied(let action, let resource, let logged):
            let arn = resource == "*" ? "*" : world.arn(resource)
            let message =
                "User: arn:aws:iam::123456789012:user/bob is not authorized to perform: iam:\(action) on resource: \(arn)"
            #expect(thrown == .accessDenied(message))
            #expect(try world.state() == before)
            guard logged else {
                #expect(try world.h.count("event") == eventsBefore)
                return
            }
            // The refusal is logged, with AWS's words.
            let last = try #require(try world.h.events().last)
            #expect(last.errorCode == "AccessDenied" && last.errorMessage == message)
            #expect(last.actorARN == "arn:aws:iam::123456789012:user/bob")
            #expect(try world.h.count("event") == eventsBefore + 1)
        case .refused(let error):
            #expect(thrown == error(world))
            #expect(try world.state() == before)
        }
    }

    @Test("root may remove any device awaiting activation, its own or one named after a user")
    func rootRemovesAnyPendingDevice() throws {
        let world = try PermissionWorld()
        try world.h.store.deleteVirtualMFADevice(caller: world.h.console, serialNumber: StoreHarness.serial("carol"))
        try world.h.store.deleteVirtualMFADevice(
            caller: world.h.console, serialNumber: StoreHarness.serial("root-spare"))
        #expect(
            try world.h.store.listVirtualMFADevices(caller: world.h.console, assignmentStatus: .unassigned).map(
                \.deviceName) == ["bob"])
    }
}
