import Foundation
import IAMSimTestSupport
import Testing

@testable import IAMSimCore
@testable import IAMSimStore

/// `GetGroup` (the group and its members, in pages) and the path prefix of `ListGroups` and
/// `ListUsers`.
@Suite("Groups: GetGroup and ListGroups' PathPrefix")
struct GetGroupTests {
    @Test("GetGroup answers the group and its members by name, in pages; only root may call it")
    func getGroup() throws {
        let h = try StoreHarness()
        try h.signIn()
        try h.store.createGroup(caller: h.console, groupName: "devs", path: "/eng/")
        for name in ["carol", "alice", "Bob", "dave"] {
            try h.store.createUser(caller: h.console, userName: name)
        }
        for name in ["carol", "alice", "Bob"] {
            try h.store.addUserToGroup(caller: h.console, groupName: "devs", userName: name)
        }
        let first = try h.store.getGroup(caller: h.console, groupName: "DEVS", page: PageRequest(maxItems: 2))
        #expect(first.group.groupName == "devs")
        #expect(first.group.arn == "arn:aws:iam::123456789012:group/eng/devs")
        #expect(first.users.map(\.userName) == ["alice", "Bob"])
        #expect(first.users.isTruncated)
        let rest = try h.store.getGroup(
            caller: h.console, groupName: "devs", page: PageRequest(marker: first.users.marker, maxItems: 2))
        #expect(rest.users.map(\.userName) == ["carol"])
        #expect(!rest.users.isTruncated)
        #expect(throws: IAMError.noSuchEntity("The group with name ops cannot be found.")) {
            try h.store.getGroup(caller: h.console, groupName: "ops")
        }
        let bob = Caller.principal(.user(try h.store.getUser(caller: h.console, userName: "bob")))
        #expect(
            throws: IAMError.accessDenied(
                "User: arn:aws:iam::123456789012:user/Bob is not authorized to perform: iam:GetGroup on resource: arn:aws:iam::123456789012:group/devs"
            )
        ) { try h.store.getGroup(caller: bob, groupName: "devs") }
        #expect(try h.events().last?.eventName == "GetGroup")
    }

    @Test("ListGroups keeps the groups whose path starts with the prefix")
    func pathPrefix() throws {
        let h = try StoreHarness()
        try h.signIn()
        for (name, path) in [("a", "/"), ("b", "/eng/"), ("c", "/eng/web/"), ("d", "/english/")] {
            try h.store.createGroup(caller: h.console, groupName: name, path: path)
        }
        #expect(try h.store.listGroups(caller: h.console, pathPrefix: "/eng/").map(\.groupName) == ["b", "c"])
        #expect(try h.store.listGroups(caller: h.console, pathPrefix: "/").count == 4)
    }

    @Test("ListUsers and ListGroups match the prefix exactly: case counts, and _ and % are characters")
    func pathPrefixIsExact() throws {
        let h = try StoreHarness()
        try h.signIn()
        for (name, path) in [("a", "/a_b/"), ("b", "/axb/"), ("c", "/A_B/"), ("d", "/a%/")] {
            try h.store.createGroup(caller: h.console, groupName: name, path: path)
            try h.store.createUser(caller: h.console, userName: name, path: path)
        }
        for prefix in ["/a_", "/a%"] {
            let expected = prefix == "/a_" ? ["a"] : ["d"]
            #expect(try h.store.listGroups(caller: h.console, pathPrefix: prefix).map(\.groupName) == expected)
            #expect(try h.store.listUsers(caller: h.console, pathPrefix: prefix).map(\.userName) == expected)
        }
        #expect(try h.store.listUsers(caller: h.console, pathPrefix: "/A").map(\.userName) == ["c"])
    }
}
