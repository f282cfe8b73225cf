/// The initializer Swift's compiler writes for an internal struct, for a public or package one
/// (where it writes none): one parameter per stored property, in declaration order.
///
/// A `var` with an initial value defaults to it; an optional `var` without one defaults to nil;
/// a `let` with an initial value is not a parameter; function types are `@escaping`. Every
/// stored property must have a written type. The initializer has the struct's access level.
@attached(member, names: named(init))
public macro MemberwiseInit() = #externalMacro(module: "IAMSimMacroPlugin", type: "MemberwiseInitMacro")

/// A store record's column mapping, from its stored properties: `Column` (one case per stored
/// property, named as it), `init(_: ColumnReader<Column>)` and `value(of:)`.
///
/// The expansion names the store's `ColumnReader` and `ColumnValue` (IAMSimStore), which choose
/// how each type is read and written: dates as `StoredDate`, enumerations by raw value, other
/// values as GRDB converts them.
@attached(extension, names: named(Column), named(init(_:)), named(value(of:)))
public macro StoredColumns() = #externalMacro(module: "IAMSimMacroPlugin", type: "StoredColumnsMacro")
