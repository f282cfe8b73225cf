import Foundation
import Testing

@testable import IAMSimApp
@testable import IAMSimCore

/// The shapes the Query API added: tags, the root user's GetUser, GetGroup, GetAccessKeyLastUsed,
/// ListAccountAliases, GetMFADevice; botocore's member names and order.
@Suite("AWS result shapes for the Query API")
struct QueryShapesTests {
    typealias S = ShapeSamples

    @Test("User carries Tags last, only when it has some; Tag is Key, Value")
    func userTags() {
        var tagged = S.alice
        tagged.tags = [IAMSimCore.Tag(key: "team", value: "red")]
        #expect(
            S.names(Shapes.user(tagged)) == ["Path", "UserName", "UserId", "Arn", "CreateDate", "Tags"])
        #expect(
            S.member("Tags", of: Shapes.user(tagged))
                == .list([.structure([("Key", .string("team")), ("Value", .string("red"))])]))
        #expect(S.member("Tags", of: Shapes.user(S.alice)) == nil)
        #expect(
            S.names(Shapes.listUserTags(tagged.tags, isTruncated: true, marker: "m"))
                == ["Tags", "IsTruncated", "Marker"])
    }

    @Test("GetUser for the root user: UserId (the account id), Arn, CreateDate, PasswordLastUsed; no Path or UserName")
    func rootUser() {
        let root = RootUser(accountID: S.account, createDate: S.date, passwordLastUsed: S.later)
        #expect(
            Shapes.getUser(root)
                == .structure([
                    (
                        "User",
                        .structure([
                            ("UserId", .string("123456789012")), ("Arn", .string("arn:aws:iam::123456789012:root")),
                            ("CreateDate", .timestamp(S.date)), ("PasswordLastUsed", .timestamp(S.later)),
                        ])
                    )
                ]))
    }

    @Test("GetGroup: Group, Users, IsTruncated, then Marker when truncated")
    func getGroup() {
        #expect(
            S.names(Shapes.getGroup(S.group, users: [S.alice], isTruncated: false, marker: nil))
                == ["Group", "Users", "IsTruncated"])
        #expect(
            S.names(Shapes.getGroup(S.group, users: [], isTruncated: true, marker: "m"))
                == ["Group", "Users", "IsTruncated", "Marker"])
    }

    @Test("GetAccessKeyLastUsed: N/A and no date before any use; UserName left out for root's keys")
    func accessKeyLastUsed() {
        let never = AccessKeyLastUsed(userName: nil, lastUsedDate: nil, serviceName: "iam", region: "us-east-1")
        #expect(
            Shapes.getAccessKeyLastUsed(never)
                == .structure([
                    ("AccessKeyLastUsed", .structure([("ServiceName", .string("N/A")), ("Region", .string("N/A"))]))
                ]))
        let used = AccessKeyLastUsed(userName: "alice", lastUsedDate: S.date, serviceName: "sts", region: nil)
        #expect(
            Shapes.getAccessKeyLastUsed(used)
                == .structure([
                    ("UserName", .string("alice")),
                    (
                        "AccessKeyLastUsed",
                        .structure([
                            ("LastUsedDate", .timestamp(S.date)), ("ServiceName", .string("sts")),
                            ("Region", .string("N/A")),
                        ])
                    ),
                ]))
    }

    @Test("ListAccountAliases is a list of strings; GetMFADevice is the MFADevice's members")
    func aliasesAndDevice() {
        #expect(
            Shapes.listAccountAliases(["my-team"], isTruncated: false, marker: nil)
                == .structure([("AccountAliases", .list([.string("my-team")])), ("IsTruncated", .boolean(false))]))
        #expect(S.names(Shapes.getMFADevice(S.token)) == ["UserName", "SerialNumber", "EnableDate"])
    }
}
