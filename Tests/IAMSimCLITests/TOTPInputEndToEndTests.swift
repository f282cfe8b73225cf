import Foundation
import Testing

/// Issue 9, items 10–12 through the built binary: phones that run fast, codes typed as apps
/// show them, malformed codes, and the shipped fixtures' seeds.
@Suite("End to end: TOTP input")
struct TOTPInputEndToEndTests {
    static let start: Int64 = 1_767_605_405  // 2026-01-05T09:30:05Z
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures")

    @Test(
        "every shipped fixture passes fixture validate, oathtool -b accepts each seed, and virtual devices' seeds have 64 characters",
        .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/oathtool")))
    func shippedFixtureSeedsAreValidBase32() throws {
        let h = try BinaryHarness()
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.fixtures.path)
            .filter { $0.hasSuffix(".json") && $0 != "fixture.schema.json" }.sorted()
        #expect(files.count >= 5)
        var seeds = 0
        for file in files {
            let path = Self.fixtures.appendingPathComponent(file).path
            let verdict = try h.runWithoutDatabaseOption(["fixture", "validate", path])
            #expect(verdict.status == 0, "\(file): \(verdict.stdout)")
            let json = try JSONSerialization.jsonObject(with: try Data(contentsOf: URL(fileURLWithPath: path)))
            for (where_, seed, virtual) in Self.seeds(in: json, path: "$") {
                seeds += 1
                let oath = try BinaryHarness.tool("/usr/bin/oathtool", ["-b", "--totp", "--now", "@\(Self.start)", seed])
                #expect(oath.status == 0, "\(file) \(where_): oathtool: \(oath.stderr)")
                if virtual { #expect(seed.count == 64, "\(file) \(where_): \(seed.count) characters") }
            }
        }
        #expect(seeds >= 5)
    }

    @Test("fixture validate refuses a seed no base32 encoder writes, saying why")
    func validateRefusesImpossibleSeed() throws {
        let h = try BinaryHarness()
        let path = h.folder.appendingPathComponent("bad-seed.json").path
        let seed = String(repeating: "A", count: 86)
        try Data(
            """
            {"FormatVersion": 1, "Name": "bad-seed", "Account": {"AccountId": "123456789012",
             "Root": {"Email": "a@example.com", "Password": "pw",
              "MFADevices": [{"DeviceName": "root-mfa", "Base32StringSeed": "\(seed)"}]}}}
            """.utf8
        ).write(to: URL(fileURLWithPath: path))
        let r = try h.runWithoutDatabaseOption(["fixture", "validate", path])
        #expect(r.status == 1)
        #expect(
            r.stdout == """
                \(path): 1 problem
                  $.Account.Root.MFADevices[0].Base32StringSeed: must be base32 (A-Z, 2-7): no encoder writes 86 characters (a character is missing or extra; AWS's seeds have 64)

                """)
    }

    /// Every `Base32StringSeed` in fixture JSON: its path, the seed, and whether it is a virtual device's.
    static func seeds(in json: Any, path: String, virtual: Bool = false) -> [(String, String, Bool)] {
        if let object = json as? [String: Any] {
            let isVirtual = object["DeviceName"] != nil && (object["Type"] as? String ?? "virtual") == "virtual"
            return object.keys.sorted().flatMap { key -> [(String, String, Bool)] in
                if key == "Base32StringSeed", let seed = object[key] as? String { return [("\(path).\(key)", seed, isVirtual)] }
                return seeds(in: object[key] as Any, path: "\(path).\(key)")
            }
        }
        if let array = json as? [Any] {
            return array.enumerated().flatMap { seeds(in: $1, path: "\(path)[\($0)]") }
        }
        return []
    }
}
