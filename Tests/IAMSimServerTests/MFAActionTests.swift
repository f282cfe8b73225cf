import Foundation
import IAMSimCore
import IAMSimQR
import IAMSimServer
import IAMSimTestSupport
import Testing

/// MFA through the Query API: a virtual device's real QR code and seed, enabled and resynced
/// with codes computed independently of iamsim, listed, read, deactivated and deleted.
@Suite("Query API: MFA devices")
struct MFAActionTests {
    static let now = TestValues.startUnixTime

    /// The code of `seed` `steps` 30-second steps from the client's time.
    func code(_ seed: String, _ steps: Int64 = 0, from start: Int64 = now) -> String {
        IndependentTOTP.code(base32: seed, unixTime: start + steps * 30)
    }

    /// Creates the virtual device `name` as `client`; returns its seed, read from the QR code.
    func createDevice(_ client: QueryClient, _ name: String) throws -> String {
        let answer = client.call("CreateVirtualMFADevice", [("VirtualMFADeviceName", name)])
        #expect(answer.status == 200, "\(answer.body)")
        let png = try #require(answer.value("QRCodePNG").flatMap { Data(base64Encoded: $0) })
        let uri = try #require(try QRScanner.decode(png: Array(png)).first)
        let seed = try #require(URLComponents(string: uri)?.queryItems?.first { $0.name == "secret" }?.value)
        return seed
    }

    @Test(
        "CreateVirtualMFADevice answers the serial, the seed (base64 of its base32 text) and a QR code PNG that holds the URI"
    )
    func create() throws {
        let client = try QueryClient()
        let answer = client.call("CreateVirtualMFADevice", [("VirtualMFADeviceName", "bob-phone")])
        let seedBlob = try #require(answer.value("Base32StringSeed"))
        let pngBlob = try #require(answer.value("QRCodePNG"))
        expectResult(
            answer, "CreateVirtualMFADevice",
            """
            <VirtualMFADevice>
              <SerialNumber>arn:aws:iam::123456789012:mfa/bob-phone</SerialNumber>
              <Base32StringSeed>\(seedBlob)</Base32StringSeed>
              <QRCodePNG>\(pngBlob)</QRCodePNG>
            </VirtualMFADevice>
            """)
        let seed = try #require(Data(base64Encoded: seedBlob).map { String(decoding: $0, as: UTF8.self) })
        #expect(seed.count == 64)
        #expect(seed.allSatisfy { "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".contains($0) })
        let png = try #require(Data(base64Encoded: pngBlob))
        #expect(Array(png.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        #expect(
            try QRScanner.decode(png: Array(png)) == [
                "otpauth://totp/Amazon%20Web%20Services:bob-phone@123456789012?secret=\(seed)&issuer=Amazon%20Web%20Services"
            ])
        expectError(
            client.call("CreateVirtualMFADevice", [("VirtualMFADeviceName", "BOB-PHONE")]), 409, "EntityAlreadyExists",
            "MFADevice entity at the same path and name already exists.")
        expectError(
            client.call("CreateVirtualMFADevice", [("VirtualMFADeviceName", "x"), ("Path", "/team/")]), 400,
            "NotImplemented",
            "iamsim does not simulate MFA device paths, so CreateVirtualMFADevice's Path can only be /. See docs/api.md for the actions iamsim answers."
        )
    }

    @Test(
        "EnableMFADevice takes two consecutive codes, refuses others (InvalidAuthenticationCode), then lists the device"
    )
    func enable() throws {
        let client = try QueryClient()
        try client.store.createUser(caller: client.root, userName: "bob")
        let bob = try client.store.getUser(caller: client.root, userName: "bob")
        let seed = try createDevice(client, "bob-phone")
        let serial = "arn:aws:iam::123456789012:mfa/bob-phone"
        func enable(_ code1: String, _ code2: String) -> QueryService.Answer {
            client.call(
                "EnableMFADevice",
                [
                    ("UserName", "bob"), ("SerialNumber", serial), ("AuthenticationCode1", code1),
                    ("AuthenticationCode2", code2),
                ])
        }
        let invalid = "Authentication code for device is not valid."
        expectError(enable(code(seed), code(seed)), 403, "InvalidAuthenticationCode", invalid)
        expectError(enable(code(seed, -1), code(seed, 1)), 403, "InvalidAuthenticationCode", invalid)
        expectError(
            enable("12345", code(seed)), 400, "ValidationError",
            "1 validation error detected: Value '12345' at 'authenticationCode1' failed to satisfy constraint: Member must have length greater than or equal to 6"
        )
        expectResult(enable(code(seed, -1), code(seed)), "EnableMFADevice", nil)
        expectError(enable(code(seed, -1), code(seed)), 409, "EntityAlreadyExists", "MFA Device is already in use.")
        let device = """
            <UserName>bob</UserName>
            <SerialNumber>\(serial)</SerialNumber>
            <EnableDate>2026-01-05T09:30:05Z</EnableDate>
            """
        expectResult(
            client.call("ListMFADevices", [("UserName", "bob")]), "ListMFADevices",
            "<MFADevices>\n  <member>\n\(indented(device, by: 4))\n  </member>\n</MFADevices>\n<IsTruncated>false</IsTruncated>"
        )
        expectResult(
            client.call("GetMFADevice", [("UserName", "bob"), ("SerialNumber", serial)]), "GetMFADevice", device)
        expectResult(
            client.call("ListVirtualMFADevices", [("AssignmentStatus", "Assigned")]), "ListVirtualMFADevices",
            """
            <VirtualMFADevices>
              <member>
                <SerialNumber>\(serial)</SerialNumber>
                <User>
                  <Path>/</Path>
                  <UserName>bob</UserName>
                  <UserId>\(bob.userID)</UserId>
                  <Arn>arn:aws:iam::123456789012:user/bob</Arn>
                  <CreateDate>2026-01-05T09:30:05Z</CreateDate>
                </User>
                <EnableDate>2026-01-05T09:30:05Z</EnableDate>
              </member>
            </VirtualMFADevices>
            <IsTruncated>false</IsTruncated>
            """)
        #expect(client.call("ListVirtualMFADevices", [("AssignmentStatus", "Unassigned")]).values("SerialNumber") == [])
        #expect(client.call("ListVirtualMFADevices").values("SerialNumber") == [serial])
        #expect(!client.call("ListVirtualMFADevices").body.contains(seed))
    }

    @Test("root's own MFA cannot be enabled through the API: UserName is required, and root is no IAM user")
    func rootMFA() throws {
        let client = try QueryClient()
        let seed = try createDevice(client, "root-mfa")
        let serial = "arn:aws:iam::123456789012:mfa/root-mfa"
        let codes = [("AuthenticationCode1", code(seed, -1)), ("AuthenticationCode2", code(seed))]
        expectError(
            client.call("EnableMFADevice", [("SerialNumber", serial)] + codes), 400, "ValidationError",
            "1 validation error detected: Value null at 'userName' failed to satisfy constraint: Member must not be null"
        )
        expectError(
            client.call("EnableMFADevice", [("UserName", "root"), ("SerialNumber", serial)] + codes), 404,
            "NoSuchEntity", "The user with name root cannot be found.")
        #expect(try client.store.listMFADevices(caller: client.root).isEmpty)
        // The device stays, awaiting activation, for the console.
        #expect(
            client.call("ListVirtualMFADevices", [("AssignmentStatus", "Unassigned")]).values("SerialNumber") == [
                serial
            ])
    }

    @Test("ResyncMFADevice finds a drifted device's pair; DeleteVirtualMFADevice waits for DeactivateMFADevice")
    func resyncDeactivateDelete() throws {
        let client = try QueryClient()
        try client.store.createUser(caller: client.root, userName: "bob")
        let seed = try createDevice(client, "bob-phone")
        let serial = "arn:aws:iam::123456789012:mfa/bob-phone"
        #expect(
            client.call(
                "EnableMFADevice",
                [
                    ("UserName", "bob"), ("SerialNumber", serial), ("AuthenticationCode1", code(seed, -1)),
                    ("AuthenticationCode2", code(seed)),
                ]
            ).status == 200)
        try client.simulator.clock.advance(by: ClockDuration(seconds: 600), .all)
        // The phone runs three steps slow.
        let phone = Self.now + 600 - 90
        expectResult(
            client.call(
                "ResyncMFADevice",
                [
                    ("UserName", "bob"), ("SerialNumber", serial), ("AuthenticationCode1", code(seed, 0, from: phone)),
                    ("AuthenticationCode2", code(seed, 1, from: phone)),
                ]), "ResyncMFADevice", nil)
        #expect(try client.store.getMFADevice(caller: client.root, serialNumber: serial, userName: "bob").drift == -2)
        expectError(
            client.call("DeleteVirtualMFADevice", [("SerialNumber", serial)]), 409, "DeleteConflict",
            "MFA VirtualDevice in use. Must deactivate first.")
        expectResult(
            client.call("DeactivateMFADevice", [("UserName", "bob"), ("SerialNumber", serial)]), "DeactivateMFADevice",
            nil)
        expectResult(client.call("DeleteVirtualMFADevice", [("SerialNumber", serial)]), "DeleteVirtualMFADevice", nil)
        expectError(
            client.call("DeleteVirtualMFADevice", [("SerialNumber", serial)]), 404, "NoSuchEntity",
            "MFA Device with serial number \(serial) does not exist.")
        #expect(client.call("ListVirtualMFADevices").values("SerialNumber") == [])
    }

    @Test("an IAM user manages its own device: creates it under its name, enables it for itself, lists, removes it")
    func selfService() throws {
        let client = try QueryClient()
        let bob = client.signing(with: try client.createUserWithKey("bob"))
        let seed = try createDevice(bob, "bob")
        let serial = "arn:aws:iam::123456789012:mfa/bob"
        expectResult(
            bob.call(
                "EnableMFADevice",
                [
                    ("UserName", "bob"), ("SerialNumber", serial), ("AuthenticationCode1", code(seed, -1)),
                    ("AuthenticationCode2", code(seed)),
                ]), "EnableMFADevice", nil)
        #expect(bob.call("ListMFADevices").values("SerialNumber") == [serial])
        #expect(bob.call("GetMFADevice", [("SerialNumber", serial)]).value("UserName") == "bob")
        expectResult(bob.call("DeactivateMFADevice", [("SerialNumber", serial)]), "DeactivateMFADevice", nil)
        expectResult(bob.call("DeleteVirtualMFADevice", [("SerialNumber", serial)]), "DeleteVirtualMFADevice", nil)
        #expect(bob.call("ListMFADevices").values("SerialNumber") == [])
    }
}
