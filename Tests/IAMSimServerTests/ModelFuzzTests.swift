import Foundation
import IAMSimTestSupport
import Testing

@testable import IAMSimApp
@testable import IAMSimCore
@testable import IAMSimDatabase
@testable import IAMSimServer

/// Every operation of botocore's IAM and STS models, asked with random, missing, oversized and
/// out-of-range parameters, correctly signed, on a database file opened as `iamsim serve`
/// opens it. The service must answer every request in XML, never with a 500, and leave the
/// database intact.
///
/// Seeded: a failure names its seed, operation and parameters; `IAMSIM_FUZZ_SEED` replays one
/// seed and `IAMSIM_FUZZ_ROUNDS` asks for more requests per operation (8 by default).
@Suite("Query API: the model-driven fuzz test")
struct ModelFuzzTests {
    static let seeds: [UInt64] = {
        if let text = ProcessInfo.processInfo.environment["IAMSIM_FUZZ_SEED"], let seed = UInt64(text) {
            return [seed]
        }
        return [1, 2]
    }()
    static let rounds = ProcessInfo.processInfo.environment["IAMSIM_FUZZ_ROUNDS"].flatMap { Int($0) } ?? 8

    @Test("every operation, random parameters: XML answers, never 500, integrity ok", arguments: seeds)
    func fuzz(seed: UInt64) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("iamsim-fuzz-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = try AppDatabase.open(
            path: folder.appendingPathComponent("iamsim.sqlite").path, connections: .pool)
        let simulator = Simulator(
            database: database, wallClock: .fixed(TestValues.start), random: .seeded(seed),
            hasher: TestValues.cheapHasher)
        try simulator.classroom.load(try Fixture.builtInDefault())
        let service = try QueryService(simulator: simulator)
        let model = try QueryModel.decoded()
        var generator = FuzzValues(seed: seed)
        var answered = 0
        var statuses: [Int: Int] = [:]
        for (api, version) in [(model.iam, model.iam.version), (model.sts, model.sts.version)] {
            for name in api.operations.keys.sorted() {
                let operation = api.operations[name]!
                for round in 0..<Self.rounds {
                    var parameters = [("Action", name), ("Version", version)]
                    parameters += generator.parameters(for: operation.input, round: round)
                    let request = Signer.root.request(parameters, date: TestValues.start, userAgent: "fuzz/\(seed)")
                    let answer = service.handle(request, origin: .init(sourceIPAddress: "127.0.0.1", userAgent: "fuzz"))
                    answered += 1
                    statuses[answer.status, default: 0] += 1
                    let context = "seed \(seed), \(name), round \(round): \(parameters.dropFirst(2))"
                    #expect(answer.status != 500 && answer.internalFailure == nil, "\(context) → \(answer.body)")
                    #expect((200..<500).contains(answer.status), "\(context) → \(answer.status)")
                    #expect(answer.body.hasPrefix("<"), "\(context) → \(answer.body)")
                }
            }
        }
        #expect(answered == (model.iam.operations.count + model.sts.operations.count) * Self.rounds)
        // Validation reached: a good share of the requests were refused by it, others went on.
        #expect(statuses[400, default: 0] > 0)
        #expect(statuses[200, default: 0] > 0)
        // Root's key still signs, and the database is whole.
        let identity = service.handle(
            Signer.root.request([("Action", "GetCallerIdentity"), ("Version", "2011-06-15")], date: TestValues.start),
            origin: .init(sourceIPAddress: "127.0.0.1", userAgent: "fuzz"))
        #expect(identity.status == 200)
        let (integrity, foreignKeys) = try database.read { db in
            (
                try String.fetchOne(db, sql: "PRAGMA integrity_check"),
                try Int.fetchOne(db, sql: "SELECT count(*) FROM pragma_foreign_key_check")
            )
        }
        #expect(integrity == "ok")
        #expect(foreignKeys == 0)
    }
}

/// Parameter values for the fuzz test, from a seeded generator (SplitMix64): for each member
/// of an operation's input, left out, plausible (within the model's constraints, or a value
/// iamsim knows, such as the lesson's user and device), junk (control characters, markup,
/// other scripts), oversized, or out of range.
struct FuzzValues {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed &* 0x9E37_79B9_7F4A_7C15 &+ 1
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(max(bound, 1))) }

    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }

    /// Values iamsim's fixture and handlers know, by member name, so that requests get past
    /// validation into the store.
    static let known: [String: [String]] = [
        "UserName": ["alice", "bob", "fuzz-user", "root"],
        "NewUserName": ["carol", "fuzz-renamed"],
        "GroupName": ["admins", "fuzz-group"],
        "NewGroupName": ["fuzz-group-2"],
        "SerialNumber": [
            "arn:aws:iam::123456789012:mfa/root-mfa", "arn:aws:iam::123456789012:mfa/fuzz", "GAHT12345678",
        ],
        "VirtualMFADeviceName": ["fuzz", "root-mfa"],
        "AccessKeyId": ["AKIAIOSFODNN7EXAMPLX", "ASIAIOSFODNN7EXAMPLE"],
        "TokenCode": ["123456", "000000"],
        "AuthenticationCode1": ["123456"],
        "AuthenticationCode2": ["654321"],
        "Password": ["Fuzz-Password-2026!", "x"],
        "NewPassword": ["Fuzz-Password-2027!"],
        "OldPassword": ["Activate-MFA-2026!"],
        "AccountAlias": ["fuzz-alias", "my-corp"],
        "Path": ["/", "/fuzz/"],
        "PathPrefix": ["/"],
        "Marker": ["bm90LWEtbWFya2Vy"],
        "Status": ["Active", "Inactive"],
    ]

    mutating func parameters(for members: [QueryModel.Member], round: Int) -> [(String, String)] {
        var out: [(String, String)] = []
        for member in members {
            guard let name = member.name else { continue }
            // The first round sends only what is required, plausibly; later ones anything.
            if round == 0 {
                if member.required == true { add(member, name: name, plausible: true, into: &out) }
                continue
            }
            switch below(8) {
            case 0, 1: continue
            case 2, 3, 4: add(member, name: name, plausible: true, into: &out)
            default: add(member, name: name, plausible: false, into: &out)
            }
        }
        if round > 0, below(4) == 0 { out.append(("Unknown\(below(100))", junk())) }
        return out
    }

    private mutating func add(
        _ member: QueryModel.Member, name: String, plausible: Bool, into out: inout [(String, String)]
    ) {
        switch member.type {
        case "list":
            guard let element = member.member else { return }
            let count = plausible ? below(3) + 1 : pick([0, 1, 2, 30])
            if count == 0 {
                out.append((name, ""))
                return
            }
            for index in 1...count {
                // Now and then an index far off, or repeated.
                let position = !plausible && below(5) == 0 ? pick([0, 999_999_999, -1, index]) : index
                // Long lists of plausible elements: the list's own limits are what is tried.
                add(element, name: "\(name).member.\(position)", plausible: plausible || count > 2, into: &out)
            }
        case "structure":
            for field in member.members ?? [] {
                guard let fieldName = field.name, plausible || below(2) == 0 else { continue }
                add(field, name: "\(name).\(fieldName)", plausible: plausible, into: &out)
            }
        case "map":
            for index in 1...(below(3) + 1) {
                if let key = member.key {
                    add(key, name: "\(name).entry.\(index).key", plausible: plausible, into: &out)
                }
                if let value = member.value {
                    add(value, name: "\(name).entry.\(index).value", plausible: plausible, into: &out)
                }
            }
        default:
            out.append((name, plausible ? plausibleValue(member, name: name) : wildValue(member)))
        }
    }

    private mutating func plausibleValue(_ member: QueryModel.Member, name: String) -> String {
        let leaf = name.split(separator: ".").last.map(String.init) ?? name
        if let known = Self.known[leaf], below(4) != 0 { return pick(known) }
        if let allowed = member.enum, !allowed.isEmpty { return pick(allowed) }
        switch member.type {
        case "integer", "long":
            let low = Int(member.min ?? 0)
            let high = Int(member.max ?? Double(low + 1_000))
            return String(low + below(max(high - low, 0) + 1))
        case "boolean": return pick(["true", "false"])
        case "timestamp": return "2026-01-05T09:30:05Z"
        case "blob": return Data((0..<8).map { _ in UInt8(truncatingIfNeeded: next()) }).base64EncodedString()
        default:
            let low = Int(member.min ?? 1)
            let high = min(Int(member.max ?? 24), low + 24)
            let length = low + below(max(high - low, 0) + 1)
            let alphabet = Array("abcdefghijklmnopqrstuvwxyz0123456789")
            return String((0..<length).map { _ in pick(alphabet) })
        }
    }

    private mutating func wildValue(_ member: QueryModel.Member) -> String {
        switch member.type {
        case "integer", "long":
            var candidates = ["", "abc", "1e9", "-0", "0x10", String(Int.max), "99999999999999999999999", "-1"]
            if let min = member.min { candidates.append(String(Int(min) - 1)) }
            if let max = member.max { candidates.append(String(Int(max) + 1)) }
            return pick(candidates)
        case "boolean": return pick(["", "TRUE", "yes", "1", "null", junk()])
        case "timestamp": return pick(["", "yesterday", "2026-02-30T00:00:00Z", "9999999999", junk()])
        default:
            switch below(4) {
            case 0:
                // One past the model's longest, or far past it.
                let length = member.max.map { Int($0) + 1 } ?? 3_000
                return String(repeating: pick(["a", "é", "x", "0"]), count: min(length, 3_000) + below(3))
            case 1: return ""
            default: return junk()
            }
        }
    }

    /// Text that breaks naive parsers: control characters, markup, quotes, escapes, other
    /// scripts, emoji, and the characters of form and XML syntax.
    private mutating func junk() -> String {
        let pieces = [
            "\u{0}", "\u{1}", "\u{7F}", "\r\n", "\t", "<", ">", "&", "\"", "'", "%", "%00", "%ZZ", "+", "=", "&amp;",
            "]]>", "<![CDATA[", "\\", "/", "..", "${aws:username}", "日本", "ß", "🙂", "\u{FFFD}", "\u{200B}",
            "arn:aws:iam::123456789012:root", "root", " ", "\u{FEFF}",
        ]
        return (0..<(below(6) + 1)).map { _ in pick(pieces) }.joined()
    }
}
