import Foundation
import IAMSimTestSupport
import Testing

@testable import IAMSimApp
@testable import IAMSimCore
@testable import IAMSimServer
@testable import IAMSimStore

/// Every date the Query API sends is whole seconds in UTC, whatever the clock's fraction:
/// Prowler parses `str(PasswordLastUsed)` with `%Y-%m-%d %H:%M:%S+00:00` and crashes on a
/// fraction, and the credential report's columns are compared the same way. The rule is the
/// timestamp kind's (`QueryXML.timestamp`, `Timestamp.iso8601`), so every member of every shape
/// follows it; this test reads every date of every answer that has one.
@Suite("Query API: timestamps are whole seconds in UTC")
struct WholeSecondTimestampTests {
    @Test("a real clock with a fraction of a second: every date in XML and in the credential report is whole")
    func wholeSeconds() throws {
        // A real clock (not a simulated one, which `iamsim clock set` keeps to whole seconds)
        // reading 0.789 s past a second: stored dates keep the fraction.
        let now = TestValues.start.addingTimeInterval(0.789)
        let simulator = try Simulator.inMemory(seed: 11, wallClock: .fixed(now))
        try simulator.accounts.loadFixture(try Fixture.builtInDefault())
        let service = try QueryService(simulator: simulator)
        let root = Caller.principal(.root(TestValues.account))
        let store = simulator.store
        try store.createUser(caller: root, userName: "bob")
        try store.createLoginProfile(caller: root, userName: "bob", password: "Strong-Password-2026!")
        let key = try store.createAccessKey(caller: root, userName: "bob")
        try store.createGroup(caller: root, groupName: "devs")
        try store.addUserToGroup(caller: root, groupName: "devs", userName: "bob")
        _ = try simulator.sessions.signIn(
            .user(account: TestValues.account.rawValue, userName: "bob"), password: "Strong-Password-2026!",
            mfaCode: nil, account: nil)
        let device = try store.createVirtualMFADevice(caller: root, deviceName: "bob")
        let seed = device.base32StringSeed
        try store.enableMFADevice(
            caller: root, serialNumber: device.device.serialNumber,
            code1: IndependentTOTP.code(base32: seed, unixTime: TestValues.startUnixTime - 30),
            code2: IndependentTOTP.code(base32: seed, unixTime: TestValues.startUnixTime), userName: "bob")
        // The sign-in's time (stored with or without its fraction: the answers must not tell).
        let used = try #require(try store.getUser(caller: root, userName: "bob").passwordLastUsed)
        #expect(abs(used.timeIntervalSince(now)) < 1)

        func call(_ action: String, _ parameters: [(String, String)] = []) -> QueryService.Answer {
            service.handle(
                QueryClient.signed([("Action", action), ("Version", "2010-05-08")] + parameters, date: now),
                origin: .init(sourceIPAddress: nil, userAgent: nil))
        }
        let job = call("GenerateServiceLastAccessedDetails", [("Arn", "arn:aws:iam::123456789012:user/bob")])
        _ = call("GenerateCredentialReport")
        let answers = [
            call("GetUser", [("UserName", "bob")]), call("GetUser"), call("ListUsers"),
            call("GetGroup", [("GroupName", "devs")]), call("ListGroups"),
            call("ListGroupsForUser", [("UserName", "bob")]), call("GetLoginProfile", [("UserName", "bob")]),
            call("ListAccessKeys", [("UserName", "bob")]), call("CreateAccessKey", [("UserName", "bob")]),
            call("GetAccessKeyLastUsed", [("AccessKeyId", key.metadata.accessKeyID.rawValue)]),
            call("ListMFADevices", [("UserName", "bob")]), call("ListVirtualMFADevices"),
            call("GetMFADevice", [("UserName", "bob"), ("SerialNumber", device.device.serialNumber)]),
            call("GetCredentialReport"), call("GetServiceLastAccessedDetails", [("JobId", job.value("JobId") ?? "")]),
        ]
        var dates = 0
        for answer in answers {
            #expect(answer.status == 200, "\(answer.body)")
            for match in answer.body.matches(of: />([0-9]{4}-[0-9]{2}-[0-9]{2}T[^<]*)</) {
                dates += 1
                let text = String(match.output.1)
                #expect(text.wholeMatch(of: /[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z/) != nil, "\(text)")
            }
        }
        #expect(dates >= 20)
        // The kind itself: a date with a fraction is rendered without it, in XML and in CSV.
        #expect(QueryXML.timestamp(now) == "2026-01-05T09:30:05Z")
        #expect(Timestamp.iso8601(now) == "2026-01-05T09:30:05+00:00")
        let report = try #require(
            call("GetCredentialReport").value("Content").flatMap { Data(base64Encoded: $0) }.map {
                String(decoding: $0, as: UTF8.self)
            })
        let bob = try #require(report.split(separator: "\n").first { $0.hasPrefix("bob,") })
        let fields = bob.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        #expect(fields[4] == "2026-01-05T09:30:05+00:00", "password_last_used")
        for field in fields where field.hasPrefix("20") {
            #expect(field.wholeMatch(of: /[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\+00:00/) != nil)
        }
    }
}
