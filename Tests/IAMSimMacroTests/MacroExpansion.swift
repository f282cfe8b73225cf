import IAMSimMacroPlugin
import SwiftSyntaxMacroExpansion
import SwiftSyntaxMacrosGenericTestSupport
import Testing

/// Expands `source` with this module's macros and records a test issue where the expansion, or
/// its diagnostics, differ from what is expected.
func expectExpansion(
    _ source: String, expandedSource: String, diagnostics: [DiagnosticSpec] = [],
    sourceLocation: SourceLocation = #_sourceLocation
) {
    assertMacroExpansion(
        source, expandedSource: expandedSource, diagnostics: diagnostics,
        macroSpecs: [
            "AWSCodingKeys": MacroSpec(type: AWSCodingKeysMacro.self),
            "MemberwiseInit": MacroSpec(type: MemberwiseInitMacro.self),
            "StoredColumns": MacroSpec(type: StoredColumnsMacro.self),
        ],
        failureHandler: { failure in
            Issue.record(Comment(rawValue: failure.message), sourceLocation: sourceLocation)
        })
}

/// Expects `@macro` on an enum to be refused with "applies to a struct", the enum left as written.
func expectRefusedOnNonStruct(_ macro: String, sourceLocation: SourceLocation = #_sourceLocation) {
    expectExpansion(
        """
        @\(macro)
        enum Kind {
            case root
        }
        """,
        expandedSource: """
            enum Kind {
                case root
            }
            """,
        diagnostics: [DiagnosticSpec(message: "@\(macro) applies to a struct", line: 1, column: 1)],
        sourceLocation: sourceLocation)
}
