import Foundation
import IAMSimTestSupport
import Testing

@testable import IAMSimApp
@testable import IAMSimCore
@testable import IAMSimServer

/// Every API call is logged like a CLI action, in CloudTrail's shape: the service, the
/// identity and its key, the client's address and agent, the outcome.
@Suite("Query API: the event log")
struct EventLogQueryTests {
    static let origin = QueryService.Origin(
        sourceIPAddress: "203.0.113.9", userAgent: "Boto3/1.43.11 md/Botocore#1.43.11")
    static let identity = [("Action", "GetCallerIdentity"), ("Version", "2011-06-15")]

    let h: StoreHarness
    let service: QueryService

    init() throws {
        h = try StoreHarness()
        service = try QueryService(simulator: h.simulator)
    }

    @Test("an accepted call and a refused one: source, identity, key, origin, error")
    func logged() throws {
        #expect(
            service.handle(Signer.root.request(Self.identity, date: StoreHarness.start), origin: Self.origin).status
                == 200)
        var wrong = Signer.root
        wrong.secret = "wrong"
        #expect(
            service.handle(wrong.request(Self.identity, date: StoreHarness.start), origin: Self.origin).status == 403)
        let events = try h.events().filter { $0.eventName == "GetCallerIdentity" }
        #expect(events.count == 2)
        for event in events {
            #expect(event.eventSource == "sts.amazonaws.com")
            #expect(event.userIdentityType == "Root")
            #expect(event.actorARN == "arn:aws:iam::123456789012:root")
            #expect(event.accessKeyID == TestKeys.rootKey)
            #expect(event.sourceIPAddress == "203.0.113.9")
            #expect(event.userAgent == "Boto3/1.43.11 md/Botocore#1.43.11")
            #expect(event.mfaAuthenticated == nil)
        }
        #expect(events.map(\.outcome) == [.success, .failure])
        #expect(events.last?.errorCode == "SignatureDoesNotMatch")
    }

    @Test("an operation's own event carries the request's origin and key")
    func operation() throws {
        let answer = service.handle(
            Signer.root.request([("Action", "GetSessionToken"), ("Version", "2011-06-15")], date: StoreHarness.start),
            origin: Self.origin)
        #expect(answer.status == 200)
        let event = try #require(try h.events().last)
        #expect(event.eventName == "GetSessionToken")
        #expect(event.eventSource == "sts.amazonaws.com")
        #expect(event.accessKeyID == TestKeys.rootKey)
        #expect(event.sourceIPAddress == "203.0.113.9")
        #expect(event.resource == element("AccessKeyId", in: answer.body))
    }

    @Test("a request refused by the model's checks is logged too, with its error")
    func validation() throws {
        let answer = service.handle(
            Signer.root.request(
                [("Action", "GetSessionToken"), ("Version", "2011-06-15"), ("DurationSeconds", "60")],
                date: StoreHarness.start),
            origin: Self.origin)
        #expect(answer.status == 400)
        let event = try #require(try h.events().last)
        #expect(event.eventName == "GetSessionToken")
        #expect(event.outcome == .failure)
        #expect(event.errorCode == "ValidationError")
        #expect(event.accessKeyID == TestKeys.rootKey)
        #expect(event.sourceIPAddress == "203.0.113.9")
        #expect(event.actorARN == "arn:aws:iam::123456789012:root")
    }
}
