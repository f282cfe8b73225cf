import ArgumentParser
import Foundation
import IAMSimTestSupport
import Testing

@testable import IAMSimCLI

/// The entry point's quick parse (`IAMSimCommand.launch`): it must yield iamsim's own commands,
/// and leave everything ArgumentParser prints itself to the full parse, unchanged.
@Suite("Launching a command line")
struct LaunchTests {
    @Test("a command line naming a command parses quickly into that command, options included")
    func commandsParse() throws {
        let parsed = IAMSimCommand.fastParse([
            "access-keys", "deactivate", "AKIAIOSFODNN7EXAMPLE", "--db", "/tmp/x.sqlite",
        ])
        let command = try #require(parsed as? AccessKeyCommands.Deactivate)
        #expect(command.accessKeyID == "AKIAIOSFODNN7EXAMPLE")
        #expect(command.global.db == "/tmp/x.sqlite")
    }

    @Test(
        "help, version, completion scripts and usage errors go to the full parse",
        arguments: [
            [], ["--help"], ["-h"], ["help"], ["help", "mfa"], ["--version"], ["access-keys", "list", "--help"],
            ["frobnicate"], ["--generate-completion-script", "bash"], ["--generate-completion-script=zsh"],
            ["events", "--limit", "0"], ["mfa", "activate"], ["access-keys", "list", "--output", "yaml"],
        ])
    func othersFallBack(arguments: [String]) {
        #expect(IAMSimCommand.fastParse(arguments) == nil)
    }

    @Test("what the binary prints for help, groups and completion is ArgumentParser's own, for the real root")
    func printedTextIsUnchanged() throws {
        // The binary: the subject is its entry point (`launch`), which only a process runs.
        let harness = try BinaryHarness()
        let help = try harness.runWithoutDatabaseOption(["--help"])
        #expect(help.stdout == IAMSimCommand.helpMessage(columns: 80) + "\n")
        #expect(help.status == 0)

        let subcommandHelp = try harness.runWithoutDatabaseOption(["help", "mfa"])
        #expect(subcommandHelp.stdout == IAMSimCommand.helpMessage(for: MFACommands.self, columns: 80) + "\n")

        // A group alone parses quickly, then prints its help through the real root, naming the
        // tool once ("iamsim access-keys").
        let group = try harness.runWithoutDatabaseOption(["access-keys"])
        #expect(group.stdout == IAMSimCommand.helpMessage(for: AccessKeyCommands.self, columns: 80) + "\n")
        #expect(group.stdout.contains("USAGE: iamsim access-keys <subcommand>"))

        let version = try harness.runWithoutDatabaseOption(["--version"])
        #expect(version == BinaryHarness.Result(stdout: IAMSimCommand.version + "\n", stderr: "", status: 0))

        let completion = try harness.runWithoutDatabaseOption(["--generate-completion-script", "bash"])
        #expect(completion.stdout == IAMSimCommand.completionScript(for: .bash) + "\n")
    }
}
