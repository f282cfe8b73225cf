import SwiftSyntax
import SwiftSyntaxMacros

/// `@AWSCodingKeys`: a Codable type's `CodingKeys`, one case per stored property, whose string
/// is the property's AWS member name, so that each field of a format in AWS's spelling (the
/// fixture files) is named once.
///
/// AWS's member names are the property names in UpperCamelCase, with the two abbreviations AWS
/// spells differently from Swift's guidelines: a leading `mfa` is `MFA` (`mfaDevices` →
/// `MFADevices`) and a trailing `ID` is `Id` (`accessKeyID` → `AccessKeyId`), as in IAM's API
/// reference. A `let` with an initial value is not decoded, so it has no key.
public struct AWSCodingKeysMacro: MemberMacro {
    public static func expansion(
        of node: AttributeSyntax, providingMembersOf declaration: some DeclGroupSyntax,
        conformingTo protocols: [TypeSyntax], in context: some MacroExpansionContext
    ) throws -> [DeclSyntax] {
        guard declaration.is(StructDeclSyntax.self) else { throw MacroFailure.notAStruct(macro: "AWSCodingKeys") }
        let names = StoredProperty.all(of: declaration).filter { !($0.isLet && $0.initialValue != nil) }.map(\.name)
        let cases = names.map { "    case \($0) = \"\(memberName(of: $0))\"" }.joined(separator: "\n")
        return [
            """
            enum CodingKeys: String, CodingKey {
            \(raw: cases)
            }
            """
        ]
    }

    /// The AWS member name of the Swift property `name`: `accessKeyID` → `AccessKeyId`.
    static func memberName(of name: String) -> String {
        var name = Substring(name)
        var prefix = ""
        if name.hasPrefix("mfa") {
            prefix = "MFA"
            name = name.dropFirst(3)
        }
        let suffix = name.hasSuffix("ID") ? "Id" : ""
        if !suffix.isEmpty { name = name.dropLast(2) }
        return prefix + name.prefix(1).uppercased() + name.dropFirst() + suffix
    }
}
