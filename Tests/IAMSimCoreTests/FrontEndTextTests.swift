import Foundation
import Testing

/// No front end's words below the front ends (issue 10, requirement 4): the lower layers' string
/// literals hold no `iamsim …` command line and no command-line option; fixes are `Remedy`
/// values and error cases that each front end renders.
@Suite("No command lines in Core, the database, the store, the devices or the application layer")
struct FrontEndTextTests {
    static let targets = ["IAMSimCore", "IAMSimDatabase", "IAMSimStore", "IAMSimDevices", "IAMSimApp"]

    /// `iamsim` followed by one of its commands, or an option such as `--db`, inside quotes.
    static let pattern =
        #""[^"\n]*(iamsim (signin|signout|whoami|dashboard|access-keys|mfa|change-password|users|login-profile|groups|password-policy|authenticator|hardware-tokens|audit|credential-report|events|lesson|demo|accounts|reset|class|export|fixture|init|clock)\b|(^|[ (])--[a-z])"#

    static var sources: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
            .appendingPathComponent("Sources")
    }

    @Test("no string literal of the lower layers spells a CLI command or option", arguments: targets)
    func noCommandLines(target: String) throws {
        let commandLine = try Regex(Self.pattern)
        let folder = Self.sources.appendingPathComponent(target)
        let files = try #require(FileManager.default.enumerator(atPath: folder.path)).compactMap { $0 as? String }
            .filter { $0.hasSuffix(".swift") }
        #expect(!files.isEmpty)
        for file in files {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let code = line.trimmingCharacters(in: .whitespaces)
                guard !code.hasPrefix("//") else { continue }
                #expect(line.firstMatch(of: commandLine) == nil, "\(target)/\(file):\(number + 1): \(code)")
            }
        }
    }
}
