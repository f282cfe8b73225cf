import Foundation
import IAMSimCore

/// A Query request's parameters, checked against the operation's model, and read by name:
/// scalars (`UserName`), lists (`Tags.member.1.Key`, `AccessKeyIds.member.2`) and maps
/// (`Attributes.entry.1.key`).
struct QueryParameters: Sendable {
    let raw: [String: String]

    /// The parameters of `request` once `operation`'s constraints hold.
    ///
    /// - Throws: `IAMError.validationError` listing every violation in AWS's words
    ///   (`2 validation errors detected: Value null at 'userName' failed to satisfy constraint:
    ///   Member must not be null; …`): a required member missing, a length, range, pattern or
    ///   enumeration not met, a number or a boolean that is not one.
    init(_ raw: [String: String], operation: QueryModel.Operation, patterns: PatternCache) throws(IAMError) {
        var violations: [String] = []
        for member in operation.input {
            guard let name = member.name else { continue }
            Self.check(member, name: name, path: Self.camelCase(name), raw, patterns, into: &violations)
        }
        if !violations.isEmpty {
            let count = violations.count == 1 ? "1 validation error" : "\(violations.count) validation errors"
            throw .validationError("\(count) detected: " + violations.joined(separator: "; "))
        }
        self.raw = raw
    }

    // MARK: - Reading

    func string(_ name: String) -> String? { raw[name] }

    /// A member the model requires (and validation therefore found).
    func required(_ name: String) -> String { raw[name] ?? "" }

    func integer(_ name: String) -> Int? { raw[name].flatMap { Int($0) } }

    func boolean(_ name: String) -> Bool? { raw[name].map { $0.lowercased() == "true" } }

    /// `Name.member.1`, `Name.member.2`… in index order.
    func strings(_ name: String) -> [String] {
        Self.indices(of: name + ".member.", in: raw).compactMap { raw["\(name).member.\($0)"] }
    }

    /// `Name.member.1.Field`… as one dictionary per element, in index order.
    func structures(_ name: String) -> [[String: String]] {
        Self.indices(of: name + ".member.", in: raw).map { index in
            let prefix = "\(name).member.\(index)."
            var fields: [String: String] = [:]
            for (key, value) in raw where key.hasPrefix(prefix) { fields[String(key.dropFirst(prefix.count))] = value }
            return fields
        }
    }

    /// `Name.member.N.Key` and `.Value` as tags, in index order.
    func tags(_ name: String) -> [Tag] {
        structures(name).map { Tag(key: $0["Key"] ?? "", value: $0["Value"] ?? "") }
    }

    /// Refuses a parameter of the model that iamsim does not simulate, when it is sent.
    ///
    /// - Throws: `NotImplemented`, naming what iamsim does not simulate.
    func refuseUnsimulated(_ name: String, of action: IAMAction, what: String) throws(IAMError) {
        guard raw[name] != nil || raw.keys.contains(where: { $0.hasPrefix(name + ".") }) else { return }
        throw .notImplemented(
            "iamsim does not simulate \(what), so \(action.name)'s \(name) is not available. "
                + "See docs/api.md for the actions iamsim answers.")
    }

    // MARK: - Checking

    private static func check(
        _ member: QueryModel.Member, name: String, path: String, _ raw: [String: String], _ patterns: PatternCache,
        into violations: inout [String]
    ) {
        switch member.type {
        case "list":
            let prefix = name + ".member."
            let found = indices(of: prefix, in: raw)
            if found.isEmpty {
                // An empty list is sent as `Name=` (botocore) or not at all.
                if member.required == true, raw[name] == nil { violations.append(null(path)) }
                return
            }
            if let min = member.min, Double(found.count) < min {
                violations.append(
                    "Value at '\(path)' failed to satisfy constraint: Member must have length greater than or equal to \(Int(min))"
                )
            }
            if let max = member.max, Double(found.count) > max {
                violations.append(
                    "Value at '\(path)' failed to satisfy constraint: Member must have length less than or equal to \(Int(max))"
                )
                // Its elements go unchecked: each check scans the keys, and a megabyte of
                // elements would hold the server for minutes to say nothing more.
                return
            }
            if let element = member.member {
                for (position, index) in found.enumerated() {
                    check(
                        element, name: prefix + String(index), path: "\(path).\(position + 1).member", raw, patterns,
                        into: &violations)
                }
            }
        case "structure":
            let fields = member.members ?? []
            let present = raw.keys.contains { $0.hasPrefix(name + ".") }
            guard present else {
                if member.required == true { violations.append(null(path)) }
                return
            }
            for field in fields {
                guard let fieldName = field.name else { continue }
                check(
                    field, name: "\(name).\(fieldName)", path: "\(path).\(camelCase(fieldName))", raw, patterns,
                    into: &violations)
            }
        case "map":
            let prefix = name + ".entry."
            for index in indices(of: prefix, in: raw) {
                if let key = member.key {
                    check(
                        key, name: "\(prefix)\(index).key", path: "\(path).\(index).key", raw, patterns,
                        into: &violations)
                }
                if let value = member.value {
                    check(
                        value, name: "\(prefix)\(index).value", path: "\(path).\(index).value", raw, patterns,
                        into: &violations)
                }
            }
        default:
            guard let value = raw[name] else {
                if member.required == true { violations.append(null(path)) }
                return
            }
            violations += scalarViolations(member, value: value, path: path, patterns)
        }
    }

    private static func scalarViolations(
        _ member: QueryModel.Member, value: String, path: String, _ patterns: PatternCache
    ) -> [String] {
        let shown = member.sensitive == true ? "Value at '\(path)'" : "Value '\(value)' at '\(path)'"
        let prefix = "\(shown) failed to satisfy constraint: Member must"
        var found: [String] = []
        switch member.type {
        case "integer", "long":
            guard let number = Int(value) else { return ["\(prefix) be a number"] }
            if let min = member.min, Double(number) < min {
                found.append("\(prefix) have value greater than or equal to \(Int(min))")
            }
            if let max = member.max, Double(number) > max {
                found.append("\(prefix) have value less than or equal to \(Int(max))")
            }
        case "boolean":
            if !["true", "false"].contains(value.lowercased()) { found.append("\(prefix) be true or false") }
        case "timestamp":
            if (try? Timestamp.parsing(value)) == nil { found.append("\(prefix) be an ISO 8601 timestamp") }
        default:
            let length = Double(value.count)
            if let min = member.min, length < min {
                found.append("\(prefix) have length greater than or equal to \(Int(min))")
            }
            if let max = member.max, length > max {
                found.append("\(prefix) have length less than or equal to \(Int(max))")
            }
            if let allowed = member.enum, !allowed.contains(value) {
                found.append("\(prefix) satisfy enum value set: [\(allowed.joined(separator: ", "))]")
            }
            if let pattern = member.pattern, !patterns.matches(value, pattern) {
                found.append("\(prefix) satisfy regular expression pattern: \(pattern)")
            }
        }
        return found
    }

    private static func null(_ path: String) -> String {
        "Value null at '\(path)' failed to satisfy constraint: Member must not be null"
    }

    /// The indices `N` of keys `PREFIX.N…`, in numeric order.
    static func indices(of prefix: String, in raw: [String: String]) -> [Int] {
        var found = Set<Int>()
        for key in raw.keys where key.hasPrefix(prefix) {
            let rest = key.dropFirst(prefix.count)
            if let index = Int(rest.prefix { $0.isNumber }) { found.insert(index) }
        }
        return found.sorted()
    }

    /// `UserName` → `userName`, as AWS names members in validation messages.
    static func camelCase(_ name: String) -> String {
        guard let first = name.first else { return name }
        return first.lowercased() + name.dropFirst()
    }
}

/// Compiled patterns of the model, shared by every request. The model's patterns are Java
/// regular expressions (`\u0021-\u007F`, `\p{L}`), which ICU reads as they are; each must match
/// the whole value.
final class PatternCache: @unchecked Sendable {
    private let lock = NSLock()
    private var compiled: [String: NSRegularExpression?] = [:]

    func matches(_ value: String, _ pattern: String) -> Bool {
        lock.lock()
        let cached = compiled[pattern]
        lock.unlock()
        let expression: NSRegularExpression?
        if let cached {
            expression = cached
        } else {
            expression = try? NSRegularExpression(pattern: "^(?:\(pattern))$", options: [])
            lock.lock()
            compiled[pattern] = expression
            lock.unlock()
        }
        // A pattern ICU cannot read constrains nothing (none of the model's, in the tests).
        guard let expression else { return true }
        let range = NSRange(value.startIndex..<value.endIndex, in: value)
        return expression.firstMatch(in: value, options: [.anchored], range: range) != nil
    }
}
