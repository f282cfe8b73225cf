import Foundation
import IAMSimTestSupport
import Testing

@testable import IAMSimCore
@testable import IAMSimDevices
@testable import IAMSimStore

@Suite("The authenticator app")
struct AuthenticatorTests {
    let seed = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"  // RFC 6238's "12345678901234567890"

    @Test("a typed secret shows the RFC 6238 code at the simulator's time")
    func typedSecret() throws {
        let h = try StoreHarness()
        try h.store.clock.set(Date(timeIntervalSince1970: 1_234_567_890), .all)
        let account = try h.authenticator.add(secret: "gezd gnbv gy3t qojq gezd gnbv gy3t qojq", label: "rfc")
        #expect(account.label == "rfc")
        let codes = try h.authenticator.codes()
        #expect(codes.map(\.code) == ["005924"])
        #expect(codes[0].secondsRemaining == 30)
        try h.advance(30)
        #expect(try h.authenticator.codes().map(\.code) == ["590587"])
    }

    @Test("a URI names the account as the app would show it")
    func uri() throws {
        let h = try StoreHarness()
        let account = try h.authenticator.add(
            uri:
                "otpauth://totp/Amazon%20Web%20Services:root-mfa@123456789012?secret=\(seed)&issuer=Amazon%20Web%20Services"
        )
        #expect(account.label == "root-mfa@123456789012")
        #expect(account.displayName == "Amazon Web Services (root-mfa@123456789012)")
        #expect(try h.authenticator.accounts().map(\.label) == ["root-mfa@123456789012"])
    }

    @Test("labels default to account-N and must be unique")
    func labels() throws {
        let h = try StoreHarness()
        #expect(try h.authenticator.add(secret: seed, label: nil).label == "account-1")
        // The phone's refusal, not AWS's (was IAMError.entityAlreadyExists); the CLI adds
        // "Choose another --label." (RemedyTextTests).
        #expect(throws: LocalError.labelTaken("ACCOUNT-1")) {
            try h.authenticator.add(secret: seed, label: "ACCOUNT-1")
        }
        #expect(
            LocalError.labelTaken("ACCOUNT-1").message == "The authenticator already has an account labelled ACCOUNT-1."
        )
    }

    @Test("bad secrets and URIs are refused and nothing is stored")
    func refused() throws {
        let h = try StoreHarness()
        #expect(throws: LocalError.invalidSecretKey(detail: nil)) {
            try h.authenticator.add(secret: "not base32!", label: "x")
        }
        #expect(throws: LocalError.self) { try h.authenticator.add(uri: "otpauth://hotp/x?secret=\(seed)") }
        #expect(try h.authenticator.accounts().isEmpty)
    }

    @Test("removing an account; removing a missing one is refused")
    func remove() throws {
        let h = try StoreHarness()
        try h.authenticator.add(secret: seed, label: "phone")
        try h.authenticator.remove(label: "phone")
        #expect(try h.authenticator.accounts().isEmpty)
        #expect(throws: LocalError.noSuchLabel("phone")) {
            try h.authenticator.remove(label: "phone")
        }
    }
}
