import Foundation
import IAMSimCore
import IAMSimTestSupport
import Testing

/// Users and their tags through the Query API: each action's answer, golden, and its errors.
@Suite("Query API: users and tags")
struct UserActionTests {
    @Test("CreateUser with a path and tags answers the User with its tags")
    func createUser() throws {
        let client = try QueryClient()
        let answer = client.call(
            "CreateUser",
            [
                ("UserName", "alice"), ("Path", "/staff/"), ("Tags.member.1.Key", "team"),
                ("Tags.member.1.Value", "red"), ("Tags.member.2.Key", "cost center"), ("Tags.member.2.Value", ""),
            ])
        let id = try #require(answer.value("UserId"))
        #expect(id.hasPrefix("AIDA") && id.count == 21)
        expectResult(
            answer, "CreateUser",
            """
            <User>
              <Path>/staff/</Path>
              <UserName>alice</UserName>
              <UserId>\(id)</UserId>
              <Arn>arn:aws:iam::123456789012:user/staff/alice</Arn>
              <CreateDate>2026-01-05T09:30:05Z</CreateDate>
              <Tags>
                <member>
                  <Key>cost center</Key>
                  <Value></Value>
                </member>
                <member>
                  <Key>team</Key>
                  <Value>red</Value>
                </member>
              </Tags>
            </User>
            """)
        expectError(
            client.call("CreateUser", [("UserName", "ALICE")]), 409, "EntityAlreadyExists",
            "User with name ALICE already exists.")
        expectError(
            client.call("CreateUser", [("UserName", "has space")]), 400, "ValidationError",
            "1 validation error detected: Value 'has space' at 'userName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]+"
        )
        expectError(
            client.call(
                "CreateUser",
                [("UserName", "bob"), ("PermissionsBoundary", "arn:aws:iam::aws:policy/AdministratorAccess")]),
            400, "NotImplemented",
            "iamsim does not simulate policies, so CreateUser's PermissionsBoundary is not available. See docs/api.md for the actions iamsim answers."
        )
        expectError(
            client.call(
                "CreateUser",
                [
                    ("UserName", "bob"), ("Tags.member.1.Key", "Team"), ("Tags.member.1.Value", "a"),
                    ("Tags.member.2.Key", "team"), ("Tags.member.2.Value", "b"),
                ]), 400, "InvalidInput", "Duplicate tag keys found. Please note that Tag keys are case insensitive.")
        // A refused request created nothing.
        #expect(try client.store.listUsers(caller: client.root).map(\.userName) == ["alice"])
    }

    @Test("GetUser: by name with tags; without a name the caller, an IAM user or root as AWS answers; root is no user")
    func getUser() throws {
        let client = try QueryClient()
        let key = try client.createUserWithKey("bob")
        try client.store.tagUser(caller: client.root, userName: "bob", tags: [Tag(key: "k", value: "v")])
        let bob = try client.store.getUser(caller: client.root, userName: "bob")
        let expected = """
            <User>
              <Path>/</Path>
              <UserName>bob</UserName>
              <UserId>\(bob.userID)</UserId>
              <Arn>arn:aws:iam::123456789012:user/bob</Arn>
              <CreateDate>2026-01-05T09:30:05Z</CreateDate>
              <Tags>
                <member>
                  <Key>k</Key>
                  <Value>v</Value>
                </member>
              </Tags>
            </User>
            """
        expectResult(client.call("GetUser", [("UserName", "BOB")]), "GetUser", expected)
        expectResult(client.signing(with: key).call("GetUser"), "GetUser", expected)
        expectResult(
            client.call("GetUser"), "GetUser",
            """
            <User>
              <UserId>123456789012</UserId>
              <Arn>arn:aws:iam::123456789012:root</Arn>
              <CreateDate>2026-01-05T09:00:00Z</CreateDate>
            </User>
            """)
        expectError(
            client.call("GetUser", [("UserName", "root")]), 404, "NoSuchEntity",
            "The user with name root cannot be found.")
    }

    @Test("ListUsers pages by name with Marker and MaxItems, and filters by PathPrefix")
    func listUsers() throws {
        let client = try QueryClient()
        for (name, path) in [("carol", "/ops/"), ("alice", "/"), ("Bob", "/ops/")] {
            try client.store.createUser(caller: client.root, userName: name, path: path)
        }
        let first = client.call("ListUsers", [("MaxItems", "2")])
        #expect(first.status == 200)
        #expect(first.values("UserName") == ["alice", "Bob"])
        #expect(first.value("IsTruncated") == "true")
        let marker = try #require(first.value("Marker"))
        let second = client.call("ListUsers", [("MaxItems", "2"), ("Marker", marker)])
        #expect(second.values("UserName") == ["carol"])
        #expect(second.value("IsTruncated") == "false")
        #expect(second.value("Marker") == nil)
        #expect(client.call("ListUsers", [("PathPrefix", "/ops/")]).values("UserName") == ["Bob", "carol"])
        expectError(
            client.call("ListUsers", [("Marker", "bm90IGEgbWFya2Vy")]), 400, "ValidationError", "Invalid Marker.")
        expectError(
            client.call("ListUsers", [("MaxItems", "1001")]), 400, "ValidationError",
            "1 validation error detected: Value '1001' at 'maxItems' failed to satisfy constraint: Member must have value less than or equal to 1000"
        )
    }

    @Test("UpdateUser renames and moves a user, which keeps its id; DeleteUser refuses while it has a key")
    func updateAndDelete() throws {
        let client = try QueryClient()
        let key = try client.createUserWithKey("bob")
        let id = try client.store.getUser(caller: client.root, userName: "bob").userID
        expectResult(
            client.call("UpdateUser", [("UserName", "bob"), ("NewUserName", "robert"), ("NewPath", "/eng/")]),
            "UpdateUser", nil)
        let renamed = try client.store.getUser(caller: client.root, userName: "robert")
        #expect(renamed.userID == id)
        #expect(renamed.arn == "arn:aws:iam::123456789012:user/eng/robert")
        expectError(
            client.call("DeleteUser", [("UserName", "robert")]), 409, "DeleteConflict",
            "Cannot delete entity, must delete access keys first.")
        try client.store.deleteAccessKey(
            caller: client.root, accessKeyID: key.metadata.accessKeyID.rawValue, userName: "robert")
        expectResult(client.call("DeleteUser", [("UserName", "robert")]), "DeleteUser", nil)
        expectError(
            client.call("DeleteUser", [("UserName", "robert")]), 404, "NoSuchEntity",
            "The user with name robert cannot be found.")
    }

    @Test("TagUser adds and replaces (keys ignore case), UntagUser removes, ListUserTags pages by key")
    func tags() throws {
        let client = try QueryClient()
        try client.store.createUser(caller: client.root, userName: "bob")
        expectResult(
            client.call(
                "TagUser",
                [
                    ("UserName", "bob"), ("Tags.member.1.Key", "b"), ("Tags.member.1.Value", "1"),
                    ("Tags.member.2.Key", "a"), ("Tags.member.2.Value", "2"), ("Tags.member.3.Key", "c"),
                    ("Tags.member.3.Value", "3"),
                ]), "TagUser", nil)
        expectResult(
            client.call("TagUser", [("UserName", "bob"), ("Tags.member.1.Key", "B"), ("Tags.member.1.Value", "one")]),
            "TagUser", nil)
        let first = client.call("ListUserTags", [("UserName", "bob"), ("MaxItems", "2")])
        expectResult(
            first, "ListUserTags",
            """
            <Tags>
              <member>
                <Key>a</Key>
                <Value>2</Value>
              </member>
              <member>
                <Key>B</Key>
                <Value>one</Value>
              </member>
            </Tags>
            <IsTruncated>true</IsTruncated>
            <Marker>\(first.value("Marker") ?? "")</Marker>
            """)
        let rest = client.call(
            "ListUserTags", [("UserName", "bob"), ("MaxItems", "2"), ("Marker", first.value("Marker") ?? "")])
        #expect(rest.values("Key") == ["c"])
        expectResult(
            client.call("UntagUser", [("UserName", "bob"), ("TagKeys.member.1", "A"), ("TagKeys.member.2", "nope")]),
            "UntagUser", nil)
        #expect(client.call("ListUserTags", [("UserName", "bob")]).values("Key") == ["B", "c"])
        var many = [("UserName", "bob")]
        for index in 1...49 {
            many += [("Tags.member.\(index).Key", "k\(index)"), ("Tags.member.\(index).Value", "v")]
        }
        expectError(
            client.call("TagUser", many), 409, "LimitExceeded", "The number of tags has reached the maximum limit.")
        #expect(try client.store.listUserTags(caller: client.root, userName: "bob").count == 2)
        expectError(
            client.call("ListUserTags", [("UserName", "nobody")]), 404, "NoSuchEntity",
            "The user with name nobody cannot be found.")
    }
}
