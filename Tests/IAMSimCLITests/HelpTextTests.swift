import ArgumentParser
import Testing

@testable import IAMSimCLI

/// Every command's help, as `iamsim help COMMAND` prints it.
@Suite("Help texts")
struct HelpTextTests {
    /// Every command under `root`, depth first, with its path (`accounts create`).
    static func commands(under root: any ParsableCommand.Type, path: [String] = []) -> [(String, any ParsableCommand.Type)] {
        let configuration = root.configuration
        let children = configuration.subcommands + configuration.groupedSubcommands.flatMap(\.subcommands)
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
