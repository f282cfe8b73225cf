import ArgumentParser
import Foundation
import IAMSimApp
import IAMSimCore
import IAMSimStore

/// `iamsim demo`: the whole lesson, played and narrated.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Play the whole root-MFA lesson on a scratch database, narrating each step.",
        discussion: """
            Uses a scratch database with a simulated clock, so it never touches your own \
            database. Pass --keep PATH to keep the finished database and explore it.
            """)

    @Option(
        help: ArgumentHelp("Keep the finished database at this path (it must not exist yet).", valueName: "path"),
        transform: ArgumentValue.path)
    var keep: String?

    mutating func run() throws {
        let console = Console.live()
        let path: String
        var scratch: String?
        if let keep {
            guard !FileManager.default.fileExists(atPath: keep) else {
                console.printError("iamsim: error: \(keep) already exists; choose a new path for --keep.")
                throw ExitCode(ExitStatus.usage)
            }
            path = keep
        } else {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("iamsim-demo-\(getpid())")
            scratch = folder.path
            path = folder.appendingPathComponent("demo.sqlite").path
        }
        defer {
            if let scratch { try? FileManager.default.removeItem(atPath: scratch) }
        }
        do {
            let player = DemoPlayer(
                lesson: .rootMFA, fixture: try Fixture.builtInDefault(), databasePath: path,
                narrate: { console.print($0) })
            guard try player.play() else { throw ExitCode(ExitStatus.unexpected) }
        } catch {
            let report = ErrorReport.describe(error, operation: .demo)
            if !report.message.isEmpty { console.printError(report.message) }
            throw ExitCode(report.status)
        }
    }
}
