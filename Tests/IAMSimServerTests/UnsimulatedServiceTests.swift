import Foundation
import IAMSimTestSupport
import Testing

@testable import IAMSimCore
@testable import IAMSimServer

/// Requests for services iamsim does not simulate (what Prowler asks before it audits IAM):
/// a 400 `NotImplemented` at once, in the service's own error format, never a 5xx or HTML.
@Suite("Query API: services iamsim does not simulate")
struct UnsimulatedServiceTests {
    /// A request signed for `service` (the signature is never checked: the answer reveals nothing).
    static func request(
        service: String, body: String, contentType: String, target: String? = nil, query: String = ""
    ) -> SigV4.Request {
        var request = QueryClient.signed([], service: service)
        request.query = query
        request.body = Array(body.utf8)
        request.headers = request.headers.map {
            $0.name == "Content-Type" ? (name: $0.name, value: contentType) : $0
        }
        if let target { request.headers.append((name: "X-Amz-Target", value: target)) }
        return request
    }

    static func answer(_ request: SigV4.Request) throws -> QueryService.Answer {
        let client = try QueryClient()
        return client.service.handle(request, origin: .init(sourceIPAddress: "127.0.0.1", userAgent: "tests"))
    }

    @Test("Organizations (JSON 1.1, X-Amz-Target): {\"__type\", \"message\"} as application/x-amz-json-1.1")
    func organizations() throws {
        let answer = try Self.answer(
            Self.request(
                service: "organizations", body: "{}", contentType: "application/x-amz-json-1.1",
                target: "AWSOrganizationsV20161128.DescribeAccount"))
        #expect(answer.status == 400)
        #expect(answer.contentType == "application/x-amz-json-1.1")
        #expect(answer.errorCode == "NotImplemented")
        #expect(answer.action == "organizations:DescribeAccount")
        #expect(
            answer.body
                == #"{"__type":"NotImplemented","message":"iamsim simulates IAM and STS only; it does not simulate AWS Organizations (organizations), so DescribeAccount is not available. See docs/api.md."}"#
        )
    }

    @Test("a JSON 1.0 service (DynamoDB) gets its own content type")
    func json10() throws {
        let answer = try Self.answer(
            Self.request(
                service: "dynamodb", body: "{}", contentType: "application/x-amz-json-1.0",
                target: "DynamoDB_20120810.ListTables"))
        #expect(answer.status == 400)
        #expect(answer.contentType == "application/x-amz-json-1.0")
        #expect(answer.body.hasPrefix(#"{"__type":"NotImplemented","message":"iamsim simulates IAM and STS only; "#))
        #expect(answer.body.contains("it does not simulate dynamodb, so ListTables is not available."))
    }

    @Test("EC2's Query dialect: <Response><Errors><Error>…</Error></Errors><RequestID>")
    func ec2() throws {
        let answer = try Self.answer(
            Self.request(
                service: "ec2", body: "Action=DescribeRegions&Version=2016-11-15",
                contentType: "application/x-www-form-urlencoded; charset=utf-8"))
        #expect(answer.status == 400)
        #expect(answer.contentType == "text/xml")
        #expect(
            answer.body == """
                <?xml version="1.0" encoding="UTF-8"?>
                <Response><Errors><Error><Code>NotImplemented</Code><Message>iamsim simulates IAM and STS only; \
                it does not simulate Amazon EC2 (ec2), so DescribeRegions is not available. See docs/api.md.</Message>\
                </Error></Errors><RequestID>\(answer.requestID)</RequestID></Response>

                """)
    }

    @Test("S3 (REST-XML): <Error><Code/><Message/><RequestId/></Error> as application/xml")
    func s3() throws {
        var request = Self.request(service: "s3", body: "", contentType: "application/xml")
        request.method = "GET"
        let answer = try Self.answer(request)
        #expect(answer.status == 400)
        #expect(answer.contentType == "application/xml")
        #expect(
            answer.body == """
                <?xml version="1.0" encoding="UTF-8"?>
                <Error><Code>NotImplemented</Code><Message>iamsim simulates IAM and STS only; it does not simulate \
                Amazon S3 (s3). See docs/api.md.</Message><RequestId>\(answer.requestID)</RequestId></Error>

                """)
    }

    @Test("another Query service (SNS): IAM's ErrorResponse form, naming the action")
    func query() throws {
        let answer = try Self.answer(
            Self.request(
                service: "sns", body: "Action=ListTopics&Version=2010-03-31",
                contentType: "application/x-www-form-urlencoded; charset=utf-8"))
        #expect(answer.status == 400)
        #expect(
            answer.body == """
                <ErrorResponse><Error><Type>Sender</Type><Code>NotImplemented</Code><Message>iamsim simulates IAM \
                and STS only; it does not simulate sns, so ListTopics is not available. See docs/api.md.</Message>\
                </Error><RequestId>\(answer.requestID)</RequestId></ErrorResponse>

                """)
    }

    @Test("a REST-JSON service (Lambda): the JSON body, and the code in x-amzn-ErrorType")
    func restJSON() throws {
        var request = Self.request(service: "lambda", body: "", contentType: "application/json")
        request.method = "GET"
        request.path = "/2015-03-31/functions/"
        let answer = try Self.answer(request)
        #expect(answer.status == 400)
        #expect(answer.contentType == "application/json")
        #expect(answer.errorType == "NotImplemented")
        #expect(answer.body.contains(#""message":"iamsim simulates IAM and STS only; it does not simulate AWS Lambda"#))
    }

    @Test("IAM and STS requests are the Query API's, whatever their body; a forged operation name stays one line")
    func notForeign() throws {
        let iam = Self.request(
            service: "iam", body: "{}", contentType: "application/json")
        #expect(UnsimulatedService(iam) == nil)
        var unsigned = Self.request(service: "iam", body: "Action=ListUsers", contentType: "text/plain")
        unsigned.headers.removeAll { $0.name == "Authorization" }
        #expect(UnsimulatedService(unsigned) == nil)
        let forged = try #require(
            UnsimulatedService(
                Self.request(
                    service: "kms", body: "{}", contentType: "application/x-amz-json-1.1",
                    target: "TrentService.List\nKeys\"")))
        #expect(forged.operation == "List?Keys\"")
        #expect(UnsimulatedService.json(forged.error).contains(#"so List?Keys\" is not available"#))
    }
}
