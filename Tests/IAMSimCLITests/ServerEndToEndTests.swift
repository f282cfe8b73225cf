import Foundation
import IAMSimTestSupport
import Testing

/// `iamsim serve` with the unmodified aws CLI (1.45) and boto3 (1.43), as a user runs them:
/// the server started by `iamsim serve`, the clients pointed at it with `AWS_ENDPOINT_URL`, the
/// independent checkers (zbarimg, oathtool) on what the clients wrote.
@Suite("End to end: the Query API with the aws CLI and boto3", .serialized)
struct ServerEndToEndTests {
    static let account = "123456789012"

    func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    /// The aws CLI's line for a service error.
    func awsError(_ code: String, _ operation: String, _ message: String) -> String {
        "\nAn error occurred (\(code)) when calling the \(operation) operation: \(message)\n"
    }

    @Test("the server prints where it listens and how to point the clients at it, and stops cleanly on SIGTERM")
    func startAndStop() throws {
        let server = try ServerHarness()
        #expect(server.banner.contains("aws CLI:  aws iam get-account-summary --endpoint-url \(server.endpoint)"))
        #expect(server.banner.contains("export AWS_ENDPOINT_URL=\(server.endpoint)"))
        let stopped = server.stop()
        #expect(stopped.status == 0, "\(stopped.log)")
    }

    @Test("aws sts get-caller-identity with root's key answers root; a wrong secret is SignatureDoesNotMatch")
    func callerIdentity() throws {
        let server = try ServerHarness()
        defer { server.stop() }
        let r = try server.aws(["sts", "get-caller-identity"])
        #expect(r.status == 0, "\(r.stderr)")
        let identity = try json(r.stdout)
        #expect(identity["Arn"] as? String == "arn:aws:iam::123456789012:root")
        #expect(identity["Account"] as? String == "123456789012")
        let wrong = try server.aws(["sts", "get-caller-identity"], secret: "wrong")
        #expect(wrong.status == 255)  // awscli 1 exits 255 for a service error
        #expect(
            wrong.stderr.contains(
                "An error occurred (SignatureDoesNotMatch) when calling the GetCallerIdentity operation"))
    }

    @Test("one server for a class: each trainee's root key from the credentials file reaches their own account")
    func classroomKeys() throws {
        let files = try BinaryHarness()
        let csv = files.folder.appendingPathComponent("class.csv").path
        let created = try files.run([
            "accounts", "create", "--count", "2", "--alias-prefix", "room-", "--credentials-file", csv,
        ])
        #expect(created.status == 0, "\(created.stderr)")
        let rows = try String(contentsOfFile: csv, encoding: .utf8).split(separator: "\n").dropFirst().map {
            $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
        #expect(rows.count == 2)
        let server = try ServerHarness(files)
        defer { server.stop() }
        for row in rows {
            var r = try server.aws(["sts", "get-caller-identity"], key: row[4], secret: row[5])
            #expect(r.status == 0, "\(r.stderr)")
            #expect(try json(r.stdout)["Arn"] as? String == "arn:aws:iam::\(row[0]):root")
            r = try server.aws(["iam", "list-account-aliases"], key: row[4], secret: row[5])
            #expect(try json(r.stdout)["AccountAliases"] as? [String] == [row[1]])
        }
        // A class database holds no lesson account: the lesson fixture's example key is unknown.
        let r = try server.aws(["sts", "get-caller-identity"])
        #expect(r.status == 255)
        #expect(r.stderr.contains("(InvalidClientTokenId)"), "\(r.stderr)")
    }

    @Test(
        "the IAM-user lesson with the aws CLI: a user, a virtual MFA device written with --outfile, decoded by zbarimg, enabled with oathtool's codes"
    )
    func iamUserLesson() throws {
        let server = try ServerHarness()
        defer { server.stop() }
        var r = try server.aws(["iam", "create-user", "--user-name", "alice"])
        #expect(r.status == 0, "\(r.stderr)")
        let png = server.files.folder.appendingPathComponent("alice-qr.png").path
        r = try server.aws([
            "iam", "create-virtual-mfa-device", "--virtual-mfa-device-name", "alice", "--outfile", png,
            "--bootstrap-method", "QRCodePNG",
        ])
        #expect(r.status == 0, "\(r.stderr)")
        let serial = "arn:aws:iam::\(Self.account):mfa/alice"
        #expect(try json(r.stdout)["VirtualMFADevice"] as? [String: String] == ["SerialNumber": serial])
        let scanned = try BinaryHarness.tool("/usr/bin/zbarimg", ["--raw", "-q", png])
        #expect(scanned.status == 0)
        let uri = scanned.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(uri.hasPrefix("otpauth://totp/Amazon%20Web%20Services:alice@\(Self.account)?secret="))
        let seed = try #require(URLComponents(string: uri)?.queryItems?.first { $0.name == "secret" }?.value)
        // Two consecutive codes: the previous step's and the current one's, as a phone shows
        // them 30 seconds apart.
        let now = Int(Date().timeIntervalSince1970)
        let codes = try BinaryHarness.tool(
            "/usr/bin/oathtool", ["--totp", "-b", seed, "-w", "1", "--now", "@\(now - 30)"]
        ).stdout.split(separator: "\n").map(String.init)
        #expect(codes.count == 2)
        func enable(_ user: String, _ code1: String, _ code2: String) throws -> CommandResult {
            try server.aws([
                "iam", "enable-mfa-device", "--user-name", user, "--serial-number", serial, "--authentication-code1",
                code1, "--authentication-code2", code2,
            ])
        }
        r = try enable("alice", codes[1], codes[1])
        #expect(r.status == 255)
        #expect(
            r.stderr
                == awsError(
                    "InvalidAuthenticationCode", "EnableMFADevice", "Authentication code for device is not valid."))
        // Root's own MFA is the console's: the API has no user named root.
        r = try enable("root", codes[0], codes[1])
        #expect(r.stderr == awsError("NoSuchEntity", "EnableMFADevice", "The user with name root cannot be found."))
        r = try enable("alice", codes[0], codes[1])
        #expect(r.status == 0, "\(r.stderr)")
        r = try server.aws(["iam", "list-mfa-devices", "--user-name", "alice"])
        let devices = try #require(try json(r.stdout)["MFADevices"] as? [[String: Any]])
        #expect(devices.map { $0["SerialNumber"] as? String } == [serial])
        #expect(devices.first?["UserName"] as? String == "alice")
        r = try server.aws(["iam", "list-virtual-mfa-devices", "--assignment-status", "Assigned"])
        let virtual = try #require(try json(r.stdout)["VirtualMFADevices"] as? [[String: Any]])
        #expect((virtual.first?["User"] as? [String: Any])?["UserName"] as? String == "alice")
        // Alice, with her own key: herself, yes; the account's users, no.
        r = try server.aws(["iam", "create-access-key", "--user-name", "alice"])
        let key = try #require(try json(r.stdout)["AccessKey"] as? [String: Any])
        let id = try #require(key["AccessKeyId"] as? String)
        let secret = try #require(key["SecretAccessKey"] as? String)
        r = try server.aws(["iam", "get-user"], key: id, secret: secret)
        #expect((try json(r.stdout)["User"] as? [String: Any])?["UserName"] as? String == "alice")
        r = try server.aws(["iam", "list-users"], key: id, secret: secret)
        #expect(
            r.stderr
                == awsError(
                    "AccessDenied", "ListUsers",
                    "User: arn:aws:iam::\(Self.account):user/alice is not authorized to perform: iam:ListUsers on resource: arn:aws:iam::\(Self.account):user/*"
                ))
    }

    @Test("deleting root's access key through the API: the next request signed with it is InvalidClientTokenId")
    func deleteRootKey() throws {
        let server = try ServerHarness()
        defer { server.stop() }
        var r = try server.aws(["iam", "list-access-keys"])
        let keys = try #require(try json(r.stdout)["AccessKeyMetadata"] as? [[String: Any]])
        #expect(keys.map { $0["AccessKeyId"] as? String } == [ServerHarness.rootKey])
        r = try server.aws([
            "iam", "update-access-key", "--access-key-id", ServerHarness.rootKey, "--status", "Inactive",
        ])
        #expect(r.status == 0, "\(r.stderr)")
        r = try server.aws(["iam", "list-users"])
        #expect(
            r.stderr
                == awsError(
                    "InvalidClientTokenId", "ListUsers", "The security token included in the request is invalid."))
        // Reactivated from the console (the CLI on the same file), the key signs again; then
        // deleted with a request it signs itself.
        r = try server.files.run(
            ["signin", "--email", BinaryHarness.email, "--password-stdin"], stdin: BinaryHarness.password + "\n")
        #expect(r.status == 0, "\(r.stderr)")
        r = try server.files.run(["access-keys", "activate", ServerHarness.rootKey])
        #expect(r.status == 0, "\(r.stderr)")
        r = try server.aws(["iam", "delete-access-key", "--access-key-id", ServerHarness.rootKey])
        #expect(r.status == 0, "\(r.stderr)")
        r = try server.aws(["sts", "get-caller-identity"])
        #expect(
            r.stderr
                == awsError(
                    "InvalidClientTokenId", "GetCallerIdentity",
                    "The security token included in the request is invalid."
                ))
        #expect(try server.files.sql("SELECT count(*) FROM accessKey") == "0\n")
    }

    @Test("boto3: paginators follow Marker across pages; errors are the modeled exceptions")
    func boto3() throws {
        let server = try ServerHarness()
        defer { server.stop() }
        let r = try server.python(
            """
            import boto3, json
            iam = boto3.client("iam")
            for index in range(7):
                iam.create_user(UserName="user%d" % index)
                iam.create_group(GroupName="group%d" % index)
            pages = list(iam.get_paginator("list_users").paginate(PaginationConfig={"PageSize": 3}))
            users = [user["UserName"] for page in pages for user in page["Users"]]
            groups = [g["GroupName"] for page in iam.get_paginator("list_groups").paginate(PaginationConfig={"PageSize": 2}) for g in page["Groups"]]
            try:
                iam.get_user(UserName="nobody")
                missing = None
            except iam.exceptions.NoSuchEntityException as error:
                missing = error.response["Error"]["Message"]
            try:
                iam.delete_group(GroupName="nope")
            except iam.exceptions.NoSuchEntityException:
                pass
            iam.add_user_to_group(GroupName="group0", UserName="user0")
            try:
                iam.delete_group(GroupName="group0")
                conflict = None
            except iam.exceptions.DeleteConflictException as error:
                conflict = error.response["ResponseMetadata"]["HTTPStatusCode"]
            device = iam.create_virtual_mfa_device(VirtualMFADeviceName="seeded")["VirtualMFADevice"]
            print(json.dumps({"pages": len(pages), "truncated": [page["IsTruncated"] for page in pages],
                "users": users, "groups": groups, "missing": missing, "conflict": conflict,
                "seed": len(device["Base32StringSeed"]), "png": device["QRCodePNG"][:8].hex()}))
            """)
        #expect(r.status == 0, "\(r.stderr)")
        let out = try json(r.stdout)
        #expect(out["pages"] as? Int == 3)
        #expect(out["truncated"] as? [Bool] == [true, true, false])
        #expect(out["users"] as? [String] == (0..<7).map { "user\($0)" })
        #expect(out["groups"] as? [String] == (0..<7).map { "group\($0)" })
        #expect(out["missing"] as? String == "The user with name nobody cannot be found.")
        #expect(out["conflict"] as? Int == 409)
        #expect(out["seed"] as? Int == 64)
        #expect(out["png"] as? String == "89504e470d0a1a0a")
    }

    @Test("state survives a restart; the CLI and the server share one file and see each other's changes at once")
    func persistenceAndSharing() throws {
        var server = try ServerHarness()
        var r = try server.aws(["iam", "create-user", "--user-name", "bob"], region: "eu-west-1")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try server.files.sql("SELECT lastUsedService, lastUsedRegion FROM accessKey") == "iam|eu-west-1\n")
        let stopped = server.stop()
        #expect(stopped.status == 0)
        server = try ServerHarness(server.files)
        defer { server.stop() }
        r = try server.aws(["iam", "get-user", "--user-name", "bob"])
        #expect(r.status == 0, "\(r.stderr)")
        // The CLI, on the same file while the server runs.
        r = try server.files.run(
            ["signin", "--email", BinaryHarness.email, "--password-stdin"], stdin: BinaryHarness.password + "\n")
        #expect(r.status == 0, "\(r.stderr)")
        r = try server.files.run(["users", "create", "carol"])
        #expect(r.status == 0, "\(r.stderr)")
        r = try server.aws(["iam", "get-user", "--user-name", "carol"])
        #expect(r.status == 0, "\(r.stderr)")
        r = try server.aws(["iam", "create-group", "--group-name", "devs"])
        #expect(r.status == 0, "\(r.stderr)")
        r = try server.files.run(["groups", "list", "--output", "json"])
        #expect(r.stdout.contains("\"GroupName\": \"devs\""), "\(r.stdout)")
    }
}
