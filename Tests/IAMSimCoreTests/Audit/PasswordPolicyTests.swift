import Foundation
import Testing

@testable import IAMSimCore

@Suite("The account password policy")
struct PasswordPolicyTests {
    /// A policy as CIS would have it: long, every character kind.
    let strict = PasswordPolicy(
        minimumPasswordLength: 14, requireSymbols: true, requireNumbers: true, requireUppercaseCharacters: true,
        requireLowercaseCharacters: true)

    func date(_ text: String) throws -> Date { try #require(Timestamp.parse(text)) }

    // MARK: The policy's own settings

    @Test("omitted settings take AWS's defaults: length 6, every flag off, no expiry, reuse allowed")
    func defaults() {
        let policy = PasswordPolicy()
        #expect(policy.minimumPasswordLength == 6)
        #expect(!policy.requireSymbols && !policy.requireNumbers)
        #expect(!policy.requireUppercaseCharacters && !policy.requireLowercaseCharacters)
        #expect(!policy.allowUsersToChangePassword && !policy.hardExpiry)
        #expect(policy.maxPasswordAge == nil && policy.passwordReusePrevention == nil)
        #expect(!policy.expirePasswords)
        #expect(PasswordPolicy(maxPasswordAge: 90).expirePasswords)
    }

    @Test(
        "settings at AWS's bounds are valid",
        arguments: [
            PasswordPolicy(), PasswordPolicy(minimumPasswordLength: 128),
            PasswordPolicy(maxPasswordAge: 1, passwordReusePrevention: 1),
            PasswordPolicy(maxPasswordAge: 1095, passwordReusePrevention: 24),
        ])
    func validBounds(policy: PasswordPolicy) throws {
        try policy.validate()
    }

    @Test(
        "a setting out of bounds is a ValidationError worded as AWS words it",
        arguments: [
            (
                PasswordPolicy(minimumPasswordLength: 5),
                "Value '5' at 'minimumPasswordLength' failed to satisfy constraint: Member must have value greater than or equal to 6"
            ),
            (
                PasswordPolicy(minimumPasswordLength: 129),
                "Value '129' at 'minimumPasswordLength' failed to satisfy constraint: Member must have value less than or equal to 128"
            ),
            (
                PasswordPolicy(maxPasswordAge: 0),
                "Value '0' at 'maxPasswordAge' failed to satisfy constraint: Member must have value greater than or equal to 1"
            ),
            (
                PasswordPolicy(maxPasswordAge: 1096),
                "Value '1096' at 'maxPasswordAge' failed to satisfy constraint: Member must have value less than or equal to 1095"
            ),
            (
                PasswordPolicy(passwordReusePrevention: 0),
                "Value '0' at 'passwordReusePrevention' failed to satisfy constraint: Member must have value greater than or equal to 1"
            ),
            (
                PasswordPolicy(passwordReusePrevention: 25),
                "Value '25' at 'passwordReusePrevention' failed to satisfy constraint: Member must have value less than or equal to 24"
            ),
        ])
    func outOfBounds(policy: PasswordPolicy, detail: String) {
        #expect(throws: IAMError.validationError("1 validation error detected: " + detail)) {
            try policy.validate()
        }
    }

    @Test("several bad settings make one error that lists them all")
    func severalErrors() {
        let policy = PasswordPolicy(minimumPasswordLength: 5, maxPasswordAge: 2000, passwordReusePrevention: 30)
        let expected =
            "3 validation errors detected: "
            + "Value '5' at 'minimumPasswordLength' failed to satisfy constraint: Member must have value greater than or equal to 6; "
            + "Value '2000' at 'maxPasswordAge' failed to satisfy constraint: Member must have value less than or equal to 1095; "
            + "Value '30' at 'passwordReusePrevention' failed to satisfy constraint: Member must have value less than or equal to 24"
        #expect(throws: IAMError.validationError(expected)) { try policy.validate() }
    }

    // MARK: Checking passwords

    @Test(
        "a strict policy names each rule a password breaks, in a fixed order",
        arguments: [
            ("Correct-Horse-9-battery", []),
            (
                "short",
                [
                    "Password should have a minimum length of 14", "Password should have at least one uppercase letter",
                    "Password should have at least one number", "Password should have at least one symbol",
                ]
            ),
            (
                "",
                [
                    "Password should have a minimum length of 14", "Password should have at least one uppercase letter",
                    "Password should have at least one lowercase letter", "Password should have at least one number",
                    "Password should have at least one symbol",
                ]
            ),
            ("NO LOWER CASE 1!", ["Password should have at least one lowercase letter"]),
            (
                "only-lowercase-and-symbols",
                [
                    "Password should have at least one uppercase letter", "Password should have at least one number",
                ]
            ),
            // `~ . ,` are allowed characters but not among AWS's symbols.
            ("Tilde~and.dots,9Ab", ["Password should have at least one symbol"]),
            // Accented capitals are not "A–Z".
            ("\u{DC}n\u{EF}c\u{F6}d\u{E9}-letters-1", ["Password should have at least one uppercase letter"]),
        ] as [(String, [String])])
    func strictViolations(password: String, expected: [String]) {
        #expect(strict.violations(of: password) == expected)
    }

    @Test("each of AWS's 20 symbols counts as a symbol", arguments: Array("!@#$%^&*()_+-=[]{}|'"))
    func everySymbol(symbol: Character) {
        #expect(strict.violations(of: "Abcdefghijklm1\(symbol)") == [])
    }

    @Test("AWS's symbol list is exactly the 20 characters of the reference, no other punctuation")
    func symbolList() {
        #expect(PasswordPolicy.symbols.count == 20)
        for other in Array("~`.,;:\"<>/?\\ ") {
            #expect(
                strict.violations(of: "Abcdefghijklm1\(other)") == ["Password should have at least one symbol"],
                "\(other)")
        }
    }

    @Test("the default-flag policy checks length only")
    func lengthOnly() {
        #expect(PasswordPolicy().violations(of: "abcde") == ["Password should have a minimum length of 6"])
        #expect(PasswordPolicy().violations(of: "abcdef") == [])
    }

    @Test("reuse is worded from the remembered count")
    func reuseReason() {
        #expect(PasswordPolicy().reusedPasswordReason == nil)
        #expect(
            PasswordPolicy(passwordReusePrevention: 1).reusedPasswordReason
                == "Password should not be the same as the previous password")
        #expect(
            PasswordPolicy(passwordReusePrevention: 24).reusedPasswordReason
                == "Password should not be the same as any of the previous 24 passwords")
    }

    // MARK: AWS's limits on every password

    @Test(
        "passwords of 1 to 128 characters from tab, newlines and U+0020–U+00FF pass the format check",
        arguments: ["a", "tab\tand\nnewline\rok", "caf\u{E9} \u{FF}", String(repeating: "x", count: 128)])
    func validFormat(password: String) throws {
        try PasswordPolicy.validateFormat(password)
    }

    @Test("an empty password breaks both the length and the pattern, and the value is never echoed")
    func emptyPassword() {
        let expected =
            "2 validation errors detected: "
            + "Value at 'newPassword' failed to satisfy constraint: Member must have length greater than or equal to 1; "
            + #"Value at 'newPassword' failed to satisfy constraint: Member must satisfy regular expression pattern: [\u0009\u000A\u000D\u0020-\u00FF]+"#
        #expect(throws: IAMError.validationError(expected)) {
            try PasswordPolicy.validateFormat("", parameter: "newPassword")
        }
    }

    @Test("a password over 128 characters is refused")
    func tooLong() {
        let expected =
            "1 validation error detected: Value at 'password' failed to satisfy constraint: Member must have length less than or equal to 128"
        #expect(throws: IAMError.validationError(expected)) {
            try PasswordPolicy.validateFormat(String(repeating: "x", count: 129))
        }
    }

    @Test(
        "characters outside U+00FF or control characters are refused",
        arguments: ["euro\u{20AC}sign", "emoji\u{1F600}", "bell\u{07}", "nul\u{00}"])
    func badCharacters(password: String) {
        let expected =
            #"1 validation error detected: Value at 'password' failed to satisfy constraint: Member must satisfy regular expression pattern: [\u0009\u000A\u000D\u0020-\u00FF]+"#
        #expect(throws: IAMError.validationError(expected)) { try PasswordPolicy.validateFormat(password) }
    }

    // MARK: Expiry

    @Test("the next rotation is the last change plus the maximum age in days, or none")
    func nextRotation() throws {
        let changed = try date("2026-01-06T10:00:00Z")
        #expect(PasswordPolicy().nextRotation(afterChange: changed) == nil)
        #expect(
            PasswordPolicy(maxPasswordAge: 90).nextRotation(afterChange: changed) == (try date("2026-04-06T10:00:00Z")))
        #expect(
            PasswordPolicy(maxPasswordAge: 1).nextRotation(afterChange: changed) == (try date("2026-01-07T10:00:00Z")))
        // 1095 days from 2026-01-06 crosses the leap day of 2028.
        #expect(
            PasswordPolicy(maxPasswordAge: 1095).nextRotation(afterChange: changed)
                == (try date("2029-01-05T10:00:00Z")))
    }

    // MARK: AWS's default policy

    @Test(
        "with no custom policy, passwords need 8 characters, three kinds of four, and not the account's name or email",
        arguments: [
            ("Abc12345", []),
            ("abcdefg1!", []),
            (
                "abcdefgh",
                ["Password should have at least three of these: uppercase letters, lowercase letters, numbers, symbols"]
            ),
            ("Ab1!", ["Password should have a minimum length of 8"]),
            (
                "abc",
                [
                    "Password should have a minimum length of 8",
                    "Password should have at least three of these: uppercase letters, lowercase letters, numbers, symbols",
                ]
            ),
            ("Trainee@Example.com", ["Password should not be identical to the account name or email address"]),
            ("My-Account-1", ["Password should not be identical to the account name or email address"]),
        ] as [(String, [String])])
    func defaultPolicy(password: String, expected: [String]) {
        let reasons = PasswordPolicy.defaultViolations(
            of: password, accountName: "my-account-1", email: "trainee@example.com")
        #expect(reasons == expected)
    }
}
