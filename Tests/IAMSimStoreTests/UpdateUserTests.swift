import Foundation
import IAMSimTestSupport
import Testing

@testable import IAMSimCore
@testable import IAMSimStore

/// `UpdateUser`: a user renamed or moved to another path keeps its id, its credentials and its
/// sessions; the log keeps the old ARN as history.
@Suite("UpdateUser")
struct UpdateUserTests {
    static let bobPassword = "Bobs-Strong-Pass-2026!"

    /// The lesson account, root signed in, with bob (a password and a key) and carol.
    static func world() throws -> StoreHarness {
        let h = try StoreHarness()
        try h.signIn()
        try h.store.createUser(caller: h.console, userName: "bob")
        try h.store.createLoginProfile(caller: h.console, userName: "bob", password: Self.bobPassword)
        try h.store.createAccessKey(caller: h.console, userName: "bob")
        try h.store.createUser(caller: h.console, userName: "carol")
        return h
    }

    @Test("a rename and a move keep the user's id, credentials and groups; the old name is gone")
    func renameAndMove() throws {
        let h = try Self.world()
        let before = try h.store.getUser(caller: h.console, userName: "bob")
        try h.store.createGroup(caller: h.console, groupName: "devs")
        try h.store.addUserToGroup(caller: h.console, groupName: "devs", userName: "bob")
        let updated = try h.store.updateUser(
            caller: h.console, userName: "BOB", newUserName: "robert", newPath: "/staff/")
        #expect(updated.userName == "robert" && updated.path == "/staff/" && updated.userID == before.userID)
        #expect(updated.arn == "arn:aws:iam::123456789012:user/staff/robert")
        #expect(try h.store.getUser(caller: h.console, userName: "robert") == updated)
        #expect(throws: IAMError.noSuchUser("bob")) { try h.store.getUser(caller: h.console, userName: "bob") }
        #expect(try h.store.listAccessKeys(caller: h.console, userName: "robert").map(\.userName) == ["robert"])
        #expect(try h.store.listGroupsForUser(caller: h.console, userName: "robert").map(\.groupName) == ["devs"])
        #expect(try h.store.getLoginProfile(caller: h.console, userName: "robert").userName == "robert")
        let moved = try h.store.updateUser(caller: h.console, userName: "robert", newPath: "/")
        #expect(moved.userName == "robert" && moved.path == "/")
        // A change of case only is the same name.
        #expect(
            try h.store.updateUser(caller: h.console, userName: "robert", newUserName: "Robert").userName == "Robert")
        let last = try #require(try h.events().last)
        #expect(last.eventName == "UpdateUser" && last.outcome == .success && last.resource == "robert")
    }

    @Test("a name taken (ignoring case) is EntityAlreadyExists in AWS's words, and nothing changes")
    func nameTaken() throws {
        let h = try Self.world()
        #expect(throws: IAMError.entityAlreadyExists("User with name CAROL already exists.")) {
            try h.store.updateUser(caller: h.console, userName: "bob", newUserName: "CAROL", newPath: "/x/")
        }
        let last = try #require(try h.events().last)
        #expect(last.eventName == "UpdateUser" && last.errorCode == "EntityAlreadyExists")
        #expect(try h.store.getUser(caller: h.console, userName: "bob").path == "/")
    }

    @Test(
        "a missing user, a malformed name or path, an IAM user: AWS's errors",
        arguments: [
            ("nobody", "newbody", nil, IAMError.noSuchUser("nobody")),
            (
                "bob", "bad name", nil,
                IAMError.validationError(
                    "The specified value for newUserName is invalid. It must contain only alphanumeric characters and/or the following: +=,.@_-"
                )
            ),
            (
                "bob", String(repeating: "b", count: 65), nil,
                IAMError.validationError(
                    "1 validation error detected: Value '\(String(repeating: "b", count: 65))' at 'newUserName' failed to satisfy constraint: Member must have length less than or equal to 64"
                )
            ),
            (
                "bob", nil, "staff",
                IAMError.validationError(
                    "The specified value for path is invalid. It must begin and end with / and contain only alphanumeric characters and/or / characters."
                )
            ),
        ] as [(String, String?, String?, IAMError)])
    func refused(userName: String, newUserName: String?, newPath: String?, error: IAMError) throws {
        let h = try Self.world()
        #expect(throws: error) {
            try h.store.updateUser(caller: h.console, userName: userName, newUserName: newUserName, newPath: newPath)
        }
    }

    @Test("only root may update users")
    func userMayNot() throws {
        let h = try Self.world()
        let bob = Caller.principal(.user(try h.store.getUser(caller: h.console, userName: "bob")))
        #expect(
            throws: IAMError.accessDenied(
                "User: arn:aws:iam::123456789012:user/bob is not authorized to perform: iam:UpdateUser on resource: arn:aws:iam::123456789012:user/bob"
            )
        ) { try h.store.updateUser(caller: bob, userName: "bob", newUserName: "bobby") }
    }

    @Test("a renamed user's session keeps working; it signs in under its new name; the log keeps the old ARN")
    func sessionsAndHistory() throws {
        let h = try Self.world()
        try h.sessions.signOut(account: nil)
        let bob = SignInIdentity.user(account: "123456789012", userName: "bob")
        guard case .signedIn = try h.sessions.signIn(bob, password: Self.bobPassword, mfaCode: nil, account: nil) else {
            Issue.record("bob should sign in")
            return
        }
        _ = try h.store.listAccessKeys(caller: h.console)
        let root = Caller.principal(.root(StoreHarness.account))
        try h.store.updateUser(caller: root, userName: "bob", newUserName: "robert")
        #expect(try h.sessions.callerIdentity(account: nil).arn == "arn:aws:iam::123456789012:user/robert")
        #expect(try h.store.listAccessKeys(caller: h.console).map(\.userName) == ["robert"])
        let history = try h.events().filter { $0.eventName == "ListAccessKeys" }.map(\.actorARN)
        #expect(history == ["arn:aws:iam::123456789012:user/bob", "arn:aws:iam::123456789012:user/robert"])
        try h.sessions.signOut(account: nil)
        #expect(throws: IAMError.signInFailed) {
            try h.sessions.signIn(bob, password: Self.bobPassword, mfaCode: nil, account: nil)
        }
        let robert = SignInIdentity.user(account: "123456789012", userName: "robert")
        #expect(throws: Never.self) {
            try h.sessions.signIn(robert, password: Self.bobPassword, mfaCode: nil, account: nil)
        }
    }
}
