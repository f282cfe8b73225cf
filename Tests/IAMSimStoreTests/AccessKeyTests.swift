import Foundation
import IAMSimTestSupport
import Testing

@testable import IAMSimCore
@testable import IAMSimStore

@Suite("Access keys")
struct AccessKeyTests {
    @Test("console commands need a session, and the refusal is logged")
    func needsSession() throws {
        let h = try StoreHarness()
        #expect(throws: IAMError.notSignedIn) { try h.store.listAccessKeys(caller: h.console) }
        #expect(throws: IAMError.notSignedIn) {
            try h.store.deleteAccessKey(caller: h.console, accessKeyID: StoreHarness.rootKey)
        }
        #expect(try h.count("accessKey") == 1)
        let last = try #require(try h.events().last)
        #expect(last.eventName == "DeleteAccessKey")
        #expect(last.outcome == .failure)
        #expect(last.errorCode == "AccessDenied")
    }

    @Test("root's fixture key is listed without its secret")
    func list() throws {
        let h = try StoreHarness()
        try h.signIn()
        let keys = try h.store.listAccessKeys(caller: h.console)
        #expect(keys.map(\.accessKeyID.rawValue) == [StoreHarness.rootKey])
        #expect(keys[0].status == .active)
        #expect(keys[0].userName == nil)
        #expect(keys[0].createDate == Date(timeIntervalSince1970: 1_767_603_600))
    }

    @Test("a second key can be created, a third exceeds the quota and changes nothing")
    func quota() throws {
        let h = try StoreHarness()
        try h.signIn()
        let created = try h.store.createAccessKey(caller: h.console)
        #expect(created.metadata.accessKeyID.rawValue.count == 20)
        #expect(created.secretAccessKey.count == 40)
        #expect(created.metadata.createDate == StoreHarness.start)
        #expect(throws: IAMError.limitExceeded("Cannot exceed quota for AccessKeysPerUser: 2")) {
            try h.store.createAccessKey(caller: h.console)
        }
        #expect(try h.store.listAccessKeys(caller: h.console).count == 2)
    }

    @Test("deactivate, activate, delete; then the key is gone")
    func lifecycle() throws {
        let h = try StoreHarness()
        try h.signIn()
        #expect(
            try h.store.updateAccessKey(caller: h.console, accessKeyID: StoreHarness.rootKey, status: .inactive).status
                == .inactive)
        #expect(try h.store.dashboard(caller: h.console).securityStatus[0].status == .fail)
        #expect(
            try h.store.updateAccessKey(caller: h.console, accessKeyID: StoreHarness.rootKey, status: .active).status
                == .active)
        try h.store.deleteAccessKey(caller: h.console, accessKeyID: StoreHarness.rootKey)
        #expect(try h.store.listAccessKeys(caller: h.console).isEmpty)
        #expect(try h.store.dashboard(caller: h.console).securityStatus[0].status == .pass)
        #expect(throws: IAMError.noSuchAccessKey(StoreHarness.rootKey)) {
            try h.store.deleteAccessKey(caller: h.console, accessKeyID: StoreHarness.rootKey)
        }
        let names = try h.changes().suffix(4).map { "\($0.eventName):\($0.outcome.rawValue)" }
        #expect(
            names == [
                "UpdateAccessKey:Success", "UpdateAccessKey:Success", "DeleteAccessKey:Success",
                "DeleteAccessKey:Failure",
            ])
    }

    @Test("unknown and malformed key ids get AWS's errors")
    func badIDs() throws {
        let h = try StoreHarness()
        try h.signIn()
        #expect(throws: IAMError.noSuchEntity("The Access Key with id AKIANOTAREALKEY12345 cannot be found.")) {
            try h.store.deleteAccessKey(caller: h.console, accessKeyID: "AKIANOTAREALKEY12345")
        }
        #expect(throws: IAMError.self) {
            try h.store.updateAccessKey(caller: h.console, accessKeyID: "bad!", status: .inactive)
        }
        #expect(try h.count("accessKey") == 1)
    }
}

@Suite("Using access keys")
struct AccessKeyUseTests {
    static let secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"

    @Test("a key with its secret authenticates as its owner and records its use")
    func use() throws {
        let h = try StoreHarness()
        let owner = try h.store.useAccessKey(
            StoreHarness.rootKey, secret: Self.secret, service: "s3", region: "eu-west-1")
        #expect(owner == .root(AccountID(known: "123456789012")))
        let report = try h.store.generateCredentialReport(caller: .principal(owner))
        #expect(report.state == "STARTED")
        let csv = try h.store.getCredentialReport(caller: .principal(owner)).content
        #expect(csv.contains(",true,2026-01-05T09:00:00+00:00,2026-01-05T09:30:05+00:00,eu-west-1,s3,"))
        let findings = try h.auditReader.audit(caller: .principal(owner)).findings
        #expect(findings.first { $0.id == "avoid-root-use" }?.status == .fail)
    }

    @Test("unknown or inactive keys and wrong secrets are refused, logged, and record nothing")
    func refused() throws {
        let h = try StoreHarness()
        #expect(throws: IAMError.invalidAccessKey) {
            try h.store.useAccessKey("AKIANOTAREALKEY12345", secret: Self.secret, service: "sts", region: nil)
        }
        #expect(throws: IAMError.wrongSecret) {
            try h.store.useAccessKey(StoreHarness.rootKey, secret: "wrong", service: "sts", region: nil)
        }
        try h.signIn()
        try h.store.updateAccessKey(caller: h.console, accessKeyID: StoreHarness.rootKey, status: .inactive)
        #expect(throws: IAMError.invalidAccessKey) {
            try h.store.useAccessKey(StoreHarness.rootKey, secret: Self.secret, service: "sts", region: nil)
        }
        #expect(try h.store.listAccessKeys(caller: h.console).first?.lastUsedDate == nil)
        let failures = try h.events().filter { $0.eventName == "GetCallerIdentity" && $0.outcome == .failure }
        #expect(failures.map(\.errorCode) == ["InvalidClientTokenId", "SignatureDoesNotMatch", "InvalidClientTokenId"])
    }

    @Test("a key's signing credentials are looked up by its id, for SigV4, without an event")
    func signingCredentials() throws {
        let h = try StoreHarness()
        let events = try h.count("event")
        let root = try h.store.signingCredentials(accessKeyID: StoreHarness.rootKey)
        #expect(
            root
                == SigningCredentials(
                    accessKeyID: AccessKeyID(known: StoreHarness.rootKey), secretAccessKey: Self.secret,
                    principal: .root(StoreHarness.account), status: .active))
        try h.signIn()
        try h.store.createUser(caller: h.console, userName: "bob")
        let created = try h.store.createAccessKey(caller: h.console, userName: "bob")
        try h.store.updateAccessKey(
            caller: h.console, accessKeyID: created.metadata.accessKeyID.rawValue, status: .inactive, userName: "bob")
        let bobs = try h.store.signingCredentials(accessKeyID: created.metadata.accessKeyID.rawValue)
        #expect(bobs.secretAccessKey == created.secretAccessKey)
        #expect(bobs.principal == .user(try h.store.getUser(caller: h.console, userName: "bob")))
        #expect(bobs.status == .inactive)
        // Unknown and malformed ids are refused as useAccessKey refuses them.
        for id in ["AKIANOTAREALKEY12345", "bad id", ""] {
            #expect(throws: IAMError.invalidAccessKey) { try h.store.signingCredentials(accessKeyID: id) }
        }
        let logged = try h.events().suffix(from: events).map(\.eventName)
        #expect(!logged.contains("GetCallerIdentity"))
        #expect(try h.store.listAccessKeys(caller: h.console).first?.lastUsedDate == nil)
    }
}
