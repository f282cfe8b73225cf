import ArgumentParser
import Foundation
import IAMSimTestSupport
import Testing

@testable import IAMSimCLI

/// Every command's help, as `iamsim help COMMAND` prints it.
@Suite("Help texts")
struct HelpTextTests {
    /// Where the golden help texts are: `Snapshots/help/iamsim-access-keys-list.txt` for
    /// `iamsim access-keys list --help`. Re-record with `IAMSIM_RECORD_SNAPSHOTS=1`, then review.
    static let goldens = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
        "Snapshots/help")

    /// The golden file's name (without `.txt`) for a command's path (`accounts create`).
    static func goldenName(_ path: String) -> String {
        path == "iamsim" ? "iamsim" : "iamsim-" + path.replacingOccurrences(of: " ", with: "-")
    }

    @Test(
        "every command's --help is its golden text, as the binary prints it",
        arguments: commands(under: IAMSimCommand.self).map(\.0))
    func golden(path: String) throws {
        let words = path == "iamsim" ? [] : path.split(separator: " ").map(String.init)
        let r = try InProcessHarness().runWithoutDatabaseOption(words + ["--help"])
        #expect(r.status == 0)
        #expect(r.stderr == "")
        try assertSnapshot(r.stdout, named: "help/" + Self.goldenName(path))
    }

    @Test("every command has a golden help text, every leaf command included, and no golden is left over")
    func everyCommandHasAGolden() throws {
        let names = Set(Self.commands(under: IAMSimCommand.self).map { Self.goldenName($0.0) })
        let leaves = SecretLeakTests.leafCommands().map { Self.goldenName($0) }
        #expect(leaves.allSatisfy(names.contains))
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.goldens.path)
            .filter { $0.hasSuffix(".txt") }.map { String($0.dropLast(4)) }
        #expect(names.subtracting(files).sorted() == [], "commands without a golden help text")
        #expect(Set(files).subtracting(names).sorted() == [], "golden help texts of no command")
    }

    /// Every command under `root`, depth first, with its path (`accounts create`).
    static func commands(under root: any ParsableCommand.Type, path: [String] = []) -> [(
        String, any ParsableCommand.Type
    )] {
        let configuration = root.configuration
        // `subcommands` lists the grouped ones too.
        let children = configuration.subcommands
        let name = path.joined(separator: " ")
        return [(name.isEmpty ? "iamsim" : name, root)]
            + children.flatMap { child in
                commands(under: child, path: path + [child.configuration.commandName ?? child._commandName])
            }
    }

    @Test("the command tree is walked whole")
    func everyCommand() {
        let names = Self.commands(under: IAMSimCommand.self).map(\.0)
        #expect(names.contains("accounts create"))
        #expect(names.contains("reset"))
        #expect(names.contains("clock advance"))
        #expect(names.count > 50)
    }

    @Test("no help line ends with a backslash: discussions continue their lines with a single \\")
    func noStrayBackslashes() {
        for (name, command) in Self.commands(under: IAMSimCommand.self) {
            for columns in [80, 200] {
                let help = IAMSimCommand.helpMessage(for: command, columns: columns)
                let bad = help.split(separator: "\n", omittingEmptySubsequences: false).filter { $0.hasSuffix("\\") }
                #expect(bad.isEmpty, "iamsim \(name) --help (\(columns) columns): \(bad)")
            }
        }
    }
}
