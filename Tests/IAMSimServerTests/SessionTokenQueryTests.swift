import Foundation
import IAMSimTestSupport
import Testing

@testable import IAMSimApp
@testable import IAMSimCore
@testable import IAMSimServer

/// STS `GetSessionToken` through the Query API, and requests signed with the temporary
/// credentials it issues (`X-Amz-Security-Token`).
@Suite("Query API: GetSessionToken and temporary credentials")
struct SessionTokenQueryTests {
    static let start = StoreHarness.start
    static let origin = QueryService.Origin(sourceIPAddress: "127.0.0.1", userAgent: "tests")
    static let identity = [("Action", "GetCallerIdentity"), ("Version", "2011-06-15")]

    let h: StoreHarness
    let service: QueryService

    init() throws {
        h = try StoreHarness()
        service = try QueryService(simulator: h.simulator)
    }

    func answer(_ request: SigV4.Request) -> QueryService.Answer {
        service.handle(request, origin: Self.origin)
    }

    /// GetSessionToken signed with root's key; its credentials as a signer.
    func session(_ extra: [(String, String)] = []) throws -> (QueryService.Answer, Signer) {
        let answer = answer(
            Signer.root.request([("Action", "GetSessionToken"), ("Version", "2011-06-15")] + extra, date: Self.start))
        let key = try #require(element("AccessKeyId", in: answer.body), "\(answer.body)")
        let secret = try #require(element("SecretAccessKey", in: answer.body))
        let token = try #require(element("SessionToken", in: answer.body))
        return (answer, Signer(key: key, secret: secret, token: token))
    }

    @Test("GetSessionToken answers Credentials in botocore's order, in STS's namespace")
    func response() throws {
        let (answer, signer) = try session([("DurationSeconds", "1800")])
        #expect(answer.status == 200)
        #expect(signer.key.hasPrefix("ASIA"))
        #expect(
            answer.body == """
                <GetSessionTokenResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
                  <GetSessionTokenResult>
                    <Credentials>
                      <AccessKeyId>\(signer.key)</AccessKeyId>
                      <SecretAccessKey>\(QueryXML.escaped(signer.secret))</SecretAccessKey>
                      <SessionToken>\(QueryXML.escaped(signer.token ?? ""))</SessionToken>
                      <Expiration>2026-01-05T10:00:05Z</Expiration>
                    </Credentials>
                  </GetSessionTokenResult>
                  <ResponseMetadata>
                    <RequestId>\(answer.requestID)</RequestId>
                  </ResponseMetadata>
                </GetSessionTokenResponse>

                """)
    }

    @Test("temporary credentials with their token: GetCallerIdentity shows the same ARN")
    func callerIdentity() throws {
        let (_, signer) = try session()
        let answer = answer(signer.request(Self.identity, date: Self.start))
        #expect(answer.status == 200, "\(answer.body)")
        #expect(element("Arn", in: answer.body) == "arn:aws:iam::123456789012:root")
        #expect(element("UserId", in: answer.body) == "123456789012")
        #expect(answer.identity == "arn:aws:iam::123456789012:root")
    }

    @Test("an MFA code makes the session MFA-authenticated; a reused code is AccessDenied in AWS's words")
    func mfa() throws {
        try h.signIn()
        let seed = try h.activateDevice("root-mfa")
        try h.advance(30)
        let code = try h.code(seed)
        let serial = [("SerialNumber", StoreHarness.serial("root-mfa")), ("TokenCode", code)]
        let (answer, signer) = try session(serial)
        #expect(answer.status == 200)
        let row = try h.database.read { db in
            try Bool.fetchOne(
                db, sql: "SELECT mfaAuthenticated FROM sessionCredential WHERE id = ?", arguments: [signer.key])
        }
        #expect(row == true)
        let reused = self.answer(
            Signer.root.request([("Action", "GetSessionToken"), ("Version", "2011-06-15")] + serial, date: Self.start))
        #expect(reused.status == 403)
        #expect(
            reused.body.contains(
                "<Code>AccessDenied</Code>\n    <Message>MultiFactorAuthentication failed with invalid MFA one time pass code. </Message>"
            ))
        let foreign = self.answer(
            Signer.root.request(
                [
                    ("Action", "GetSessionToken"), ("Version", "2011-06-15"),
                    ("SerialNumber", "arn:aws:iam::123456789012:mfa/nobody"), ("TokenCode", "123456"),
                ], date: Self.start))
        #expect(foreign.status == 403)
        #expect(
            element("Message", in: foreign.body)
                == "MultiFactorAuthentication failed, unable to validate MFA code.  Please verify your MFA serial number is valid and associated with this user."
        )
    }

    @Test("DurationSeconds and TokenCode off the model: ValidationError before anything is issued")
    func validation() throws {
        let short = answer(
            Signer.root.request(
                [("Action", "GetSessionToken"), ("Version", "2011-06-15"), ("DurationSeconds", "899")],
                date: Self.start))
        #expect(short.status == 400)
        #expect(
            element("Message", in: short.body)
                == "1 validation error detected: Value '899' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to 900"
        )
        let long = answer(
            Signer.root.request(
                [("Action", "GetSessionToken"), ("Version", "2011-06-15"), ("DurationSeconds", "129601")],
                date: Self.start))
        #expect(long.status == 400)
        #expect(element("Code", in: long.body) == "ValidationError")
        #expect(try h.count("sessionCredential") == 0)
    }

    @Test("expired on the account's clock: ExpiredToken, 403, in AWS's words")
    func expired() throws {
        let (_, signer) = try session([("DurationSeconds", "900")])
        try h.advance(900)
        let answer = answer(signer.request(Self.identity, date: Self.start))
        #expect(answer.status == 403)
        #expect(
            answer.body == """
                <ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
                  <Error>
                    <Type>Sender</Type>
                    <Code>ExpiredToken</Code>
                    <Message>The security token included in the request is expired</Message>
                  </Error>
                  <RequestId>\(answer.requestID)</RequestId>
                </ErrorResponse>

                """)
    }

    @Test("a wrong token, no token, a token with a long-term key: InvalidClientTokenId without the final period")
    func invalidTokens() throws {
        let (_, signer) = try session()
        var wrong = signer
        wrong.token = "not-the-token"
        var missing = signer
        missing.token = nil
        var stale = Signer.root
        stale.token = signer.token
        for request in [wrong, missing, stale].map({ $0.request(Self.identity, date: Self.start) }) {
            let answer = answer(request)
            #expect(answer.status == 403)
            #expect(element("Code", in: answer.body) == "InvalidClientTokenId")
            #expect(element("Message", in: answer.body) == "The security token included in the request is invalid")
        }
    }

    @Test("temporary credentials cannot call GetSessionToken")
    func sessionCannotGetSession() throws {
        let (_, signer) = try session()
        let answer = answer(
            signer.request([("Action", "GetSessionToken"), ("Version", "2011-06-15")], date: Self.start))
        #expect(answer.status == 403)
        #expect(element("Code", in: answer.body) == "AccessDenied")
        #expect(element("Message", in: answer.body) == "Cannot call GetSessionToken with session credentials")
    }
}
