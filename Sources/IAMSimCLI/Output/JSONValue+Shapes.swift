import Foundation
import IAMSimApp
import IAMSimCore

// The JSON of AWS's result shapes (built once, in `Shapes`, for every front end), as the aws
// CLI prints it, and the few members iamsim adds to them.

extension JSONValue {
    /// `shape` as the aws CLI prints it: a timestamp as `2026-11-29T00:25:32+00:00`, a blob as
    /// its base64 text (the aws CLI does not decode blobs), a map as an object; members and
    /// entries keep AWS's order.
    init(_ shape: ShapeValue) {
        switch shape {
        case .string(let text): self = .string(text)
        case .integer(let number): self = .int(number)
        case .boolean(let flag): self = .bool(flag)
        case .timestamp(let date): self = .date(date)
        case .blob(let bytes): self = .string(Data(bytes).base64EncodedString())
        case .list(let items): self = .array(items.map(JSONValue.init))
        case .structure(let members), .map(let members): self = .object(members.map { ($0.0, JSONValue($0.1)) })
        }
    }

    /// This object with `members` after its own, leaving out those whose value is nil: iamsim's
    /// additions to an AWS shape (docs/differences.md), which come after AWS's members.
    func adding(_ members: KeyValuePairs<String, JSONValue?>) -> JSONValue {
        guard case .object(let own) = self else { return self }
        return .object(own + members.compactMap { name, value in value.map { (name, $0) } })
    }

    /// This object with each item of its array `name` replaced by `transform(item, value)`,
    /// `values` being the items' models in the same order: iamsim's additions to each item.
    func updatingItems<Model>(of name: String, with values: [Model], _ transform: (JSONValue, Model) -> JSONValue)
        -> JSONValue
    {
        guard case .object(let members) = self else { return self }
        return .object(
            members.map { member, value in
                guard member == name, case .array(let items) = value else { return (member, value) }
                return (member, .array(zip(items, values).map(transform)))
            })
    }

    /// An AWS timestamp as the aws CLI prints it: `2026-11-29T00:25:32+00:00`.
    static func date(_ date: Date) -> JSONValue { .string(Timestamp.iso8601(date)) }
    static func date(_ date: Date?) -> JSONValue? { date.map { .string(Timestamp.iso8601($0)) } }
    static func string(_ text: String?) -> JSONValue? { text.map { .string($0) } }
}
