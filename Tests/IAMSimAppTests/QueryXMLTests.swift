import Foundation
import Testing

@testable import IAMSimApp
@testable import IAMSimCore
@testable import IAMSimStore

/// The Query API's XML, golden per shape kind and for whole responses (the envelopes of
/// docs aws-iam-reference §1).
@Suite("Query API XML: AWS's envelopes, lists, maps, timestamps, blobs and escaping")
struct QueryXMLTests {
    typealias S = ShapeSamples
    static let requestID = "7a62c49f-347e-4fc4-9331-6e8eEXAMPLE"

    /// The response of a made-up IAM operation whose result is `members`.
    static func xml(_ members: [(String, ShapeValue)]) -> String {
        QueryXML.response(.getUser, result: .structure(members), requestID: requestID)
    }

    /// `body` inside GetUser's envelope, indented as the result's members are.
    static func envelope(_ body: String) -> String {
        """
        <GetUserResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/">
          <GetUserResult>
        \(body.split(separator: "\n").map { "    " + $0 }.joined(separator: "\n"))
          </GetUserResult>
          <ResponseMetadata>
            <RequestId>7a62c49f-347e-4fc4-9331-6e8eEXAMPLE</RequestId>
          </ResponseMetadata>
        </GetUserResponse>

        """
    }

    @Test(
        "each kind of value, golden",
        arguments: [
            ("string", [("UserName", ShapeValue.string("alice"))], "<UserName>alice</UserName>"),
            ("integer", [("MaxPasswordAge", .integer(90))], "<MaxPasswordAge>90</MaxPasswordAge>"),
            (
                "boolean", [("IsTruncated", .boolean(true)), ("HardExpiry", .boolean(false))],
                "<IsTruncated>true</IsTruncated>\n<HardExpiry>false</HardExpiry>"
            ),
            (
                "timestamp: ISO 8601 UTC with Z", [("CreateDate", .timestamp(S.date))],
                "<CreateDate>2026-01-05T09:30:05Z</CreateDate>"
            ),
            (
                "timestamp: whole seconds", [("CreateDate", .timestamp(S.date.addingTimeInterval(0.411)))],
                "<CreateDate>2026-01-05T09:30:05Z</CreateDate>"
            ),
            ("blob: base64", [("QRCodePNG", .blob([0x89, 0x50, 0x4E, 0x47]))], "<QRCodePNG>iVBORw==</QRCodePNG>"),
            (
                "list: one <member> per item",
                [("AccountAliases", .list([.string("a"), .string("b")]))],
                """
                <AccountAliases>
                  <member>a</member>
                  <member>b</member>
                </AccountAliases>
                """
            ),
            ("list: empty", [("Users", .list([]))], "<Users/>"),
            (
                "structure: members in order, nested",
                [
                    (
                        "User",
                        .structure([
                            ("UserId", .string("123456789012")), ("Arn", .string("arn:aws:iam::123456789012:root")),
                        ])
                    )
                ],
                """
                <User>
                  <UserId>123456789012</UserId>
                  <Arn>arn:aws:iam::123456789012:root</Arn>
                </User>
                """
            ),
            (
                "list of structures",
                [
                    (
                        "Groups",
                        .list([
                            .structure([("GroupName", .string("admins"))]), .structure([("GroupName", .string("ops"))]),
                        ])
                    )
                ],
                """
                <Groups>
                  <member>
                    <GroupName>admins</GroupName>
                  </member>
                  <member>
                    <GroupName>ops</GroupName>
                  </member>
                </Groups>
                """
            ),
            (
                "map: <entry><key/><value/></entry>",
                [("SummaryMap", .map([("Users", .integer(2)), ("UsersQuota", .integer(5_000))]))],
                """
                <SummaryMap>
                  <entry>
                    <key>Users</key>
                    <value>2</value>
                  </entry>
                  <entry>
                    <key>UsersQuota</key>
                    <value>5000</value>
                  </entry>
                </SummaryMap>
                """
            ),
            (
                "escaping: & < > \" and a carriage return",
                [("Message", .string("a & b <c> \"d\" 'e'\r"))],
                "<Message>a &amp; b &lt;c&gt; &quot;d&quot; 'e'&#xD;</Message>"
            ),
            (
                "escaping: characters XML cannot hold become U+FFFD",
                [("Message", .string("bell\u{07} nul\u{00} tab\t"))],
                "<Message>bell\u{FFFD} nul\u{FFFD} tab\t</Message>"
            ),
            (
                "escaping: printable ASCII (DEL too) and other scalars kept as they are, U+FFFE replaced",
                [("Message", .string("~ '!' \u{7F} é \u{FFFE} 名"))],
                "<Message>~ '!' \u{7F} é \u{FFFD} 名</Message>"
            ),
        ] as [(String, [(String, ShapeValue)], String)])
    func kinds(label: String, members: [(String, ShapeValue)], golden: String) {
        #expect(Self.xml(members) == Self.envelope(golden), "\(label)")
    }

    @Test("ListUsers, golden: the reference's envelope with IsTruncated and Marker")
    func listUsers() {
        let xml = QueryXML.response(
            .listUsers, result: Shapes.listUsers([S.alice], isTruncated: true, marker: "m1"), requestID: Self.requestID)
        #expect(
            xml == """
                <ListUsersResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/">
                  <ListUsersResult>
                    <Users>
                      <member>
                        <Path>/</Path>
                        <UserName>alice</UserName>
                        <UserId>AIDAEXAMPLEALICE00001</UserId>
                        <Arn>arn:aws:iam::123456789012:user/alice</Arn>
                        <CreateDate>2026-01-05T09:30:05Z</CreateDate>
                      </member>
                    </Users>
                    <IsTruncated>true</IsTruncated>
                    <Marker>m1</Marker>
                  </ListUsersResult>
                  <ResponseMetadata>
                    <RequestId>7a62c49f-347e-4fc4-9331-6e8eEXAMPLE</RequestId>
                  </ResponseMetadata>
                </ListUsersResponse>

                """)
    }

    @Test("CreateVirtualMFADevice, golden: the seed is base64 of the base32 text, the QR code base64 of the PNG")
    func createVirtualMFADevice() {
        let created = NewVirtualMFADevice(
            device: S.pending, base32StringSeed: "JBSWY3DPEHPK3PXP", uri: "otpauth://totp/x")
        let xml = QueryXML.response(
            .createVirtualMFADevice,
            result: Shapes.createVirtualMFADevice(created, qrCodePNG: [0x89, 0x50, 0x4E, 0x47]),
            requestID: "r1")
        #expect(
            xml == """
                <CreateVirtualMFADeviceResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/">
                  <CreateVirtualMFADeviceResult>
                    <VirtualMFADevice>
                      <SerialNumber>arn:aws:iam::123456789012:mfa/spare</SerialNumber>
                      <Base32StringSeed>SkJTV1kzRFBFSFBLM1BYUA==</Base32StringSeed>
                      <QRCodePNG>iVBORw==</QRCodePNG>
                    </VirtualMFADevice>
                  </CreateVirtualMFADeviceResult>
                  <ResponseMetadata>
                    <RequestId>r1</RequestId>
                  </ResponseMetadata>
                </CreateVirtualMFADeviceResponse>

                """)
    }

    @Test("GetCredentialReport, golden: the CSV as base64")
    func credentialReport() {
        let report = StoredCredentialReport(content: "user,arn\n", generatedTime: S.date)
        let xml = QueryXML.response(.getCredentialReport, result: Shapes.getCredentialReport(report), requestID: "r2")
        #expect(
            xml == """
                <GetCredentialReportResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/">
                  <GetCredentialReportResult>
                    <Content>dXNlcixhcm4K</Content>
                    <ReportFormat>text/csv</ReportFormat>
                    <GeneratedTime>2026-01-05T09:30:05Z</GeneratedTime>
                  </GetCredentialReportResult>
                  <ResponseMetadata>
                    <RequestId>r2</RequestId>
                  </ResponseMetadata>
                </GetCredentialReportResponse>

                """)
    }

    @Test("an operation without output answers with ResponseMetadata only")
    func noResult() {
        #expect(
            QueryXML.response(.enableMFADevice, result: nil, requestID: "r3") == """
                <EnableMFADeviceResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/">
                  <ResponseMetadata>
                    <RequestId>r3</RequestId>
                  </ResponseMetadata>
                </EnableMFADeviceResponse>

                """)
    }

    @Test("STS answers in STS's namespace")
    func sts() {
        let xml = QueryXML.response(
            .getCallerIdentity, result: Shapes.getCallerIdentity(.root(S.account)), requestID: "r4")
        #expect(
            xml == """
                <GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
                  <GetCallerIdentityResult>
                    <UserId>123456789012</UserId>
                    <Account>123456789012</Account>
                    <Arn>arn:aws:iam::123456789012:root</Arn>
                  </GetCallerIdentityResult>
                  <ResponseMetadata>
                    <RequestId>r4</RequestId>
                  </ResponseMetadata>
                </GetCallerIdentityResponse>

                """)
    }

    @Test("GetSessionToken: Credentials in botocore's order, the token as sent, Expiration in Z")
    func sessionToken() {
        let credentials = SessionCredentials(
            accessKeyID: "ASIAIOSFODNN7EXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY",
            sessionToken: "AQoDYXdzEJr+/a==", expiration: S.date)
        let xml = QueryXML.response(.getSessionToken, result: Shapes.getSessionToken(credentials), requestID: "r7")
        #expect(
            xml == """
                <GetSessionTokenResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
                  <GetSessionTokenResult>
                    <Credentials>
                      <AccessKeyId>ASIAIOSFODNN7EXAMPLE</AccessKeyId>
                      <SecretAccessKey>wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY</SecretAccessKey>
                      <SessionToken>AQoDYXdzEJr+/a==</SessionToken>
                      <Expiration>\(QueryXML.timestamp(S.date))</Expiration>
                    </Credentials>
                  </GetSessionTokenResult>
                  <ResponseMetadata>
                    <RequestId>r7</RequestId>
                  </ResponseMetadata>
                </GetSessionTokenResponse>

                """)
    }

    @Test("errors: Sender for the caller's faults, Receiver for the service's, message escaped")
    func errors() {
        #expect(
            QueryXML.errorResponse(.invalidMFACodes, action: .enableMFADevice, requestID: "r5") == """
                <ErrorResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/">
                  <Error>
                    <Type>Sender</Type>
                    <Code>InvalidAuthenticationCode</Code>
                    <Message>Authentication code for device is not valid.</Message>
                  </Error>
                  <RequestId>r5</RequestId>
                </ErrorResponse>

                """)
        let failure = QueryXML.errorResponse(.serviceFailure("a < b"), action: .getCallerIdentity, requestID: "r6")
        #expect(failure.contains("<Type>Receiver</Type>"))
        #expect(failure.contains("<Message>a &lt; b</Message>"))
        #expect(failure.hasPrefix("<ErrorResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">"))
    }
}
