import SwiftCompilerPlugin
import SwiftSyntaxMacros

/// The compiler plug-in that expands IAMSimMacros' declarations.
@main
struct IAMSimMacroPlugin: CompilerPlugin {
    let providingMacros: [any Macro.Type] = [
        AWSCodingKeysMacro.self, MemberwiseInitMacro.self, StoredColumnsMacro.self,
    ]
}
