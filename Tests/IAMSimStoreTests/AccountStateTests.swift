import Foundation
import IAMSimTestSupport
import Testing

@testable import IAMSimCore
@testable import IAMSimStore

/// The counts behind GetAccountSummary and the dashboard, read in one statement: each in its
/// place (every count below differs from the others, so a swapped column shows).
@Suite("Account summary counts")
struct AccountStateTests {
    @Test("users, groups, virtual and assigned MFA devices, root's keys (active or not) and root's MFA, each counted")
    func counts() throws {
        let h = try StoreHarness()
        try h.signIn()
        let account = StoreHarness.account
        func state() throws -> AccountState {
            try h.simulator.database.read { db in try h.store.accountState(account, db) }
        }
        #expect(try state() == AccountState(accountID: account, rootAccessKeys: 1, rootActiveAccessKeys: 1))
        for name in ["ana", "ben", "cleo", "dan", "eve"] { try h.store.createUser(caller: h.console, userName: name) }
        for index in 1...6 { _ = try h.store.createGroup(caller: h.console, groupName: "group-\(index)") }
        try h.activateDevice("root-mfa")
        for user in ["ana", "ben"] {
            let seed = try h.store.createVirtualMFADevice(caller: h.console, deviceName: user).base32StringSeed
            _ = try h.store.enableMFADevice(
                caller: h.console, serialNumber: StoreHarness.serial(user), code1: try h.code(seed, stepOffset: -1),
                code2: try h.code(seed), userName: user)
        }
        _ = try h.store.createVirtualMFADevice(caller: h.console, deviceName: "spare")
        let second = try h.store.createAccessKey(caller: h.console).metadata.accessKeyID.rawValue
        for key in [StoreHarness.rootKey, second] {
            try h.store.updateAccessKey(caller: h.console, accessKeyID: key, status: .inactive)
        }
        #expect(
            try state()
                == AccountState(
                    accountID: account, users: 5, groups: 6, mfaDevices: 4, mfaDevicesInUse: 3, rootAccessKeys: 2,
                    rootActiveAccessKeys: 0, rootMFADevices: 1))
    }
}
