import SwiftSyntax
import SwiftSyntaxMacros

/// `@MemberwiseInit`: the initializer Swift writes for an internal struct, written for a
/// public or package one, where Swift writes none.
///
/// One parameter per stored property, in declaration order, labelled with its name. A `var`
/// with an initial value defaults to it, and an optional `var` without one defaults to nil, as
/// in Swift's own memberwise initializer; a `let` with an initial value is not a parameter.
/// Function-typed parameters are `@escaping`. The initializer has the struct's access level.
public struct MemberwiseInitMacro: MemberMacro {
    public static func expansion(
        of node: AttributeSyntax, providingMembersOf declaration: some DeclGroupSyntax,
        conformingTo protocols: [TypeSyntax], in context: some MacroExpansionContext
    ) throws -> [DeclSyntax] {
        guard let structure = declaration.as(StructDeclSyntax.self) else {
            throw MacroFailure.notAStruct(macro: "MemberwiseInit")
        }
        let properties = StoredProperty.all(of: structure).filter { !($0.isLet && $0.initialValue != nil) }
        let parameters = try properties.map { property in
            // A macro sees syntax only: it cannot infer a type from an initial value.
            guard let type = property.type else { throw MacroFailure.untypedProperty(property.name) }
            var parameter = "\(property.name): \(property.isFunction ? "@escaping " : "")\(type)"
            if !property.isLet, let initialValue = property.initialValue {
                parameter += " = \(initialValue)"
            } else if !property.isLet, property.isOptional {
                parameter += " = nil"
            }
            return parameter
        }
        let assignments = properties.map { "    self.\($0.name) = \($0.name)" }
        let access = structure.accessLevel.map { "\($0) " } ?? ""
        let initializer: DeclSyntax = """
            /// Creates a value from each of its stored properties.
            \(raw: access)init(\(raw: parameters.joined(separator: ", "))) {
            \(raw: assignments.joined(separator: "\n"))
            }
            """
        return [initializer]
    }
}

extension StructDeclSyntax {
    /// `public` or `package` when the struct is declared so; nil for internal and below, where
    /// the initializer needs no modifier.
    var accessLevel: String? {
        modifiers.lazy.map(\.name.text).first { $0 == "public" || $0 == "package" }
    }
}
