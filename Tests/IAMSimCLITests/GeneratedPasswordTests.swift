import Foundation
import IAMSimCore
import IAMSimTestSupport
import Testing

/// `accounts create` stores the passwords it generates with the fast scheme (a class of 1,000 in
/// seconds); trainees sign in with them; passwords people choose keep the slow KDF.
@Suite("End to end: handed-out passwords")
struct GeneratedPasswordTests {
    func sql(_ h: InProcessHarness, _ query: String) throws -> String {
        try h.sql(query)
    }

    @Test("a handed-out password signs in, and is stored as hmac-sha256; a chosen one as PBKDF2")
    func handedOut() throws {
        // The binary's password hash cost: the test reads it back from the stored hashes.
        let h = try InProcessHarness(hasher: PasswordHasher())
        let file = h.folder.appendingPathComponent("class.csv").path
        var r = try h.run([
            "accounts", "create", "--count", "2", "--email", "t{n}@class.example", "--alias-prefix", "room-",
            "--credentials-file", file,
        ])
        #expect(r.status == 0, "\(r.stderr)")
        // A fixture with users whose passwords people chose.
        let messy = ClassroomEndToEndTests.fixtures.appendingPathComponent("messy-account.json").path
        r = try h.run([
            "accounts", "create", "--fixture", messy, "--email", "m@class.example", "--alias-prefix", "messy-",
        ])
        #expect(r.status == 0, "\(r.stderr)")
        let rows = try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n").dropFirst().map {
            $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
        #expect(rows.count == 2)
        #expect(rows.allSatisfy { $0[3].count == 24 })

        let roots = try sql(h, "SELECT rootPasswordHash FROM account ORDER BY rowid").split(separator: "\n")
        #expect(roots.count == 3)
        #expect(roots.allSatisfy { $0.hasPrefix("hmac-sha256$") && $0.split(separator: "$").count == 3 })
        // The fixture's users' passwords were chosen by people: the slow KDF at full cost.
        let users = try sql(h, "SELECT passwordHash FROM loginProfile").split(separator: "\n")
        #expect(!users.isEmpty)
        #expect(users.allSatisfy { $0.hasPrefix("pbkdf2-sha512$210000$") })

        for row in rows {
            r = try h.run(
                ["signin", "--email", row[2], "--password-stdin"], stdin: row[3],
                environment: ["IAMSIM_ACCOUNT": row[1]])
            #expect(r.status == 0, "\(r.stderr)")
            r = try h.run(
                ["signin", "--email", row[2], "--password-stdin"], stdin: row[3] + "x",
                environment: ["IAMSIM_ACCOUNT": row[1]])
            #expect(r.status == 254)
        }

        // A password the trainee then chooses (an IAM user's, set by the trainee) gets the slow KDF.
        r = try h.run(["users", "create", "newbie"], environment: ["IAMSIM_ACCOUNT": rows[0][1]])
        #expect(r.status == 0, "\(r.stderr)")
        r = try h.run(
            ["login-profile", "create", "newbie", "--password-stdin"], stdin: "Chosen-by-me-2026!",
            environment: ["IAMSIM_ACCOUNT": rows[0][1]])
        #expect(r.status == 0, "\(r.stderr)")
        let chosen = try sql(
            h, "SELECT p.passwordHash FROM loginProfile p JOIN iamUser u ON u.id = p.userId WHERE u.userName = 'newbie'"
        )
        #expect(chosen.hasPrefix("pbkdf2-sha512$210000$"))

        // A reset keeps the handed-out password working.
        r = try h.run(["reset", "--all"])
        #expect(r.status == 0, "\(r.stderr)")
        r = try h.run(
            ["signin", "--email", rows[1][2], "--password-stdin"], stdin: rows[1][3],
            environment: ["IAMSIM_ACCOUNT": rows[1][1]])
        #expect(r.status == 0, "\(r.stderr)")
    }
}
