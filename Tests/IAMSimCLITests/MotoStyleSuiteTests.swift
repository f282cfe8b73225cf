import Foundation
import IAMSimTestSupport
import Testing

/// The boto3 suite of Tests/moto-style, written as suites for moto's server mode are (dummy
/// keys, fake MFA codes, `POST /moto-api/reset` before each test), run unchanged against
/// `iamsim serve --compat moto`, and refused by `iamsim serve` in its default, strict mode.
@Suite("End to end: a moto-style boto3 suite against iamsim serve --compat moto", .serialized)
struct MotoStyleSuiteTests {
    static let suiteFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("moto-style").path
    /// How many tests the suite holds: the run must count exactly these.
    static let testCount = 15

    /// Runs the suite with unittest (the standard library's; pytest is not needed) against `server`.
    func runSuite(_ server: ServerHarness) throws -> BinaryHarness.Result {
        let script = """
            import sys, unittest
            suite = unittest.defaultTestLoader.discover(\(String(reflecting: Self.suiteFolder)))
            result = unittest.TextTestRunner(verbosity=2).run(suite)
            sys.exit(0 if result.wasSuccessful() else 1)
            """
        // No __pycache__ written into the source tree.
        return try server.python(script, adding: ["PYTHONDONTWRITEBYTECODE": "1"])
    }

    @Test("every test of the suite passes in moto's mode; the banner and every log line say the mode is on")
    func suitePasses() throws {
        let server = try ServerHarness(arguments: ["--compat", "moto"])
        #expect(server.banner.contains("Compatibility mode moto (--compat moto), not AWS's rules"))
        #expect(server.banner.contains("acts as the root user of account 123456789012, unverified."))
        let result = try runSuite(server)
        let stopped = server.stop()
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("\nRan \(Self.testCount) tests in "), "\(result.stderr)")
        #expect(result.stderr.hasSuffix("\nOK\n"), "\(result.stderr)")
        #expect(stopped.status == 0)
        let lines = stopped.log.split(separator: "\n")
        #expect(lines.count > 100)
        #expect(lines.allSatisfy { $0.contains(" compat=moto ") }, "\(stopped.log)")
        #expect(lines.filter { $0.contains("MotoAPIReset - 200 ") }.count == Self.testCount + 1)
    }

    @Test("in strict mode, the default, the same suite fails at its first reset call: nothing of moto's mode is on")
    func strictModeRefuses() throws {
        let server = try ServerHarness()
        #expect(!server.banner.contains("moto"))
        let result = try runSuite(server)
        let stopped = server.stop()
        #expect(result.status == 1)
        #expect(result.stderr.contains("\nRan \(Self.testCount) tests in "), "\(result.stderr)")
        #expect(result.stderr.contains("FAILED (errors=\(Self.testCount))"), "\(result.stderr)")
        #expect(result.stderr.contains("urllib.error.HTTPError: HTTP Error 400: Bad Request"))
        #expect(!stopped.log.contains("compat="))
    }
}
