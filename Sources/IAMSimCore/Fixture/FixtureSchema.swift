/// The fields a fixture may have, object by object, to catch typos ("AccesKeys") that a
/// decoder would silently ignore. Fixtures/fixture.schema.json says the same for editors.
enum FixtureSchema {
    /// An object's allowed keys, and the shape of the values under each.
    indirect enum Shape: Sendable {
        case object([String: Shape])
        case array(Shape)
        case value
    }

    static let accessKey = Shape.object([
        "AccessKeyId": .value, "SecretAccessKey": .value, "Status": .value, "CreateDate": .value,
        "LastUsedDate": .value, "LastUsedService": .value, "LastUsedRegion": .value,
    ])
    static let mfaDevice = Shape.object([
        "DeviceName": .value, "Type": .value, "SerialNumber": .value, "Base32StringSeed": .value, "EnableDate": .value,
    ])
    static let root = Shape.object([
        "Email": .value, "Password": .value, "PasswordHash": .value, "PasswordLastUsed": .value,
        "AccessKeys": .array(accessKey), "MFADevices": .array(mfaDevice),
    ])
    static let user = Shape.object([
        "UserName": .value, "UserId": .value, "Path": .value, "CreateDate": .value, "PasswordLastUsed": .value,
        "LoginProfile": .object([
            "Password": .value, "PasswordHash": .value, "PasswordResetRequired": .value, "CreateDate": .value,
            "PasswordLastChanged": .value,
        ]),
        "AccessKeys": .array(accessKey), "MFADevices": .array(mfaDevice),
    ])
    static let fixture = Shape.object([
        "$schema": .value, "FormatVersion": .value, "Name": .value, "Description": .value,
        "Account": .object([
            "AccountId": .value, "AccountAlias": .value, "CreateDate": .value, "Root": root, "Users": .array(user),
            "HardwareTokens": .array(.object(["SerialNumber": .value, "Base32StringSeed": .value])),
            "Groups": .array(
                .object([
                    "GroupName": .value, "GroupId": .value, "Path": .value, "CreateDate": .value, "Members": .value,
                ])),
            "PasswordPolicy": .object([
                "MinimumPasswordLength": .value, "RequireSymbols": .value, "RequireNumbers": .value,
                "RequireUppercaseCharacters": .value, "RequireLowercaseCharacters": .value,
                "AllowUsersToChangePassword": .value, "MaxPasswordAge": .value, "PasswordReusePrevention": .value,
                "HardExpiry": .value,
            ]),
            "LessonProgress": .array(.object(["LessonId": .value, "CompletedSteps": .value])),
        ]),
    ])

    /// Every key of `json` that the fixture format does not define, by JSON path.
    static func unknownFields(in json: Any) -> [FixtureProblem] {
        var problems: [FixtureProblem] = []
        walk(json, fixture, path: "$", into: &problems)
        return problems
    }

    private static func walk(_ json: Any, _ shape: Shape, path: String, into problems: inout [FixtureProblem]) {
        switch shape {
        case .value:
            return
        case .array(let element):
            guard let items = json as? [Any] else { return }
            for (index, item) in items.enumerated() { walk(item, element, path: "\(path)[\(index)]", into: &problems) }
        case .object(let fields):
            guard let object = json as? [String: Any] else { return }
            for key in object.keys.sorted() {
                guard let field = fields[key] else {
                    let known = fields.keys.sorted().joined(separator: ", ")
                    problems.append(
                        FixtureProblem(path: "\(path).\(key)", reason: "unknown field (expected one of: \(known))"))
                    continue
                }
                if let value = object[key] { walk(value, field, path: "\(path).\(key)", into: &problems) }
            }
        }
    }
}
