import Foundation
import IAMSimCore
import IAMSimTestSupport
import Testing

/// Groups and membership through the Query API, each answer golden, with their errors.
@Suite("Query API: groups and membership")
struct GroupActionTests {
    @Test("CreateGroup, AddUserToGroup, GetGroup, ListGroupsForUser, ListGroups, RemoveUserFromGroup, DeleteGroup")
    func groups() throws {
        let client = try QueryClient()
        try client.store.createUser(caller: client.root, userName: "bob")
        let bob = try client.store.getUser(caller: client.root, userName: "bob")
        let created = client.call("CreateGroup", [("GroupName", "devs"), ("Path", "/eng/")])
        let id = try #require(created.value("GroupId"))
        #expect(id.hasPrefix("AGPA"))
        let group = """
            <Path>/eng/</Path>
            <GroupName>devs</GroupName>
            <GroupId>\(id)</GroupId>
            <Arn>arn:aws:iam::123456789012:group/eng/devs</Arn>
            <CreateDate>2026-01-05T09:30:05Z</CreateDate>
            """
        expectResult(created, "CreateGroup", "<Group>\n" + indented(group) + "\n</Group>")
        expectError(
            client.call("CreateGroup", [("GroupName", "DEVS")]), 409, "EntityAlreadyExists",
            "Group with name DEVS already exists.")
        expectResult(
            client.call("AddUserToGroup", [("GroupName", "devs"), ("UserName", "bob")]), "AddUserToGroup", nil)
        expectResult(
            client.call("GetGroup", [("GroupName", "devs")]), "GetGroup",
            """
            <Group>
            \(indented(group))
            </Group>
            <Users>
              <member>
                <Path>/</Path>
                <UserName>bob</UserName>
                <UserId>\(bob.userID)</UserId>
                <Arn>arn:aws:iam::123456789012:user/bob</Arn>
                <CreateDate>2026-01-05T09:30:05Z</CreateDate>
              </member>
            </Users>
            <IsTruncated>false</IsTruncated>
            """)
        expectResult(
            client.call("ListGroupsForUser", [("UserName", "bob")]), "ListGroupsForUser",
            """
            <Groups>
              <member>
            \(indented(group, by: 4))
              </member>
            </Groups>
            <IsTruncated>false</IsTruncated>
            """)
        #expect(client.call("ListGroups", [("PathPrefix", "/eng/")]).values("GroupName") == ["devs"])
        #expect(client.call("ListGroups", [("PathPrefix", "/ops/")]).values("GroupName") == [])
        expectError(
            client.call("DeleteGroup", [("GroupName", "devs")]), 409, "DeleteConflict",
            "Cannot delete entity, must remove users from group first.")
        expectResult(
            client.call("RemoveUserFromGroup", [("GroupName", "devs"), ("UserName", "bob")]), "RemoveUserFromGroup",
            nil)
        expectError(
            client.call("RemoveUserFromGroup", [("GroupName", "devs"), ("UserName", "bob")]), 404, "NoSuchEntity",
            "The user with name bob is not in the group devs.")
        expectResult(client.call("DeleteGroup", [("GroupName", "devs")]), "DeleteGroup", nil)
        expectError(
            client.call("GetGroup", [("GroupName", "devs")]), 404, "NoSuchEntity",
            "The group with name devs cannot be found.")
    }

    @Test("ListGroups and GetGroup's members come in pages that follow each other")
    func pages() throws {
        let client = try QueryClient()
        try client.store.createGroup(caller: client.root, groupName: "all")
        for index in 1...5 {
            try client.store.createGroup(caller: client.root, groupName: "g\(index)")
            try client.store.createUser(caller: client.root, userName: "u\(index)")
            try client.store.addUserToGroup(caller: client.root, groupName: "all", userName: "u\(index)")
        }
        var names: [String] = []
        var marker: String?
        repeat {
            let answer = client.call("ListGroups", [("MaxItems", "2")] + (marker.map { [("Marker", $0)] } ?? []))
            names += answer.values("GroupName")
            marker = answer.value("Marker")
            #expect(answer.value("IsTruncated") == (marker == nil ? "false" : "true"))
        } while marker != nil
        #expect(names == ["all", "g1", "g2", "g3", "g4", "g5"])
        let members = client.call("GetGroup", [("GroupName", "all"), ("MaxItems", "3")])
        #expect(members.values("UserName") == ["u1", "u2", "u3"])
        let more = client.call(
            "GetGroup", [("GroupName", "all"), ("MaxItems", "3"), ("Marker", members.value("Marker") ?? "")])
        #expect(more.values("UserName") == ["u4", "u5"])
    }
}

/// `text` with every line indented by `by` spaces.
func indented(_ text: String, by count: Int = 2) -> String {
    text.split(separator: "\n").map { String(repeating: " ", count: count) + $0 }.joined(separator: "\n")
}
