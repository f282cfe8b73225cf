import Testing

@testable import IAMSimCore

@Suite("otpauth:// URIs")
struct OTPAuthURITests {
    let seed = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"

    @Test("AWS's format: issuer-prefixed label, device@account, secret and issuer")
    func awsFormat() {
        let uri = OTPAuthURI.aws(deviceName: "root-mfa", accountLabel: "123456789012", secret: seed)
        #expect(
            uri.text
                == "otpauth://totp/Amazon%20Web%20Services:root-mfa@123456789012?secret=\(seed)&issuer=Amazon%20Web%20Services"
        )
        #expect(uri.displayName == "Amazon Web Services (root-mfa@123456789012)")
    }

    @Test("parsing recovers what was written")
    func roundTrip() throws {
        let uri = OTPAuthURI.aws(deviceName: "root-mfa", accountLabel: "my-class", secret: seed)
        #expect(try OTPAuthURI(parsing: uri.text) == uri)
    }

    @Test("parsing reads the optional parameters authenticator apps honour")
    func parameters() throws {
        let uri = try OTPAuthURI(
            parsing: "otpauth://totp/Example:alice?secret=jbswy3dpehpk3pxp&algorithm=SHA256&digits=8&period=60")
        #expect(uri.issuer == "Example")
        #expect(uri.accountName == "alice")
        #expect(uri.secret == "JBSWY3DPEHPK3PXP")
        #expect(uri.algorithm == .sha256)
        #expect(uri.digits == 8)
        #expect(uri.period == 60)
    }

    @Test(
        "the label splits at its first literal ':' before decoding; without one, at an encoded ':' (Key Uri Format)",
        arguments: [
            // Key Uri Format's examples.
            ("Example:alice@google.com", "Example", "alice@google.com"),
            ("ACME%20Co:john.doe@email.com", "ACME Co", "john.doe@email.com"),
            ("Provider1:Alice%20Smith", "Provider1", "Alice Smith"),
            ("Big%20Corporation%3A%20alice%40bigco.com", "Big Corporation", "alice@bigco.com"),
            // An encoded colon inside the issuer is part of the issuer.
            ("Text%3A%20More%20Text:Secret", "Text: More Text", "Secret"),
            ("Amazon%20Web%20Services:root-mfa@123456789012", "Amazon Web Services", "root-mfa@123456789012"),
            // Optional spaces may precede the account name.
            ("Example:%20%20alice", "Example", "alice"),
            // An encoded colon inside the account name stays in it.
            ("Example:a%3Ab", "Example", "a:b"),
            // No issuer prefix.
            ("alice%40example.com", nil, "alice@example.com"),
        ] as [(String, String?, String)])
    func label(label: String, issuer: String?, accountName: String) throws {
        let uri = try OTPAuthURI(parsing: "otpauth://totp/\(label)?secret=JBSWY3DPEHPK3PXP")
        #expect(uri.issuer == issuer)
        #expect(uri.accountName == accountName)
    }

    @Test("the issue's URI: the issuer parameter and the label's prefix agree, and the account is Secret")
    func encodedColonInIssuer() throws {
        let uri = try OTPAuthURI(
            parsing: "otpauth://totp/Text%3A%20More%20Text:Secret?secret=JBSWY3DPEHPK3PXP&issuer=Text%3A%20More%20Text")
        #expect(uri.issuer == "Text: More Text")
        #expect(uri.accountName == "Secret")
        #expect(uri.displayName == "Text: More Text (Secret)")
    }

    @Test(
        "unusable URIs are refused with the reason",
        arguments: [
            ("https://example.com", "Not a usable TOTP URI: it must start with otpauth://totp/."),
            (
                "otpauth://hotp/x?secret=JBSWY3DP&counter=1",
                "Not a usable TOTP URI: 'hotp' codes are not time-based (only totp is supported)."
            ),
            ("otpauth://totp/x?issuer=AWS", "Not a usable TOTP URI: it has no secret."),
            ("otpauth://totp/x?secret=ABC1", "Not a usable TOTP URI: its secret is not base32."),
            ("otpauth://totp/x?secret=JBSWY3DP&digits=4", "Not a usable TOTP URI: digits must be 6 to 8."),
            ("otpauth://totp/x?secret=JBSWY3DP&algorithm=MD5", "Not a usable TOTP URI: unsupported algorithm MD5."),
        ])
    func refused(text: String, message: String) {
        // A URI is the phone's business: LocalError (was IAMError.validationError), same message.
        #expect(throws: LocalError.invalidValue(message)) { try OTPAuthURI(parsing: text) }
    }
}
