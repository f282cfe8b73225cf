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

/// `CodingKeys` in AWS's spelling: one case per stored property (but a `let` with an initial
/// value), whose string is the property's name in UpperCamelCase, with a leading `mfa` as `MFA`
/// and a trailing `ID` as `Id` (`accessKeyID` → `"AccessKeyId"`, `mfaDevices` → `"MFADevices"`),
/// as IAM's API reference names its members. For formats that reuse AWS's field names.
@attached(member, names: named(CodingKeys))
public macro AWSCodingKeys() = #externalMacro(module: "IAMSimMacroPlugin", type: "AWSCodingKeysMacro")
