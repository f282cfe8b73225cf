import SwiftSyntax
import SwiftSyntaxMacros

/// `@StoredColumns`: a store record's column mapping, derived from its stored properties, so
/// that a record lists its columns once, as properties.
///
/// Adds, in an extension (so that the struct keeps Swift's memberwise initializer):
/// - `enum Column: String, CaseIterable`, one case per stored property, in declaration order,
///   named as the property (the schema's column names);
/// - `init(_ row: ColumnReader<Column>) throws`, which reads every property through
///   `ColumnReader.value(_:)`, whose overloads pick the reading by the property's type;
/// - `func value(of column: Column) -> (any DatabaseValueConvertible)?`, an exhaustive switch
///   that answers each column through `ColumnValue.of(_:)`'s overloads.
/// The names it expands to are the store's (`IAMSimStore/Records/StoredRecord.swift`).
public struct StoredColumnsMacro: ExtensionMacro {
    public static func expansion(
        of node: AttributeSyntax, attachedTo declaration: some DeclGroupSyntax,
        providingExtensionsOf type: some TypeSyntaxProtocol, conformingTo protocols: [TypeSyntax],
        in context: some MacroExpansionContext
    ) throws -> [ExtensionDeclSyntax] {
        guard declaration.is(StructDeclSyntax.self) else { throw MacroFailure.notAStruct(macro: "StoredColumns") }
        let names = StoredProperty.all(of: declaration).map(\.name)
        let cases = names.map { "        case \($0)" }.joined(separator: "\n")
        let reads = names.map { "        self.\($0) = try row.value(.\($0))" }.joined(separator: "\n")
        let values = names.map { "        case .\($0): ColumnValue.of(\($0))" }.joined(separator: "\n")
        let extensionDecl: DeclSyntax = """
            extension \(type.trimmed) {
                /// The table's columns: the record's stored properties, in order.
                enum Column: String, CaseIterable {
            \(raw: cases)
                }

                /// Decodes a row that holds every column.
                init(_ row: ColumnReader<Column>) throws {
            \(raw: reads)
                }

                /// The value stored in `column`: a `StoredDate` for dates, the raw value for enumerations.
                func value(of column: Column) -> (any DatabaseValueConvertible)? {
                    switch column {
            \(raw: values)
                    }
                }
            }
            """
        return [extensionDecl.cast(ExtensionDeclSyntax.self)]
    }
}
