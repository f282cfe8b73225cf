import SwiftSyntaxMacrosGenericTestSupport
import Testing

@testable import IAMSimMacroPlugin

@Suite("@AWSCodingKeys")
struct AWSCodingKeysMacroTests {
    @Test("each stored property gets a key in AWS's spelling, in declaration order; computed and initialized lets none")
    func codingKeys() {
        expectExpansion(
            """
            @AWSCodingKeys
            public struct AccessKey: Codable {
                public var accessKeyID: String
                public var mfaDevices: [String]?
                public var formatVersion: Int = 1
                let kind = "key"
                static let limit = 2
                public var isNew: Bool { false }
            }
            """,
            expandedSource: """
                public struct AccessKey: Codable {
                    public var accessKeyID: String
                    public var mfaDevices: [String]?
                    public var formatVersion: Int = 1
                    let kind = "key"
                    static let limit = 2
                    public var isNew: Bool { false }

                    enum CodingKeys: String, CodingKey {
                        case accessKeyID = "AccessKeyId"
                        case mfaDevices = "MFADevices"
                        case formatVersion = "FormatVersion"
                    }
                }
                """)
    }

    @Test(
        "AWS's member names: UpperCamelCase, a leading mfa as MFA, a trailing ID as Id",
        arguments: [
            ("userName", "UserName"), ("userID", "UserId"), ("base32StringSeed", "Base32StringSeed"),
            ("mfaDevices", "MFADevices"), ("lessonID", "LessonId"), ("path", "Path"), ("type", "Type"),
            ("accountAlias", "AccountAlias"), ("serialNumber", "SerialNumber"),
            ("passwordReusePrevention", "PasswordReusePrevention"), ("id", "Id"), ("mfaID", "MFAId"),
        ])
    func memberNames(property: String, member: String) {
        #expect(AWSCodingKeysMacro.memberName(of: property) == member)
    }

    @Test("only a struct")
    func refused() {
        expectRefusedOnNonStruct("AWSCodingKeys")
    }
}
