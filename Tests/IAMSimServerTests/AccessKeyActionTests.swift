import Foundation
import IAMSimCore
import IAMSimTestSupport
import Testing

/// Access keys through the Query API, each answer golden; a key deactivated or deleted signs
/// nothing more; every accepted request records the key's use.
@Suite("Query API: access keys and their last use")
struct AccessKeyActionTests {
    @Test("CreateAccessKey for a user shows the secret once; ListAccessKeys never does")
    func createAndList() throws {
        let client = try QueryClient()
        try client.store.createUser(caller: client.root, userName: "bob")
        let created = client.call("CreateAccessKey", [("UserName", "bob")])
        let id = try #require(created.value("AccessKeyId"))
        let secret = try #require(created.value("SecretAccessKey"))
        #expect(id.hasPrefix("AKIA") && id.count == 20)
        #expect(secret.count == 40)
        expectResult(
            created, "CreateAccessKey",
            """
            <AccessKey>
              <UserName>bob</UserName>
              <AccessKeyId>\(id)</AccessKeyId>
              <Status>Active</Status>
              <SecretAccessKey>\(secret)</SecretAccessKey>
              <CreateDate>2026-01-05T09:30:05Z</CreateDate>
            </AccessKey>
            """)
        let listed = client.call("ListAccessKeys", [("UserName", "bob")])
        expectResult(
            listed, "ListAccessKeys",
            """
            <AccessKeyMetadata>
              <member>
                <UserName>bob</UserName>
                <AccessKeyId>\(id)</AccessKeyId>
                <Status>Active</Status>
                <CreateDate>2026-01-05T09:30:05Z</CreateDate>
              </member>
            </AccessKeyMetadata>
            <IsTruncated>false</IsTruncated>
            """)
        #expect(!listed.body.contains(secret))
        // Root's own, without a user name: no UserName, as for root's credentials.
        expectResult(
            client.call("ListAccessKeys"), "ListAccessKeys",
            """
            <AccessKeyMetadata>
              <member>
                <AccessKeyId>AKIAIOSFODNN7EXAMPLE</AccessKeyId>
                <Status>Active</Status>
                <CreateDate>2026-01-05T09:00:00Z</CreateDate>
              </member>
            </AccessKeyMetadata>
            <IsTruncated>false</IsTruncated>
            """)
        _ = client.call("CreateAccessKey", [("UserName", "bob")])
        expectError(
            client.call("CreateAccessKey", [("UserName", "bob")]), 409, "LimitExceeded",
            "Cannot exceed quota for AccessKeysPerUser: 2")
    }

    @Test("UpdateAccessKey to Inactive: the key signs nothing more until it is Active again")
    func deactivate() throws {
        let client = try QueryClient()
        let key = try client.createUserWithKey("bob")
        let id = key.metadata.accessKeyID.rawValue
        let bob = client.signing(with: key)
        #expect(bob.call("GetUser").status == 200)
        expectResult(
            client.call("UpdateAccessKey", [("UserName", "bob"), ("AccessKeyId", id), ("Status", "Inactive")]),
            "UpdateAccessKey", nil)
        expectError(
            bob.call("GetUser"), 403, "InvalidClientTokenId", "The security token included in the request is invalid.")
        expectError(
            client.call("UpdateAccessKey", [("UserName", "bob"), ("AccessKeyId", id), ("Status", "Expired")]), 400,
            "InvalidInput", "An access key's status can be set to Active or Inactive, not Expired.")
        expectError(
            client.call("UpdateAccessKey", [("UserName", "bob"), ("AccessKeyId", id), ("Status", "Paused")]), 400,
            "ValidationError",
            "1 validation error detected: Value 'Paused' at 'status' failed to satisfy constraint: Member must satisfy enum value set: [Active, Inactive, Expired]"
        )
        expectResult(
            client.call("UpdateAccessKey", [("UserName", "bob"), ("AccessKeyId", id), ("Status", "Active")]),
            "UpdateAccessKey", nil)
        #expect(bob.call("GetUser").status == 200)
    }

    @Test("root deletes its own key with a request it signs; the next request with it is InvalidClientTokenId")
    func deleteRootKey() throws {
        let client = try QueryClient()
        expectResult(
            client.call("DeleteAccessKey", [("AccessKeyId", QueryClient.rootKey)]), "DeleteAccessKey", nil)
        expectError(
            client.call("ListUsers"), 403, "InvalidClientTokenId",
            "The security token included in the request is invalid.")
        expectError(
            client.call("GetCallerIdentity", sts: true), 403, "InvalidClientTokenId",
            "The security token included in the request is invalid.", sts: true)
        // The console still works, and the refusals are in the log.
        let failures = try client.simulator.eventLog.events(account: TestValues.account).filter {
            $0.errorCode == "InvalidClientTokenId"
        }
        #expect(failures.map(\.eventName) == ["ListUsers", "GetCallerIdentity"])
    }

    @Test("GetAccessKeyLastUsed: N/A before any use; then the date, the service and the region of the signature")
    func lastUsed() throws {
        let client = try QueryClient()
        let key = try client.createUserWithKey("bob")
        let id = key.metadata.accessKeyID.rawValue
        expectResult(
            client.call("GetAccessKeyLastUsed", [("AccessKeyId", id)]), "GetAccessKeyLastUsed",
            """
            <UserName>bob</UserName>
            <AccessKeyLastUsed>
              <ServiceName>N/A</ServiceName>
              <Region>N/A</Region>
            </AccessKeyLastUsed>
            """)
        var bob = client.signing(with: key)
        bob.region = "eu-west-1"
        try client.simulator.clock.advance(by: ClockDuration(seconds: 60), .all)
        #expect(bob.call("GetCallerIdentity", sts: true).status == 200)
        expectResult(
            client.call("GetAccessKeyLastUsed", [("AccessKeyId", id)]), "GetAccessKeyLastUsed",
            """
            <UserName>bob</UserName>
            <AccessKeyLastUsed>
              <LastUsedDate>2026-01-05T09:31:05Z</LastUsedDate>
              <ServiceName>sts</ServiceName>
              <Region>eu-west-1</Region>
            </AccessKeyLastUsed>
            """)
        // Root's key was used by the request that asks: recorded before the answer.
        expectResult(
            client.call("GetAccessKeyLastUsed", [("AccessKeyId", QueryClient.rootKey)]), "GetAccessKeyLastUsed",
            """
            <AccessKeyLastUsed>
              <LastUsedDate>2026-01-05T09:31:05Z</LastUsedDate>
              <ServiceName>iam</ServiceName>
              <Region>us-east-1</Region>
            </AccessKeyLastUsed>
            """)
        let report = try client.store.generateCredentialReport(caller: client.root)
        #expect(report.state == "STARTED")
        let csv = try client.store.getCredentialReport(caller: client.root).content
        #expect(csv.contains(",true,2026-01-05T09:00:00+00:00,2026-01-05T09:31:05+00:00,us-east-1,iam,"))
    }
}
