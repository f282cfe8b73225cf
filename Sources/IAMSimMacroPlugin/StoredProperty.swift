import SwiftSyntax

/// A stored instance property of a type, as a macro reads it from the declaration: its name,
/// written type, `let` or `var`, and initial value.
///
/// Computed properties (those with accessor blocks that are not only observers) and static
/// properties are skipped.
struct StoredProperty {
    var name: String
    /// The type as written, without surrounding trivia (`Date?`, `[String]`); nil when the type
    /// is inferred from the initial value, which a macro cannot do.
    var type: TypeSyntax?
    var isLet: Bool
    /// The initial value as written after `=`, if any.
    var initialValue: ExprSyntax?

    /// Whether the written type is an optional (`T?` or `Optional<T>`).
    var isOptional: Bool {
        if type?.is(OptionalTypeSyntax.self) == true { return true }
        if let identifier = type?.as(IdentifierTypeSyntax.self) { return identifier.name.text == "Optional" }
        return false
    }

    /// Whether the written type is a function type, which an initializer's parameter must mark
    /// `@escaping`.
    var isFunction: Bool {
        var type = type
        if let attributed = type?.as(AttributedTypeSyntax.self) { type = attributed.baseType }
        return type?.is(FunctionTypeSyntax.self) == true
    }

    /// The stored instance properties of `declaration`, in declaration order.
    static func all(of declaration: some DeclGroupSyntax) -> [StoredProperty] {
        var properties: [StoredProperty] = []
        for member in declaration.memberBlock.members {
            guard let variable = member.decl.as(VariableDeclSyntax.self), !variable.isStatic else { continue }
            let isLet = variable.bindingSpecifier.tokenKind == .keyword(.let)
            for binding in variable.bindings {
                guard binding.isStored, let pattern = binding.pattern.as(IdentifierPatternSyntax.self) else {
                    continue
                }
                let type = binding.typeAnnotation?.type ?? Self.sharedType(of: binding, in: variable)
                properties.append(
                    StoredProperty(
                        name: pattern.identifier.text, type: type?.trimmed, isLet: isLet,
                        initialValue: binding.initializer?.value.trimmed))
            }
        }
        return properties
    }

    /// In `var a, b: Int` only `b` carries the type: the next binding that has one is `a`'s too.
    private static func sharedType(of binding: PatternBindingSyntax, in variable: VariableDeclSyntax)
        -> TypeSyntax?
    {
        guard binding.initializer == nil else { return nil }
        let bindings = Array(variable.bindings)
        guard let index = bindings.firstIndex(where: { $0.id == binding.id }) else { return nil }
        return bindings[index...].lazy.compactMap(\.typeAnnotation?.type).first
    }
}

extension VariableDeclSyntax {
    fileprivate var isStatic: Bool {
        modifiers.contains { $0.name.tokenKind == .keyword(.static) || $0.name.tokenKind == .keyword(.class) }
    }
}

extension PatternBindingSyntax {
    /// Whether the binding stores a value: no accessor block, or only `willSet`/`didSet`.
    fileprivate var isStored: Bool {
        guard let accessorBlock else { return true }
        switch accessorBlock.accessors {
        case .getter: return false
        case .accessors(let accessors):
            return accessors.allSatisfy {
                $0.accessorSpecifier.tokenKind == .keyword(.willSet)
                    || $0.accessorSpecifier.tokenKind == .keyword(.didSet)
            }
        }
    }
}
