import Foundation
import IAMSimTestSupport
import Testing

@testable import IAMSimCore
@testable import IAMSimStore

/// AWS's tag, not Swift Testing's.
typealias Tag = IAMSimCore.Tag

/// Tags on IAM users (`TagUser`, `UntagUser`, `ListUserTags`, `CreateUser`'s and `GetUser`'s
/// tags) and `GetUser` of the root user.
@Suite("Tags on users")
struct UserTagTests {
    func harness() throws -> StoreHarness {
        let h = try StoreHarness()
        try h.signIn()
        return h
    }

    @Test("CreateUser stores its tags; GetUser shows them by key; ListUsers leaves them out, as AWS does")
    func createWithTags() throws {
        let h = try harness()
        let created = try h.store.createUser(
            caller: h.console, userName: "bob", tags: [Tag(key: "z", value: "1"), Tag(key: "A", value: "2")])
        #expect(created.tags == [Tag(key: "A", value: "2"), Tag(key: "z", value: "1")])
        #expect(try h.store.getUser(caller: h.console, userName: "bob").tags == created.tags)
        #expect(try h.store.listUsers(caller: h.console).map(\.tags) == [[]])
        #expect(try h.count("userTag") == 2)
    }

    @Test("TagUser replaces a key ignoring case; UntagUser removes ignoring case; unknown keys are no error")
    func tagAndUntag() throws {
        let h = try harness()
        try h.store.createUser(caller: h.console, userName: "bob")
        try h.store.tagUser(caller: h.console, userName: "bob", tags: [Tag(key: "Team", value: "red")])
        try h.store.tagUser(caller: h.console, userName: "BOB", tags: [Tag(key: "team", value: "blue")])
        #expect(try h.store.listUserTags(caller: h.console, userName: "bob").items == [Tag(key: "team", value: "blue")])
        try h.store.untagUser(caller: h.console, userName: "bob", tagKeys: ["TEAM", "absent"])
        #expect(try h.store.listUserTags(caller: h.console, userName: "bob").isEmpty)
        #expect(
            try h.events().suffix(5).map(\.eventName) == [
                "TagUser", "TagUser", "ListUserTags", "UntagUser", "ListUserTags",
            ])
    }

    @Test(
        "AWS's limits: 50 tags per user, keys 1…128 and values 0…256 of the model's characters, no repeated keys",
        arguments: [
            (
                [Tag(key: "", value: "v")],
                IAMError.validationError(
                    "1 validation error detected: Value '' at 'tags.1.member.key' failed to satisfy constraint: Member must have length greater than or equal to 1"
                )
            ),
            (
                [Tag(key: "a", value: "v"), Tag(key: "k*", value: "v")],
                .validationError(
                    "1 validation error detected: Value 'k*' at 'tags.2.member.key' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+"
                )
            ),
            (
                [Tag(key: "k", value: String(repeating: "v", count: 257))],
                .validationError(
                    "1 validation error detected: Value '\(String(repeating: "v", count: 257))' at 'tags.1.member.value' failed to satisfy constraint: Member must have length less than or equal to 256"
                )
            ),
            (
                [Tag(key: "k", value: "a"), Tag(key: "K", value: "b")],
                .invalidInput(
                    "Duplicate tag keys found. Please note that Tag keys are case insensitive.")
            ),
            ((1...51).map { Tag(key: "k\($0)", value: "") }, TagRules.tooMany),
        ] as [([Tag], IAMError)])
    func limits(tags: [Tag], error: IAMError) throws {
        let h = try harness()
        try h.store.createUser(caller: h.console, userName: "bob")
        #expect(throws: error) { try h.store.tagUser(caller: h.console, userName: "bob", tags: tags) }
        #expect(throws: error) { try h.store.createUser(caller: h.console, userName: "carol", tags: tags) }
        #expect(try h.count("userTag") == 0)
        #expect(try h.count("iamUser") == 1)
    }

    @Test("tags count toward 50 with the user's existing ones; a refused TagUser changes nothing")
    func limitCountsExisting() throws {
        let h = try harness()
        try h.store.createUser(
            caller: h.console, userName: "bob", tags: (1...49).map { Tag(key: "k\($0)", value: "") })
        try h.store.tagUser(caller: h.console, userName: "bob", tags: [Tag(key: "K1", value: "replaced")])
        #expect(throws: TagRules.tooMany) {
            try h.store.tagUser(
                caller: h.console, userName: "bob", tags: [Tag(key: "x", value: ""), Tag(key: "y", value: "")])
        }
        #expect(try h.count("userTag") == 49)
    }

    @Test("a user's tags go with it: DeleteUser needs no UntagUser first")
    func deleteUserWithTags() throws {
        let h = try harness()
        try h.store.createUser(caller: h.console, userName: "bob", tags: [Tag(key: "k", value: "v")])
        try h.store.deleteUser(caller: h.console, userName: "bob")
        #expect(try h.count("userTag") == 0)
    }

    @Test("an IAM user may list its own tags, not tag itself, nor read another user's")
    func permissions() throws {
        let h = try harness()
        try h.store.createUser(caller: h.console, userName: "bob", tags: [Tag(key: "k", value: "v")])
        try h.store.createUser(caller: h.console, userName: "carol")
        let bob = Caller.principal(.user(try h.store.getUser(caller: h.console, userName: "bob")))
        #expect(try h.store.listUserTags(caller: bob, userName: "bob").items == [Tag(key: "k", value: "v")])
        #expect(
            throws: IAMError.accessDenied(
                "User: arn:aws:iam::123456789012:user/bob is not authorized to perform: iam:TagUser on resource: arn:aws:iam::123456789012:user/bob"
            )
        ) { try h.store.tagUser(caller: bob, userName: "bob", tags: [Tag(key: "x", value: "")]) }
        #expect(
            throws: IAMError.accessDenied(
                "User: arn:aws:iam::123456789012:user/bob is not authorized to perform: iam:ListUserTags on resource: arn:aws:iam::123456789012:user/carol"
            )
        ) { try h.store.listUserTags(caller: bob, userName: "carol") }
        #expect(
            throws: IAMError.accessDenied(
                "User: arn:aws:iam::123456789012:user/bob is not authorized to perform: iam:UntagUser on resource: arn:aws:iam::123456789012:user/carol"
            )
        ) { try h.store.untagUser(caller: bob, userName: "carol", tagKeys: ["k"]) }
    }

    @Test(
        "GetUser without a name: root gets the root user (account id, :root, the account's creation); users get themselves"
    )
    func rootUser() throws {
        let h = try harness()
        let root = try h.store.getRootUser(caller: h.console)
        #expect(root.accountID == StoreHarness.account)
        #expect(root.createDate == Date(timeIntervalSince1970: 1_767_603_600))  // 2026-01-05T09:00:00Z
        #expect(root.passwordLastUsed == StoreHarness.start)
        try h.store.createUser(caller: h.console, userName: "bob")
        let bob = Caller.principal(.user(try h.store.getUser(caller: h.console, userName: "bob")))
        #expect(throws: IAMError.noSuchUser("root")) { try h.store.getRootUser(caller: bob) }
        #expect(try h.store.getUser(caller: bob, userName: nil).userName == "bob")
    }
}
