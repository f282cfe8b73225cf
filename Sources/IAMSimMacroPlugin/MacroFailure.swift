import SwiftDiagnostics

/// Why a macro of this module refused a declaration; the compiler shows `message` at the
/// macro's attribute.
enum MacroFailure: Error, CustomStringConvertible {
    /// One of the macros on something other than a struct.
    case notAStruct(macro: String)
    /// A stored property written without a type (`var count = 0`).
    case untypedProperty(String)

    var description: String {
        switch self {
        case .notAStruct(let macro):
            "@\(macro) applies to a struct"
        case .untypedProperty(let name):
            "stored property '\(name)' needs a written type: a macro reads the declaration, not inferred types"
        }
    }
}
