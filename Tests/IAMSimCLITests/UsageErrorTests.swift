import ArgumentParser
import Foundation
import GRDB
import IAMSimCore
import IAMSimQR
import IAMSimStore
import Testing

@testable import IAMSimCLI

/// Usage errors are usage errors: every error type iamsim can throw has its exit code, and what
/// the command line says wrong (a bad duration or time, an empty path) is exit 64 before any
/// command runs.
@Suite("Usage errors and the error → exit code mapping")
struct UsageErrorTests {
    @Test("the clock stops at the last second the database keeps; advancing past it is refused and changes nothing")
    func clockUpperBound() throws {
        let h = try BinaryHarness()
        try h.run(["init", "--fixture", try h.writeFastFixture()])
        var r = try h.run(["clock", "set", "9999-12-31T23:59:59Z"])
        #expect(r.status == 0, "\(r.stderr)")
        r = try h.run(["clock", "advance", "1s"])
        #expect(r.status == 254)
        #expect(
            r.stderr
                == "An error occurred (ValidationError) when calling the AdvanceClock operation: The clock cannot go to 10000-01-01T00:00:00+00:00: iamsim keeps times from 1970-01-01T00:00:00Z to 9999-12-31T23:59:59Z.\n"
        )
        r = try h.run(["clock", "show", "--output", "json"])
        #expect(r.stdout.contains("\"Time\": \"9999-12-31T23:59:59+00:00\""))
        #expect(r.stdout.contains("\"Mode\": \"simulated\""))
    }

    @Test("a time without a zone is UTC, to the second, as clock show reads it back")
    func zonelessTimeIsUTC() throws {
        let h = try BinaryHarness()
        try h.run(["init", "--fixture", try h.writeFastFixture()])
        let r = try h.run(["clock", "set", "2026-01-05T09:00:07"])
        #expect(r.stdout.hasPrefix("2026-01-05 09:00:07 UTC (simulated;"))
    }

    @Test("events --since and --until bound the log at both ends, by time or by age")
    func eventsRange() throws {
        let h = try BinaryHarness()
        try h.run(["init", "--fixture", try h.writeFastFixture()])
        try h.run(["clock", "set", "2026-01-05T09:00:00Z"])
        try h.run(["signin", "--email", BinaryHarness.email, "--password-stdin"], stdin: BinaryHarness.password)
        try h.run(["clock", "advance", "1h"])  // 10:00
        try h.run(["access-keys", "deactivate", "AKIAIOSFODNN7EXAMPLE"])
        try h.run(["clock", "advance", "1h"])  // 11:00
        try h.run(["access-keys", "delete", "AKIAIOSFODNN7EXAMPLE"])
        func names(_ arguments: [String]) throws -> [String] {
            let r = try h.run(["events", "--output", "json"] + arguments)
            #expect(r.status == 0, "\(r.stderr)")
            return try r.stdout.split(separator: "\n").map {
                let object = try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
                return object["eventName"] as? String ?? "?"
            }
        }
        #expect(
            try names(["--since", "2026-01-05T09:30:00Z", "--until", "2026-01-05T10:30:00Z"])
                == ["AdvanceClock", "UpdateAccessKey"])
        #expect(try names(["--since", "2026-01-05T10:30", "--until", "2026-01-05T11:00:00Z"]) == ["AdvanceClock", "DeleteAccessKey"])
        #expect(try names(["--since", "90m", "--until", "30m"]) == ["AdvanceClock", "UpdateAccessKey"])
        #expect(try names(["--since", "2026-01-05T08:00:00Z", "--until", "2026-01-05T09:00:00+01:00"]).isEmpty)
    }
}
