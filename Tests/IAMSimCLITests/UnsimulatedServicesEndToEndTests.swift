import Foundation
import IAMSimTestSupport
import Testing

/// boto3 pointed at `iamsim serve` for services iamsim does not simulate: each call fails at
/// once, with no retry, as a `ClientError` botocore parsed from the service's own error format,
/// code `NotImplemented`, never a 5xx.
@Suite("End to end: services iamsim does not simulate, through boto3")
struct UnsimulatedServicesEndToEndTests {
    @Test("Organizations, DynamoDB (JSON), EC2, S3, SNS (Query), Lambda (REST-JSON): NotImplemented, parsed, fast")
    func boto3() throws {
        let server = try ServerHarness()
        defer { server.stop() }
        let r = try server.python(
            """
            import boto3, botocore, json, time
            calls = [
                ("organizations", lambda c: c.describe_account(AccountId="123456789012")),
                ("dynamodb", lambda c: c.list_tables()),
                ("ec2", lambda c: c.describe_regions()),
                ("s3", lambda c: c.list_buckets()),
                ("sns", lambda c: c.list_topics()),
                ("lambda", lambda c: c.list_functions()),
            ]
            out = {}
            for name, call in calls:
                client = boto3.client(name, config=botocore.config.Config(retries={"mode": "standard"}))
                started = time.monotonic()
                try:
                    call(client)
                    out[name] = "answered"
                except botocore.exceptions.ClientError as error:
                    out[name] = [error.response["Error"]["Code"], error.response["Error"]["Message"],
                                 error.response["ResponseMetadata"]["HTTPStatusCode"],
                                 error.response["ResponseMetadata"].get("RetryAttempts", 0),
                                 time.monotonic() - started < 2]
            print(json.dumps(out))
            """)
        #expect(r.status == 0, "\(r.stderr)")
        let out = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: [Any]])
        let names = [
            "organizations": "AWS Organizations (organizations), so DescribeAccount",
            "dynamodb": "dynamodb, so ListTables", "ec2": "Amazon EC2 (ec2), so DescribeRegions",
            "s3": "Amazon S3 (s3)", "sns": "sns, so ListTopics", "lambda": "AWS Lambda (lambda)",
        ]
        for (service, what) in names {
            let answer = try #require(out[service], "\(service)")
            #expect(answer[0] as? String == "NotImplemented", "\(service): \(answer)")
            #expect(
                (answer[1] as? String)?.hasPrefix("iamsim simulates IAM and STS only; it does not simulate \(what)")
                    == true, "\(service): \(answer)")
            #expect(answer[2] as? Int == 400, "\(service)")
            #expect(answer[3] as? Int == 0, "\(service): retried")
            #expect(answer[4] as? Bool == true, "\(service): slow")
        }
    }
}
