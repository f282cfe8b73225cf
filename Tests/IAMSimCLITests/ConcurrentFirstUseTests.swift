import Foundation
import IAMSimTestSupport
import Testing

/// docs/classroom.md promises that the first use of a database is race-free: a class of
/// trainees may all type their first command at once on a file that does not exist yet.
/// The built binary, several processes at once: what they race for is creating, migrating and
/// seeding one file, which only separate processes on a real file can show.
@Suite("End to end: concurrent first use")
struct ConcurrentFirstUseTests {
    /// Commands a trainee may type first, each opening (and, first, creating) the database.
    static let firstCommands: [[String]] = [
        ["accounts", "list"], ["events"], ["clock", "advance", "1s"], ["authenticator", "codes"],
        ["hardware-tokens"], ["audit"], ["whoami"], ["lesson", "status"],
    ]

    @Test("8 processes opening one new database at once all succeed, and the fixture loads once (5 rounds)")
    func eightAtOnce() throws {
        for round in 1...5 {
            let h = try BinaryHarness()
            let results = Results()
            let group = DispatchGroup()
            for arguments in Self.firstCommands {
                group.enter()
                DispatchQueue.global().async {
                    defer { group.leave() }
                    do {
                        results.add(arguments, try h.run(arguments))
                    } catch {
                        results.add(arguments, BinaryHarness.Result(stdout: "", stderr: "\(error)", status: -1))
                    }
                }
            }
            group.wait()
            let all = results.all
            // `whoami` answers "not signed in" (254); every other command succeeds. None may
            // see the database fail.
            for (arguments, result) in all {
                let expected: Int32 = arguments == ["whoami"] ? 254 : 0
                #expect(result.status == expected, "round \(round), \(arguments): \(result.stderr)")
                #expect(
                    !result.stderr.contains("Cannot use the database"), "round \(round), \(arguments): \(result.stderr)"
                )
            }
            let created = all.filter { $0.1.stderr.contains("iamsim: created \(h.database) from the built-in fixture") }
            #expect(created.count == 1, "round \(round)")
            let loads = try BinaryHarness.tool(
                "/usr/bin/sqlite3",
                [
                    h.database,
                    "SELECT count(*) FROM event WHERE eventName = 'LoadFixture'; SELECT count(*) FROM account;",
                ])
            #expect(loads.stdout == "1\n1\n", "round \(round)")
        }
    }
}

/// Results collected from several threads.
private final class Results: @unchecked Sendable {
    private var results: [([String], BinaryHarness.Result)] = []
    private let lock = NSLock()

    func add(_ arguments: [String], _ result: BinaryHarness.Result) {
        lock.lock()
        results.append((arguments, result))
        lock.unlock()
    }

    var all: [([String], BinaryHarness.Result)] {
        lock.lock()
        defer { lock.unlock() }
        return results
    }
}
