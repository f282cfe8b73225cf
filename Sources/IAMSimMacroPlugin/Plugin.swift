import SwiftCompilerPlugin
import SwiftSyntaxMacros

/// The compiler plug-in that expands IAMSimMacros' declarations.
@main
struct IAMSimMacroPlugin: CompilerPlugin {
    let providingMacros: [any Macro.Type] = [MemberwiseInitMacro.self, StoredColumnsMacro.self]
}
