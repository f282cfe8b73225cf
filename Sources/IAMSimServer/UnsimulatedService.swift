import Foundation
import IAMSimApp
import IAMSimCore

/// A request for an AWS service iamsim does not simulate (Organizations, EC2, S3…), answered
/// at once with a 400 in that service's own error format: its client then fails fast and
/// cleanly, as it would for any client error, instead of retrying (a 5xx), waiting (a refused
/// connection costs seconds of retries) or failing to parse IAM's XML where it expects JSON.
///
/// Tools pointed at iamsim with one endpoint for every service (`AWS_ENDPOINT_URL`) send such
/// requests: Prowler asks Organizations (`DescribeAccount`, JSON) and EC2 (`DescribeRegions`,
/// EC2's Query dialect) before it audits IAM. The service is the signing name in the SigV4
/// credential scope (`…/us-east-1/organizations/aws4_request`); a request with `X-Amz-Target` is
/// never IAM's or STS's, whatever its scope says. The body's `Content-Type` tells the protocol.
///
/// The answer is `NotImplemented` with a message naming the service and the operation:
///
/// | protocol | detected by | body | `Content-Type` |
/// |---|---|---|---|
/// | JSON (`awsJson1_0`, `awsJson1_1`: Organizations, DynamoDB, KMS…) | `X-Amz-Target`, or `application/x-amz-json-1.x` | `{"__type":"NotImplemented","message":"…"}` | the request's JSON version |
/// | REST-JSON (Lambda, API Gateway…) | no form body and no `Action` (a REST path), but for the REST-XML services below | the same, and `x-amzn-ErrorType: NotImplemented` | `application/json` |
/// | EC2 | scope service `ec2` | `<Response><Errors><Error><Code/><Message/></Error></Errors><RequestID/></Response>` | `text/xml` |
/// | S3 | scope service `s3` | `<Error><Code/><Message/><RequestId/></Error>` | `application/xml` |
/// | Query (SNS, CloudWatch…) and REST-XML (Route 53, CloudFront) | a form body or an `Action` parameter; `route53`, `cloudfront` | `<ErrorResponse><Error><Type>Sender</Type><Code/><Message/></Error><RequestId/></ErrorResponse>` | `text/xml` |
struct UnsimulatedService: Equatable {
    /// The error formats of AWS's protocols.
    enum Format: Equatable {
        /// `awsJson`, with its version (`1.0`, `1.1`).
        case json(version: String)
        case restJSON
        case ec2
        case s3
        case query
    }

    /// The service's signing name (`organizations`), or the `X-Amz-Target`'s prefix when the
    /// request names no scope.
    let service: String
    /// The operation, when the request names one (`X-Amz-Target`'s suffix, or `Action`).
    let operation: String?
    let format: Format

    /// The REST services that answer in XML besides S3, by their signing names; their errors
    /// are `<ErrorResponse>`s, as the Query protocol's.
    static let restXML: Set<String> = ["route53", "cloudfront"]

    /// The services iamsim answers, by their signing names.
    static let simulated: Set<String> = ["iam", "sts"]

    /// What people call the services an auditor's tool asks most, for the message.
    static let displayNames = [
        "organizations": "AWS Organizations", "ec2": "Amazon EC2", "s3": "Amazon S3", "sso": "IAM Identity Center",
        "access-analyzer": "IAM Access Analyzer", "cloudtrail": "AWS CloudTrail", "config": "AWS Config",
        "securityhub": "AWS Security Hub", "kms": "AWS KMS", "lambda": "AWS Lambda", "monitoring": "Amazon CloudWatch",
        "logs": "Amazon CloudWatch Logs", "account": "AWS Account Management",
    ]

    /// The unsimulated service `request` is for, or nil when it is (or may be) a request for
    /// IAM or STS, which the Query API answers (an unsigned form request included).
    init?(_ request: SigV4.Request) {
        let target = request.header("x-amz-target")
        let contentType = (request.header("content-type") ?? "").lowercased()
        let isJSON = contentType.hasPrefix("application/x-amz-json") || contentType.hasPrefix("application/json")
        let scope = (try? SigV4.credentials(of: request))?.service
        // A body in the wrong form for IAM or STS is theirs to refuse (`MalformedQueryString`).
        if target == nil, scope.map(Self.simulated.contains) ?? true { return nil }
        let targetPrefix = target.flatMap { $0.split(separator: ".").first.map(String.init) }
        service = QueryService.loggable(scope ?? targetPrefix ?? "unknown")
        if let target, let dot = target.lastIndex(of: ".") {
            operation = QueryService.loggable(String(target[target.index(after: dot)...]))
        } else if let target {
            operation = QueryService.loggable(target)
        } else {
            let form =
                request.queryItems + (isJSON ? [] : SigV4.decodeForm(String(decoding: request.body, as: UTF8.self)))
            operation = form.first { $0.name == "Action" }.map { QueryService.loggable($0.value) }
        }
        let isForm =
            contentType.hasPrefix("application/x-www-form-urlencoded")
            || request.queryItems.contains { $0.name == "Action" }
        if target != nil || contentType.hasPrefix("application/x-amz-json") {
            format = .json(version: contentType.hasPrefix("application/x-amz-json-1.0") ? "1.0" : "1.1")
        } else if service == "ec2" {
            format = .ec2
        } else if service == "s3" {
            format = .s3
        } else if isForm || Self.restXML.contains(service) {
            format = .query
        } else {
            // A REST request (a path and a method, no form): most REST services speak JSON.
            format = .restJSON
        }
    }

    /// `NotImplemented`, naming the service and the operation.
    var error: IAMError {
        let name = Self.displayNames[service].map { "\($0) (\(service))" } ?? service
        let what = operation.map { ", so \($0) is not available" } ?? ""
        return .notImplemented(
            "iamsim simulates IAM and STS only; it does not simulate \(name)\(what). See docs/api.md.")
    }

    /// The answer: `error` in the service's format, with `requestID`.
    func answer(requestID: String) -> QueryService.Answer {
        let error = self.error
        var answer = QueryService.Answer(status: error.httpStatus, body: "", requestID: requestID)
        answer.action = service + ":" + (operation ?? "-")
        answer.errorCode = error.code
        let message = QueryXML.escaped(error.message)
        switch format {
        case .json(let version):
            answer.contentType = "application/x-amz-json-\(version)"
            answer.body = Self.json(error)
        case .restJSON:
            answer.contentType = "application/json"
            answer.errorType = error.code
            answer.body = Self.json(error)
        case .ec2:
            answer.body = """
                <?xml version="1.0" encoding="UTF-8"?>
                <Response><Errors><Error><Code>\(error.code)</Code><Message>\(message)</Message></Error></Errors>\
                <RequestID>\(requestID)</RequestID></Response>

                """
        case .s3:
            answer.contentType = "application/xml"
            answer.body = """
                <?xml version="1.0" encoding="UTF-8"?>
                <Error><Code>\(error.code)</Code><Message>\(message)</Message><RequestId>\(requestID)</RequestId></Error>

                """
        case .query:
            answer.body = """
                <ErrorResponse><Error><Type>Sender</Type><Code>\(error.code)</Code><Message>\(message)</Message>\
                </Error><RequestId>\(requestID)</RequestId></ErrorResponse>

                """
        }
        return answer
    }

    /// The JSON protocols' error body: `{"__type":"CODE","message":"…"}`.
    static func json(_ error: IAMError) -> String {
        "{\"__type\":\(JSONString.quoted(error.code)),\"message\":\(JSONString.quoted(error.message))}"
    }
}
