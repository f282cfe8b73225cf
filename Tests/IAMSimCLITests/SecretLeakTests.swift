import ArgumentParser
import Foundation
import IAMSimTestSupport
import Testing

@testable import IAMSimCLI

/// No output ever shows a seed or a secret access key, except where AWS shows one (issue 9,
/// item 7): every command, in text, JSON and CSV, run over each shipped fixture.
///
/// The exceptions, and why:
/// - `mfa assign` is `CreateVirtualMFADevice`: its QR code, its URI, `--show-secret` and its JSON
///   `Base32StringSeed` show the new device's seed, as AWS does, once.
/// - `access-keys create` is `CreateAccessKey`: its answer is the only one with the secret.
/// - `lesson`, while a virtual device awaits activation, repeats that device's URI at "Add the
///   account to your authenticator app", as the console's Assign MFA wizard keeps its QR code on
///   screen until "Add MFA". Never the seed of an active device, of a hardware token, or of any
///   device a fixture brought.
/// - `export` writes the account's whole state as a fixture, secrets included, as the database
///   file holds them: it is the simulator's backup (`--file` writes it with mode 0600), not an
///   answer of AWS.
@Suite("No output leaks a seed or a secret key")
struct SecretLeakTests {
    static let fixturesFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let start: Int64 = 1_767_605_405  // 2026-01-05T09:30:05Z

    static let shippedFixtures: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: fixturesFolder.path)) ?? []
        return names.filter { $0.hasSuffix(".json") && $0 != "fixture.schema.json" }.sorted()
    }()

    /// What a step's output may show.
    enum Allowance {
        /// Nothing secret.
        case none
        /// Secrets the step itself creates (CreateVirtualMFADevice, CreateAccessKey).
        case created
        /// The seeds of virtual devices this run created that still await activation.
        case pendingDevices
        /// Everything: `export`.
        case wholeState
    }

    /// The secrets a run knows, and those it may see where AWS shows them.
    final class Secrets {
        /// Never to be shown: the fixture's, and every device once active.
        var strict: Set<String> = []
        /// Seeds of virtual devices created by this run, still awaiting activation.
        var pending: Set<String> = []
        /// Secrets learned after the outputs that could show them (a new classroom account's).
        var late: Set<String> = []
        /// Of `late`, the secret of root's first active access key (the one to sign requests
        /// with): `accounts create` shows it once, as AWS shows a new key's secret once.
        var lateShownAtCreation: Set<String> = []

        func forms(_ secret: String) -> [String] {
            [secret.uppercased(), Data(secret.utf8).base64EncodedString()]
        }

        /// The secrets `output` shows that `allowance` does not allow.
        func leaks(in output: String, allowance: Allowance) -> [String] {
            if case .wholeState = allowance { return [] }
            // A step's own new secret is learned only after its output is checked.
            return find(strict.union(allowance == .pendingDevices ? [] : pending), in: output)
        }

        func find(_ candidates: Set<String>, in output: String) -> [String] {
            let upper = output.uppercased()
            return candidates.filter { secret in
                forms(secret).contains { form in
                    form == form.uppercased() ? upper.contains(form) : output.contains(form)
                }
            }.sorted()
        }
    }

    /// Every `SecretAccessKey` and `Base32StringSeed` value in a fixture's JSON.
    static func secrets(in value: Any) -> [String] {
        if let object = value as? [String: Any] {
            return object.flatMap { key, inner -> [String] in
                if ["SecretAccessKey", "Base32StringSeed"].contains(key), let text = inner as? String { return [text] }
                return secrets(in: inner)
            }
        }
        if let array = value as? [Any] { return array.flatMap { secrets(in: $0) } }
        return []
    }

    /// The fixture with every password replaced by a cheap hash of `TestValues.password`, so
    /// sign-ins are fast in a debug build; everything else as shipped.
    static func cheapPasswords(_ value: Any) -> Any {
        if var object = value as? [String: Any] {
            if object["Password"] != nil {
                object["Password"] = nil
                object["PasswordHash"] = TestValues.cheapHash
            }
            return object.mapValues(cheapPasswords)
        }
        if let array = value as? [Any] { return array.map(cheapPasswords) }
        return value
    }

    /// A command line, and what its output may show.
    struct Run {
        var arguments: [String]
        var stdin: String?
        var allowance: Allowance = .none
        /// Run again with `--output json` and `--output csv`.
        var allFormats = false
        /// The command uses a scratch database of its own (`demo`): no `--db`, and the built
        /// binary, since it narrates on the terminal itself.
        var ownDatabase = false
    }

    /// Every leaf command of iamsim, as the words that name it (`mfa list-virtual`).
    static func leafCommands(_ command: any ParsableCommand.Type = IAMSimCommand.self, prefix: [String] = []) -> Set<
        String
    > {
        let configuration = command.configuration
        if configuration.subcommands.isEmpty { return [prefix.joined(separator: " ")] }
        return configuration.subcommands.reduce(into: Set<String>()) { leaves, sub in
            let name = sub.configuration.commandName ?? String(describing: sub).lowercased()
            leaves.formUnion(leafCommands(sub, prefix: prefix + [name]))
        }
    }

    /// The leaf command a command line runs.
    static func commandPath(_ arguments: [String]) -> String {
        let leaves = leafCommands()
        var words: [String] = []
        for word in arguments where !word.hasPrefix("-") {
            let candidate = (words + [word]).joined(separator: " ")
            if leaves.contains(candidate) || leaves.contains(where: { $0.hasPrefix(candidate + " ") }) {
                words.append(word)
            } else {
                break
            }
        }
        let path = words.joined(separator: " ")
        // `lesson` alone is `lesson next`, `class` is `class report`, `password-policy` is `… show`.
        if !leaves.contains(path),
            let only = leaves.first(where: {
                $0.hasPrefix(path + " ") && ["next", "report", "show"].contains($0.split(separator: " ").last!)
            })
        {
            return only
        }
        return path
    }

    @Test("the leak test runs every command iamsim has")
    func coversEveryCommand() throws {
        let covered = Set(Self.script(Script.Context.sample).map { Self.commandPath($0.arguments) })
        // `serve` starts the Query API server, a process of its own; its answers are checked
        // for seeds and secrets by IAMSimServerTests.
        let exempt: Set = ["serve"]
        #expect(Self.leafCommands().subtracting(covered).subtracting(exempt).sorted() == [])
    }

    @Test("no command's output shows a seed or a secret key except where AWS shows it", arguments: shippedFixtures)
    func noLeaks(fixtureName: String) throws {
        let h = try InProcessHarness()
        let json = try JSONSerialization.jsonObject(
            with: try Data(contentsOf: Self.fixturesFolder.appendingPathComponent(fixtureName)))
        let copy = h.folder.appendingPathComponent(fixtureName).path
        try JSONSerialization.data(withJSONObject: Self.cheapPasswords(json), options: [.prettyPrinted, .sortedKeys])
            .write(to: URL(fileURLWithPath: copy))
        let account = try #require((json as? [String: Any])?["Account"] as? [String: Any])
        let root = try #require(account["Root"] as? [String: Any])
        let rootSeed =
            (root["MFADevices"] as? [[String: Any]])?.first { $0["EnableDate"] != nil }?["Base32StringSeed"] as? String
        let users = ((account["Users"] as? [[String: Any]]) ?? []).compactMap { $0["UserName"] as? String }
        let secrets = Secrets()
        secrets.strict = Set(Self.secrets(in: json))

        var context = Script.Context(
            fixture: copy, accountID: try #require(account["AccountId"] as? String),
            rootEmail: try #require(root["Email"] as? String),
            rootSeed: rootSeed, users: users, folder: h.folder.path, runsDemo: fixtureName == "root-mfa-lesson.json")
        #expect(try h.run(["init", "--fixture", copy]).status == 0)
        try h.run(["clock", "set", "2026-01-05T09:30:05Z"])

        var failures: [String] = []
        var outputs: [(command: String, output: String)] = []
        for step in Self.script(context) {
            let formats: [[String]] = step.allFormats ? [[], ["--output", "json"], ["--output", "csv"]] : [[]]
            for format in formats {
                let arguments = try context.resolve(step.arguments) + format
                let stdin = try step.stdin.map(context.resolve)
                let r =
                    try step.ownDatabase
                    ? BinaryHarness().runWithoutDatabaseOption(arguments) : h.run(arguments, stdin: stdin)
                let command = "iamsim \(arguments.joined(separator: " "))"
                let output = r.stdout + r.stderr
                let leaks = secrets.leaks(in: output, allowance: step.allowance)
                if !leaks.isEmpty { failures.append("\(command) shows \(leaks)") }
                if step.allowance != .wholeState { outputs.append((command, output)) }
                // The run must really do what it says: every change succeeds (reads may find nothing).
                if !step.allFormats, r.status != 0 { failures.append("\(command) exited \(r.status): \(r.stderr)") }
                try context.learn(from: arguments, output: r.stdout, secrets: secrets)
            }
        }
        // The run saw the secrets it created (so the search finds what it looks for).
        #expect(context.seeds.count == 5)
        #expect(context.keys.count == 2)
        // A new classroom account's secrets, learned from its export, appear in no earlier output
        // but one: root's secret access key, shown once by the `accounts create` that made it.
        #expect(!secrets.late.isEmpty)
        var shownAtCreation = 0
        for (command, output) in outputs {
            let creates = command.hasPrefix("iamsim accounts create")
            if creates { shownAtCreation += secrets.find(secrets.lateShownAtCreation, in: output).count }
            let leaks = secrets.find(
                creates ? secrets.late.subtracting(secrets.lateShownAtCreation) : secrets.late, in: output)
            if !leaks.isEmpty { failures.append("\(command) shows \(leaks)") }
        }
        #expect(shownAtCreation == secrets.lateShownAtCreation.count)
        #expect(failures == [])
    }
}

/// The commands of a leak run, in order, with the values they need filled in as the run learns
/// them (`{code}`, `{seed:NAME}`, `{key}`…).
enum Script {
    struct Context {
        var fixture: String
        var accountID: String
        var rootEmail: String
        var rootSeed: String?
        var users: [String]
        var folder: String
        var runsDemo: Bool
        /// The simulated time, in Unix seconds.
        var now: Int64 = SecretLeakTests.start
        /// Seeds of devices this run created, by device name.
        var seeds: [String: String] = [:]
        /// Access keys this run created.
        var keys: [(id: String, secret: String)] = []
        /// The URI of a device this run created, for `authenticator add`.
        var uri: String?

        static let sample = Context(
            fixture: "f.json", accountID: "123456789012", rootEmail: "e", rootSeed: "S", users: ["u"], folder: "/tmp",
            runsDemo: true)

        func code(_ seed: String, offset: Int64 = 0) -> String {
            IndependentTOTP.code(base32: seed, unixTime: now + offset * 30)
        }

        /// `words` with each `{placeholder}` replaced.
        func resolve(_ words: [String]) throws -> [String] { try words.map(resolve) }

        func resolve(_ word: String) throws -> String {
            var text = word
            let replacements: [String: String?] = [
                "{root-code}": rootSeed.map { code($0) }, "{png}": folder + "/qr.png",
                "{uri}": uri, "{key}": keys.last?.id, "{key-secret}": keys.last?.secret, "{key0}": keys.first?.id,
                "{code1:leak-phone}": seeds["leak-phone"].map { code($0, offset: -1) },
                "{code2:leak-phone}": seeds["leak-phone"].map { code($0) },
            ]
            for (placeholder, value) in replacements where text.contains(placeholder) {
                text = text.replacingOccurrences(of: placeholder, with: value ?? "MISSING")
            }
            return text
        }

        /// Learns from a command's output what later commands need: the clock, created seeds and keys.
        mutating func learn(from arguments: [String], output: String, secrets: SecretLeakTests.Secrets) throws {
            if arguments.starts(with: ["clock", "advance"]) { now += 30 }
            if arguments.starts(with: ["mfa", "assign"]), let name = arguments.dropFirst(2).first {
                var seed: String?
                if let json = try? JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any],
                    let blob = (json["VirtualMFADevice"] as? [String: Any])?["Base32StringSeed"] as? String,
                    let data = Data(base64Encoded: blob)
                {
                    seed = String(decoding: data, as: UTF8.self)
                } else if let match = output.firstMatch(of: /([A-Z2-7]{64})/) {
                    seed = String(match.1)
                }
                if let seed {
                    seeds[name] = seed
                    secrets.pending.insert(seed)
                }
                if let match = output.firstMatch(of: /'(otpauth:\/\/[^']+)'/) { uri = String(match.1) }
            }
            if arguments.starts(with: ["export", "--account"]),
                let json = try? JSONSerialization.jsonObject(with: Data(output.utf8))
            {
                secrets.late.formUnion(SecretLeakTests.secrets(in: json))
                let root = ((json as? [String: Any])?["Account"] as? [String: Any])?["Root"] as? [String: Any]
                let keys = root?["AccessKeys"] as? [[String: Any]] ?? []
                if let active = keys.first(where: { ($0["Status"] as? String ?? "Active") == "Active" }) {
                    secrets.lateShownAtCreation.formUnion(SecretLeakTests.secrets(in: active))
                }
            }
            if arguments.starts(with: ["mfa", "activate"]), let name = arguments.dropFirst(2).first,
                let seed = seeds[name]
            {
                secrets.pending.remove(seed)
                secrets.strict.insert(seed)
            }
            if arguments.starts(with: ["access-keys", "create"]) {
                let id = output.firstMatch(of: /(AKIA[A-Z0-9]{16})/).map { String($0.1) }
                let secret =
                    (try? JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any]).flatMap {
                        ($0["AccessKey"] as? [String: Any])?["SecretAccessKey"] as? String
                    } ?? output.firstMatch(of: /Secret access key: (\S+)/).map { String($0.1) }
                if let id, let secret {
                    keys.append((id, secret))
                    secrets.strict.insert(secret)
                }
            }
        }
    }
}

extension SecretLeakTests {
    /// The run: reads in every format before and after each kind of change, as root and as an
    /// IAM user, then the classroom commands.
    static func script(_ c: Script.Context) -> [Run] {
        func read(_ arguments: String...) -> Run { Run(arguments: arguments, allFormats: true) }
        func write(_ arguments: String..., stdin: String? = nil, allowance: Allowance = .none) -> Run {
            Run(arguments: arguments, stdin: stdin, allowance: allowance)
        }
        let password = TestValues.password + "\n"
        var rootSignIn = ["signin", "--email", c.rootEmail, "--password-stdin"]
        if c.rootSeed != nil { rootSignIn += ["--mfa-code", "{root-code}"] }
        let reads: [Run] = [
            read("whoami"), read("dashboard"), read("access-keys", "list"), read("mfa", "list"),
            read("mfa", "list-virtual"),
            read("users", "list"), read("groups", "list"), read("password-policy", "show"), read("audit"),
            read("credential-report", "generate"), read("credential-report", "get"), read("events"),
            read("authenticator", "list"), read("authenticator", "codes"), read("hardware-tokens"), read("lesson"),
            read("lesson", "status"), read("class", "report"), read("accounts", "list"), read("clock", "show"),
        ]
        var runs: [Run] = [
            // A fresh account, before anyone signs in (the hardware-token fixture's case).
            read("lesson", "status"), read("lesson"), read("hardware-tokens"), read("fixture", "validate", c.fixture),
            Run(arguments: rootSignIn, stdin: password), write("clock", "advance", "30s"),
        ]
        runs += reads
        for user in c.users {
            runs += [
                read("users", "get", user), read("login-profile", "get", user), read("groups", "list-for-user", user),
                read("mfa", "list", "--user", user), read("access-keys", "list", "--user", user),
            ]
        }
        runs += [
            // Access keys: the secret shows once, at creation.
            write("users", "create", "leak-user"),
            write("access-keys", "create", "--user", "leak-user", "--output", "json", allowance: .created),
            write("access-keys", "create", "--user", "leak-user", allowance: .created),
            write("access-keys", "use", "{key}", "--secret-stdin", stdin: "{key-secret}\n"),
            write("access-keys", "deactivate", "{key}", "--user", "leak-user"),
            write("access-keys", "activate", "{key}", "--user", "leak-user"),
            read("access-keys", "list", "--user", "leak-user"),
            // Virtual devices: the seed shows at creation, and in the lesson while it awaits activation.
            write("mfa", "assign", "leak-phone", "--output", "json", allowance: .created),
            write("mfa", "assign", "leak-phone2", allowance: .created),
            write("mfa", "assign", "leak-phone3", "--show-secret", allowance: .created),
            write("mfa", "assign", "leak-png", "--qr-png", "{png}", allowance: .created),
            Run(arguments: ["lesson"], allowance: .pendingDevices, allFormats: true),
            Run(arguments: ["lesson", "status"], allowance: .pendingDevices, allFormats: true),
            write("authenticator", "add", "--uri", "{uri}"),
            write("authenticator", "scan", "{png}", "--label", "scanned"),
            write("mfa", "activate", "leak-phone", "--code1", "{code1:leak-phone}", "--code2", "{code2:leak-phone}"),
            read("mfa", "get", "leak-phone"),
        ]
        runs += reads
        runs += [
            write("clock", "advance", "30s"), write("clock", "advance", "30s"),
            write("mfa", "resync", "leak-phone", "--code1", "{code1:leak-phone}", "--code2", "{code2:leak-phone}"),
            write("mfa", "remove", "leak-phone"), write("mfa", "remove", "leak-phone3"),
            write("authenticator", "remove", "scanned"),
            // Identities, and an IAM user's own view.
            write("login-profile", "create", "leak-user", "--password-stdin", stdin: "Leak-User-Password-1\n"),
            write("login-profile", "update", "leak-user", "--password-stdin", stdin: "Leak-User-Password-2\n"),
            write("groups", "create", "leak-group"), write("groups", "add-user", "leak-group", "leak-user"),
            read("groups", "list-for-user", "leak-user"), write("groups", "remove-user", "leak-group", "leak-user"),
            write("groups", "delete", "leak-group"),
            write(
                "password-policy", "update", "--minimum-password-length", "8", "--allow-users-to-change-password"),
            write("signout"),
            write(
                "signin", "--account", c.accountID, "--user", "leak-user", "--password-stdin",
                stdin: "Leak-User-Password-2\n"),
            read("whoami"), read("mfa", "list"), read("mfa", "list-virtual"), read("access-keys", "list"),
            write("change-password", "--password-stdin", stdin: "Leak-User-Password-2\nLeak-User-Password-3\n"),
            write("mfa", "assign", "leak-user", allowance: .created), write("mfa", "remove", "leak-user"),
            read("lesson", "status"), write("signout"), write("clock", "advance", "30s"),
            Run(arguments: rootSignIn, stdin: password),
            write("login-profile", "delete", "leak-user"),
            write("access-keys", "delete", "{key}", "--user", "leak-user"),
            write("access-keys", "delete", "{key0}", "--user", "leak-user"),
            write("users", "update", "leak-user", "--new-path", "/leak/"),
            write("users", "update", "leak-user", "--new-user-name", "leak-user2"),
            write("users", "update", "leak-user2", "--new-user-name", "leak-user", "--new-path", "/"),
            write("users", "delete", "leak-user"),
            write("password-policy", "delete"),
            Run(arguments: ["export"], allowance: .wholeState),
            // The classroom: a new account's fresh secrets never show either (its export tells them).
            write(
                "accounts", "create", "--fixture", c.fixture, "--email", "leak{n}@class.example", "--alias-prefix",
                "leak"),
            Run(arguments: ["export", "--account", "leak1"], allowance: .wholeState),
            read("accounts", "list"), read("class", "report"),
            write("reset", "--account", "leak1"), write("accounts", "delete", "leak1"),
            write("lesson", "reset"), read("lesson", "status"),
            write("init", "--fixture", c.fixture, "--force"),
            write("clock", "set", "2026-01-05T10:00:00Z"), write("clock", "real"), read("clock", "show"),
        ]
        if c.runsDemo { runs.append(Run(arguments: ["demo"], allowance: .created, ownDatabase: true)) }
        return runs
    }
}
