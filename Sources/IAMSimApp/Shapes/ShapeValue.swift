import Foundation

/// An AWS response shape as an ordered tree of values, which every front end renders in its
/// own form: the CLI as the aws CLI's JSON, the Query API as XML.
///
/// The kinds follow the botocore model's types, so a renderer knows what AWS does with each:
/// a timestamp is ISO 8601 UTC (`2026-01-05T09:30:05Z` in XML, `2026-01-05T09:30:05+00:00` in
/// the aws CLI's JSON), a blob is base64, a list is `<member>` elements in XML and an array in
/// JSON, a map is `<entry><key/><value/></entry>` in XML and an object in JSON. Members keep
/// their order (AWS's), and a member whose value is absent is left out, as AWS leaves it out.
public indirect enum ShapeValue: Equatable, Sendable {
    case string(String)
    case integer(Int)
    case boolean(Bool)
    case timestamp(Date)
    case blob([UInt8])
    case list([ShapeValue])
    case structure([(String, ShapeValue)])
    case map([(String, ShapeValue)])

    public static func == (lhs: ShapeValue, rhs: ShapeValue) -> Bool {
        switch (lhs, rhs) {
        case (.string(let a), .string(let b)): a == b
        case (.integer(let a), .integer(let b)): a == b
        case (.boolean(let a), .boolean(let b)): a == b
        case (.timestamp(let a), .timestamp(let b)): a == b
        case (.blob(let a), .blob(let b)): a == b
        case (.list(let a), .list(let b)): a == b
        case (.structure(let a), .structure(let b)), (.map(let a), .map(let b)):
            a.elementsEqual(b) { $0.0 == $1.0 && $0.1 == $1.1 }
        default: false
        }
    }

    /// A structure from its members in order, leaving out those whose value is nil.
    public static func structure(_ members: KeyValuePairs<String, ShapeValue?>) -> ShapeValue {
        .structure(members.compactMap { name, value in value.map { (name, $0) } })
    }
}
