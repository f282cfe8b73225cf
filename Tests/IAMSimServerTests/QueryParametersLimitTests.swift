import Foundation
import Testing

@testable import IAMSimCore
@testable import IAMSimServer

/// Validation stays fast on the largest request the server accepts: a megabyte of list
/// members must not cost quadratic time (checking each of 40,000 elements scans every key: it
/// took 437 s). A list longer than its maximum is refused for its length alone, its elements
/// unchecked; this checks that property, not a time, which would depend on the machine's load.
@Suite("Query API: validating huge lists")
struct QueryParametersLimitTests {
    @Test("40,000 tags (a 1 MiB body) are refused for the list's length alone; their elements go unchecked")
    func hugeList() throws {
        let model = try QueryModel.decoded()
        let operation = try #require(model.iam.operations["CreateUser"])
        var raw = ["UserName": "bob"]
        for index in 1...40_000 {
            // An empty key breaks the tag's length rule: were the elements checked, each would
            // add its own violation to the message.
            raw["Tags.member.\(index).Key"] = ""
            raw["Tags.member.\(index).Value"] = "v"
        }
        #expect(
            throws: IAMError.validationError(
                "1 validation error detected: Value at 'tags' failed to satisfy constraint: Member must have length less than or equal to 50"
            )
        ) { try QueryParameters(raw, operation: operation, patterns: PatternCache()) }
        // The same elements in a list of allowed length are checked, each its own violation.
        let short = raw.filter { !$0.key.hasPrefix("Tags.") || $0.key.hasPrefix("Tags.member.1.") }
        #expect {
            try QueryParameters(short, operation: operation, patterns: PatternCache())
        } throws: { error in
            "\(error)".contains("Value '' at 'tags.1.member.key' failed to satisfy constraint")
        }
    }
}
