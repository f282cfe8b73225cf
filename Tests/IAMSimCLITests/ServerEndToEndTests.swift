import Foundation
import IAMSimTestSupport
import Testing

/// `iamsim serve` with the unmodified aws CLI and boto3.
@Suite("End to end: the Query API with the aws CLI and boto3", .serialized)
struct ServerEndToEndTests {
    func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test("the server prints where it listens and how to point the clients at it, and stops cleanly on SIGTERM")
    func startAndStop() throws {
        let server = try ServerHarness()
        #expect(server.banner.contains("aws CLI:  aws iam get-account-summary --endpoint-url \(server.endpoint)"))
        #expect(server.banner.contains("export AWS_ENDPOINT_URL=\(server.endpoint)"))
        let stopped = server.stop()
        #expect(stopped.status == 0, "\(stopped.log)")
    }

    @Test("aws sts get-caller-identity with root's key answers root; a wrong secret is SignatureDoesNotMatch")
    func callerIdentity() throws {
        let server = try ServerHarness()
        defer { server.stop() }
        let r = try server.aws(["sts", "get-caller-identity"])
        #expect(r.status == 0, "\(r.stderr)")
        let identity = try json(r.stdout)
        #expect(identity["Arn"] as? String == "arn:aws:iam::123456789012:root")
        #expect(identity["Account"] as? String == "123456789012")
        let wrong = try server.aws(["sts", "get-caller-identity"], secret: "wrong")
        #expect(wrong.status == 255)  // awscli 1 exits 255 for a service error
        #expect(
            wrong.stderr.contains(
                "An error occurred (SignatureDoesNotMatch) when calling the GetCallerIdentity operation"))
    }
}
