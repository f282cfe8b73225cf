import Foundation
import Testing

@testable import IAMSimApp
@testable import IAMSimCLI
@testable import IAMSimCore

/// The CLI's JSON of AWS's shapes: the aws CLI's rendering of each kind of value.
@Suite("AWS shapes as the aws CLI's JSON")
struct ShapeJSONTests {
    /// 2026-01-05T09:30:05Z.
    static let date = Date(timeIntervalSince1970: 1_767_605_405)

    @Test(
        "each kind of value as the aws CLI prints it",
        arguments: [
            (ShapeValue.string("alice"), "\"alice\""),
            (.integer(90), "90"),
            (.boolean(false), "false"),
            (.timestamp(date), "\"2026-01-05T09:30:05+00:00\""),
            (.blob(Array("JBSWY3DPEHPK3PXP".utf8)), "\"SkJTV1kzRFBFSFBLM1BYUA==\""),
            (.list([.integer(1), .integer(2)]), "[1,2]"),
            (.structure([("B", .integer(1)), ("A", .integer(2))]), "{\"B\":1,\"A\":2}"),
            (.map([("Users", .integer(2)), ("UsersQuota", .integer(5_000))]), "{\"Users\":2,\"UsersQuota\":5000}"),
        ] as [(ShapeValue, String)])
    func kinds(shape: ShapeValue, json: String) {
        #expect(JSONValue(shape).compact == json)
    }

    @Test("iamsim's additions come after AWS's members, in each item of a list")
    func additions() {
        let shape = ShapeValue.structure([
            ("Items", .list([.structure([("Id", .integer(1))]), .structure([("Id", .integer(2))])])),
            ("IsTruncated", .boolean(false)),
        ])
        let json = JSONValue(shape).updatingItems(of: "Items", with: ["a", "b"]) { item, name in
            item.adding(["Name": .string(name), "Absent": nil])
        }
        #expect(json.compact == #"{"Items":[{"Id":1,"Name":"a"},{"Id":2,"Name":"b"}],"IsTruncated":false}"#)
        #expect(JSONValue(.structure([("A", .integer(1))])).adding(["B": .bool(true)]).compact == #"{"A":1,"B":true}"#)
    }
}
