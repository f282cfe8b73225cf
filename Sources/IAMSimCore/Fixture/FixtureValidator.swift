import Foundation

/// One thing wrong with a fixture, located by its JSON path (`$.Account.Root.AccessKeys[2]`).
/// Only the fixture's validation finds them, so the initializer is Core's own (synthesized).
public struct FixtureProblem: Hashable, Sendable, CustomStringConvertible {
    public var path: String
    public var reason: String

    public var description: String { "\(path): \(reason)" }
}

extension Fixture {
    /// Decodes and validates fixture JSON.
    ///
    /// - Throws: `LocalError.file` naming `source` and listing every problem with its JSON path.
    public static func load(_ data: Data, source: String) throws(LocalError) -> Fixture {
        switch check(data) {
        case .valid(let fixture): return fixture
        case .invalid(let problems): throw invalid(source, problems)
        }
    }

    /// The verdict on fixture JSON.
    public enum Check: Sendable {
        case valid(Fixture)
        case invalid([FixtureProblem])
    }

    /// Every problem with fixture JSON: unknown fields, wrong types, and broken rules, each
    /// with its JSON path. Unknown fields are reported even when decoding also fails, so a
    /// typo and its consequence show together.
    public static func check(_ data: Data) -> Check {
        guard let raw = try? JSONSerialization.jsonObject(with: data) else {
            return .invalid([FixtureProblem(path: "$", reason: "not valid JSON")])
        }
        var problems = FixtureSchema.unknownFields(in: raw)
        let fixture: Fixture
        do {
            fixture = try decoder().decode(Fixture.self, from: data)
        } catch let error as DecodingError {
            return .invalid(problems + [FixtureProblem(decodingError: error)])
        } catch {
            return .invalid(problems + [FixtureProblem(path: "$", reason: "cannot be read")])
        }
        problems += fixture.problems()
        return problems.isEmpty ? .valid(fixture) : .invalid(problems)
    }

    /// Decodes a fixture iamsim itself stored (validated when it was first loaded).
    public static func decodeStored(_ json: String) throws -> Fixture {
        try decoder().decode(Fixture.self, from: Data(json.utf8))
    }

    /// The built-in lesson fixture.
    public static func builtInDefault() throws(LocalError) -> Fixture {
        try load(Data(defaultJSON.utf8), source: defaultName)
    }

    /// The fixture as JSON, in the file format (keys sorted, ISO-8601 dates).
    public func jsonText() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(Timestamp.iso8601(date))
        }
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }

    /// A decoder for fixture files: dates in the ISO 8601 forms `Timestamp.parsing(_:)` accepts.
    public static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            do throws(LocalError) {
                return try Timestamp.parsing(text)
            } catch {
                throw DecodingError.dataCorruptedError(
                    in: container, debugDescription: "'\(text)' is not a time iamsim accepts: \(error.message)")
            }
        }
        return decoder
    }

    static func invalid(_ source: String, _ problems: [FixtureProblem]) -> LocalError {
        let list = problems.map(\.description).joined(separator: "; ")
        return .file(path: source, reason: "it is not a valid fixture: \(list)")
    }

    /// Everything wrong with the fixture's content; empty when it can be loaded.
    public func problems() -> [FixtureProblem] {
        var problems: [FixtureProblem] = []
        func check(_ condition: Bool, _ path: String, _ reason: String) {
            if !condition { problems.append(FixtureProblem(path: path, reason: reason)) }
        }
        check(
            formatVersion == Fixture.currentFormatVersion, "$.FormatVersion",
            "unsupported format version \(formatVersion) (this iamsim reads \(Fixture.currentFormatVersion))")
        check(!name.isEmpty, "$.Name", "must not be empty")
        check(AccountID(rawValue: account.accountID) != nil, "$.Account.AccountId", "must be exactly 12 digits")
        if let alias = account.accountAlias {
            check(AccountAlias.isValid(alias), "$.Account.AccountAlias", AccountAlias.rule)
        }
        let root = account.root
        check(
            EmailAddress.isValid(root.email), "$.Account.Root.Email",
            "must be an email address such as trainee@example.com")
        // A password in plain text or as a stored hash, never both: root's, and each login profile's.
        func checkPassword(_ password: String?, hash: String?, at path: String) {
            switch (password, hash) {
            case (let password?, nil):
                check((1...128).contains(password.count), "\(path).Password", "must be 1 to 128 characters")
            case (nil, let hash?):
                check(
                    PasswordHasher.isWellFormed(hash), "\(path).PasswordHash",
                    "must be a hash written by iamsim (pbkdf2-sha512$… or hmac-sha256$…)")
            default:
                problems.append(FixtureProblem(path: path, reason: "give exactly one of Password or PasswordHash"))
            }
        }
        checkPassword(root.password, hash: root.passwordHash, at: "$.Account.Root")

        // Base32 an encoder could have written: `oathtool -b` and strict decoders refuse the rest.
        func checkSeed(_ seed: String, at path: String) {
            guard let problem = Base32.problem(in: seed) else { return }
            let reason = "must be base32 (A-Z, 2-7)" + (problem.detail.map { ": " + $0 } ?? "")
            problems.append(FixtureProblem(path: path, reason: reason))
        }

        var keyIDs: Set<String> = []
        var deviceNames: Set<String> = []
        var serials: Set<String> = []
        // A list an identity holds: at most `limit` items, each checked at `path[index]`.
        func checkEach<Item>(
            _ items: [Item]?, at path: String, atMost limit: Int, _ noun: String, _ checkItem: (Item, String) -> Void
        ) {
            guard let items else { return }
            check(items.count <= limit, path, "at most \(limit) \(noun) per identity (found \(items.count))")
            for (index, item) in items.enumerated() { checkItem(item, "\(path)[\(index)]") }
        }
        func checkKeys(_ keys: [AccessKey]?, at path: String) {
            checkEach(keys, at: path, atMost: AccessKeyRules.maxKeysPerIdentity, "access keys") { key, at in
                check(
                    AccessKeyID(rawValue: key.accessKeyID) != nil, "\(at).AccessKeyId",
                    "must be 16 to 128 letters, digits or underscores, such as AKIAIOSFODNN7EXAMPLE")
                check(
                    keyIDs.insert(key.accessKeyID).inserted, "\(at).AccessKeyId",
                    "duplicate access key id \(key.accessKeyID)")
                check(key.secretAccessKey.utf8.count == 40, "\(at).SecretAccessKey", "must be exactly 40 characters")
            }
        }
        func checkDevices(_ devices: [MFADevice]?, at path: String) {
            checkEach(devices, at: path, atMost: MFADeviceRules.maxDevicesPerIdentity, "MFA devices") { device, at in
                check(
                    MFADeviceName(rawValue: device.deviceName) != nil, "\(at).DeviceName",
                    "must be 1 to \(MFADeviceName.maxLength) characters from letters, digits and +=,.@_-")
                check(
                    deviceNames.insert(device.deviceName.lowercased()).inserted, "\(at).DeviceName",
                    "duplicate MFA device name \(device.deviceName)")
                checkSeed(device.base32StringSeed, at: "\(at).Base32StringSeed")
                switch device.type ?? .virtual {
                case .virtual:
                    check(
                        device.serialNumber == nil, "\(at).SerialNumber",
                        "virtual devices take their serial from their name")
                case .hardware:
                    if let serial = device.serialNumber {
                        check(HardwareSerial.isValid(serial), "\(at).SerialNumber", HardwareSerial.rule)
                        check(
                            serials.insert(serial).inserted, "\(at).SerialNumber", "duplicate serial number \(serial)")
                    } else {
                        problems.append(
                            FixtureProblem(path: "\(at).SerialNumber", reason: "hardware tokens need a serial number"))
                    }
                }
            }
        }
        checkKeys(root.accessKeys, at: "$.Account.Root.AccessKeys")
        checkDevices(root.mfaDevices, at: "$.Account.Root.MFADevices")

        var userNames: Set<String> = []
        for (index, user) in (account.users ?? []).enumerated() {
            let at = "$.Account.Users[\(index)]"
            check(
                IAMName.hasValidCharacters(user.userName) && user.userName.utf8.count <= 64, "\(at).UserName",
                "must be 1 to 64 characters from letters, digits and +=,.@_-")
            check(
                userNames.insert(user.userName.lowercased()).inserted, "\(at).UserName",
                "duplicate user name \(user.userName) (names are case-insensitive)")
            if let path = user.path {
                check(IAMPath.isValid(path), "\(at).Path", IAMPath.rule)
            }
            checkKeys(user.accessKeys, at: "\(at).AccessKeys")
            checkDevices(user.mfaDevices, at: "\(at).MFADevices")
            if let profile = user.loginProfile {
                checkPassword(profile.password, hash: profile.passwordHash, at: "\(at).LoginProfile")
            }
        }
        var groupNames: Set<String> = []
        var membershipsPerUser: [String: Int] = [:]
        for (index, group) in (account.groups ?? []).enumerated() {
            let at = "$.Account.Groups[\(index)]"
            check(
                IAMName.hasValidCharacters(group.groupName)
                    && group.groupName.utf8.count <= IdentityRules.groupNameMaxLength,
                "\(at).GroupName", "must be 1 to 128 characters from letters, digits and +=,.@_-")
            check(
                groupNames.insert(group.groupName.lowercased()).inserted, "\(at).GroupName",
                "duplicate group name \(group.groupName) (names are case-insensitive)")
            if let path = group.path { check(IAMPath.isValid(path), "\(at).Path", IAMPath.rule) }
            for (memberIndex, member) in (group.members ?? []).enumerated() {
                check(
                    userNames.contains(member.lowercased()), "\(at).Members[\(memberIndex)]",
                    "no user named \(member) in $.Account.Users")
                membershipsPerUser[member.lowercased(), default: 0] += 1
            }
        }
        for (user, count) in membershipsPerUser.sorted(by: { $0.key < $1.key })
        where count > IdentityRules.maxGroupsPerUser {
            problems.append(
                FixtureProblem(
                    path: "$.Account.Groups",
                    reason: "user \(user) is in \(count) groups; at most \(IdentityRules.maxGroupsPerUser) per user"))
        }
        for (index, entry) in (account.lessonProgress ?? []).enumerated() {
            let at = "$.Account.LessonProgress[\(index)]"
            guard let lesson = Lesson.all.first(where: { $0.id == entry.lessonID }) else {
                problems.append(
                    FixtureProblem(
                        path: "\(at).LessonId",
                        reason:
                            "unknown lesson \(entry.lessonID) (lessons: \(Lesson.all.map(\.id).joined(separator: ", ")))"
                    ))
                continue
            }
            for (stepIndex, step) in entry.completedSteps.enumerated() where lesson.step(step) == nil {
                problems.append(
                    FixtureProblem(
                        path: "\(at).CompletedSteps[\(stepIndex)]", reason: "no step \(step) in lesson \(lesson.id)"))
            }
        }
        if let settings = account.passwordPolicy {
            do {
                try settings.policy.validate()
            } catch {
                problems.append(FixtureProblem(path: "$.Account.PasswordPolicy", reason: error.message))
            }
        }
        for (index, token) in (account.hardwareTokens ?? []).enumerated() {
            let at = "$.Account.HardwareTokens[\(index)]"
            check(HardwareSerial.isValid(token.serialNumber), "\(at).SerialNumber", HardwareSerial.rule)
            check(
                serials.insert(token.serialNumber).inserted, "\(at).SerialNumber",
                "duplicate serial number \(token.serialNumber)")
            checkSeed(token.base32StringSeed, at: "\(at).Base32StringSeed")
        }
        return problems
    }
}

extension FixtureProblem {
    init(decodingError: DecodingError) {
        func path(_ codingPath: [any CodingKey]) -> String {
            codingPath.reduce("$") { partial, key in
                if let index = key.intValue { return "\(partial)[\(index)]" }
                return "\(partial).\(key.stringValue)"
            }
        }
        switch decodingError {
        case .keyNotFound(let key, let context):
            self.init(path: path(context.codingPath + [key]), reason: "is required")
        case .typeMismatch(let type, let context):
            self.init(path: path(context.codingPath), reason: "must be \(Self.describe(type))")
        case .valueNotFound(let type, let context):
            self.init(path: path(context.codingPath), reason: "must be \(Self.describe(type)), not null")
        case .dataCorrupted(let context):
            let reason = context.codingPath.isEmpty ? "not valid JSON" : context.debugDescription
            self.init(path: path(context.codingPath), reason: reason)
        @unknown default:
            self.init(path: "$", reason: "cannot be read")
        }
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Int.Type: "a whole number"
        case is Bool.Type: "true or false"
        case is [Any].Type: "an array"
        default: "an object"
        }
    }
}
