import Foundation
import Testing

@testable import IAMSimCore
@testable import IAMSimServer

/// Validation stays fast on the largest request the server accepts: a megabyte of list
/// members must not cost quadratic time.
@Suite("Query API: validating huge lists")
struct QueryParametersLimitTests {
    @Test("40,000 tags (a 1 MiB body) are refused for the list's length within a second")
    func hugeList() throws {
        let model = try QueryModel.decoded()
        let operation = try #require(model.iam.operations["CreateUser"])
        var raw = ["UserName": "bob"]
        for index in 1...40_000 {
            raw["Tags.member.\(index).Key"] = "k"
            raw["Tags.member.\(index).Value"] = "v"
        }
        let started = ContinuousClock.now
        #expect(
            throws: IAMError.validationError(
                "1 validation error detected: Value at 'tags' failed to satisfy constraint: Member must have length less than or equal to 50"
            )
        ) { try QueryParameters(raw, operation: operation, patterns: PatternCache()) }
        let elapsed = ContinuousClock.now - started
        #expect(elapsed < .seconds(1), "\(elapsed)")
    }
}
