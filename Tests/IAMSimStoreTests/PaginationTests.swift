import Foundation
import IAMSimTestSupport
import Testing

@testable import IAMSimCore
@testable import IAMSimStore

/// List operations take `Marker`/`MaxItems` and answer `IsTruncated`/`Marker`, as in AWS.
@Suite("Pagination of the list operations")
struct PaginationTests {
    /// The lesson account with users, groups, memberships, keys and devices enough to page.
    static func world() throws -> StoreHarness {
        let h = try StoreHarness()
        try h.signIn()
        for name in ["carol", "Bob", "eve", "alice", "Dave"] {
            try h.store.createUser(caller: h.console, userName: name)
        }
        for name in ["ops", "Admins", "devs"] {
            try h.store.createGroup(caller: h.console, groupName: name)
            try h.store.addUserToGroup(caller: h.console, groupName: name, userName: "bob")
        }
        try h.store.createAccessKey(caller: h.console)
        try h.activateDevice("root-phone")
        try h.advance(60)
        try h.activateDevice("root-tablet")
        try h.store.createVirtualMFADevice(caller: h.console, deviceName: "spare")
        return h
    }

    /// A list operation: every item at once, or one page.
    struct List: CustomTestStringConvertible, Sendable {
        var name: String
        var fetch: @Sendable (StoreHarness, PageRequest?) throws -> Page<String>
        var testDescription: String { name }
    }

    static let lists: [List] = [
        List(name: "ListUsers") { h, page in try h.store.listUsers(caller: h.console, page: page).mapItems(\.userName)
        },
        List(name: "ListGroups") { h, page in
            try h.store.listGroups(caller: h.console, page: page).mapItems(\.groupName)
        },
        List(name: "ListGroupsForUser") { h, page in
            try h.store.listGroupsForUser(caller: h.console, userName: "bob", page: page).mapItems(\.groupName)
        },
        List(name: "ListAccessKeys") { h, page in
            try h.store.listAccessKeys(caller: h.console, page: page).mapItems(\.accessKeyID.rawValue)
        },
        List(name: "ListMFADevices") { h, page in
            try h.store.listMFADevices(caller: h.console, page: page).mapItems(\.serialNumber)
        },
        List(name: "ListVirtualMFADevices") { h, page in
            try h.store.listVirtualMFADevices(caller: h.console, page: page).mapItems(\.serialNumber)
        },
    ]

    @Test("every page of one item, in turn, is the whole list, in its order", arguments: lists)
    func pagesMakeTheList(list: List) throws {
        let h = try Self.world()
        let whole = try list.fetch(h, nil)
        #expect(!whole.isTruncated && whole.marker == nil && whole.count >= 2)
        var pages: [Page<String>] = []
        var marker: String?
        repeat {
            let page = try list.fetch(h, try PageRequest(marker: marker, maxItems: 1))
            pages.append(page)
            marker = page.marker
            #expect(page.isTruncated == (page.marker != nil))
        } while marker != nil && pages.count <= whole.count
        #expect(pages.flatMap(\.items) == whole.items)
        #expect(pages.map(\.count) == Array(repeating: 1, count: whole.count))
        #expect(try list.fetch(h, try PageRequest(maxItems: 1_000)) == whole)
    }

    @Test("ListUsers: pages by name ignoring case; a user added before the marker neither shifts nor repeats the rest")
    func users() throws {
        let h = try Self.world()
        let first = try h.store.listUsers(caller: h.console, page: try PageRequest(maxItems: 2))
        #expect(first.map(\.userName) == ["alice", "Bob"])
        #expect(first.isTruncated)
        let marker = try #require(first.marker)
        #expect(!marker.contains("Bob"))
        try h.store.createUser(caller: h.console, userName: "aaron")
        let second = try h.store.listUsers(caller: h.console, page: try PageRequest(marker: marker, maxItems: 2))
        #expect(second.map(\.userName) == ["carol", "Dave"])
        let third = try h.store.listUsers(caller: h.console, page: try PageRequest(marker: second.marker, maxItems: 2))
        #expect(third.map(\.userName) == ["eve"])
        #expect(!third.isTruncated && third.marker == nil)
    }

    @Test(
        "a marker no page of this list gave is a ValidationError, logged", arguments: ["garbage", "bm90IGEgbWFya2Vy"])
    func invalidMarker(marker: String) throws {
        let h = try Self.world()
        #expect(throws: IAMError.validationError("Invalid Marker.")) {
            try h.store.listUsers(caller: h.console, page: try PageRequest(marker: marker))
        }
        let last = try #require(try h.events().last)
        #expect(last.eventName == "ListUsers" && last.errorCode == "ValidationError")
    }

    @Test("a marker of another list is refused")
    func markerOfAnotherList() throws {
        let h = try Self.world()
        let groups = try h.store.listGroups(caller: h.console, page: try PageRequest(maxItems: 1))
        #expect(throws: IAMError.validationError("Invalid Marker.")) {
            try h.store.listUsers(caller: h.console, page: try PageRequest(marker: groups.marker))
        }
    }
}
