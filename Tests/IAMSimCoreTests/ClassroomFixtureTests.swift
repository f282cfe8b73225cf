import Foundation
import Testing

@testable import IAMSimCore

@Suite("Fixtures for classrooms")
struct ClassroomFixtureTests {
    @Test("unknown fields are reported with their paths, together with other problems")
    func unknownFields() {
        let json = """
            {"FormatVersion": 1, "Name": "t", "Colour": "blue", "Account": {"AccountId": "123456789012",
             "Root": {"Email": "a@b.c", "Password": "p", "AccesKeys": []},
             "Users": [{"UserName": "bob", "Pasword": "x"}]}}
            """
        guard case .invalid(let problems) = Fixture.check(Data(json.utf8)) else {
            Issue.record("expected problems")
            return
        }
        #expect(problems.map(\.path) == ["$.Account.Root.AccesKeys", "$.Account.Users[0].Pasword", "$.Colour"])
        #expect(problems[0].reason.hasPrefix("unknown field (expected one of: AccessKeys, Email, MFADevices, Password"))
    }

    @Test("a personalized copy has the trainee's identity and no credential of the original")
    func personalized() throws {
        var fixture = try Fixture.builtInDefault()
        fixture.account.users = [
            .init(
                userName: "bob", userID: "AIDAORIGINAL000000001",
                accessKeys: [
                    .init(accessKeyID: "AKIAORIGINALUSERKEY1", secretAccessKey: String(repeating: "s", count: 40))
                ])
        ]
        fixture.account.root.mfaDevices = [.init(deviceName: "root-mfa", base32StringSeed: "JBSWY3DPEHPK3PXP")]
        fixture.account.hardwareTokens = [.init(serialNumber: "GAHT12345678", base32StringSeed: "JBSWY3DPEHPK3PXP")]
        let secrets = SecretGenerator(random: .seeded(5))
        let trainee = Trainee(
            accountID: AccountID(known: "210000000001"), email: "trainee1@class.example", alias: "class-1",
            password: "Pw-1234-abcd-EFGH")
        let copy = fixture.personalized(for: trainee, secrets: secrets)
        #expect(copy.account.accountID == "210000000001")
        #expect(copy.account.accountAlias == "class-1")
        #expect(copy.account.root.email == "trainee1@class.example")
        #expect(copy.account.root.password == "Pw-1234-abcd-EFGH")
        #expect(copy.account.root.accessKeys?.first?.accessKeyID != "AKIAIOSFODNN7EXAMPLE")
        #expect(
            copy.account.root.accessKeys?.first?.secretAccessKey
                != fixture.account.root.accessKeys?.first?.secretAccessKey)
        #expect(copy.account.root.accessKeys?.first?.status == .active)
        #expect(copy.account.root.mfaDevices?.first?.base32StringSeed.count == 64)
        #expect(copy.account.users?.first?.userName == "bob")
        #expect(copy.account.users?.first?.userID != "AIDAORIGINAL000000001")
        #expect(copy.account.users?.first?.accessKeys?.first?.accessKeyID != "AKIAORIGINALUSERKEY1")
        #expect(copy.account.hardwareTokens?.first?.serialNumber.hasPrefix("GAHT") == true)
        #expect(copy.account.hardwareTokens?.first?.serialNumber != "GAHT12345678")
        #expect(copy.problems().isEmpty)
    }

    @Test("handed-out passwords meet AWS's default policy and CIS's length")
    func passwords() {
        let secrets = SecretGenerator(random: .seeded(11))
        for _ in 0..<50 {
            let password = secrets.consolePassword()
            #expect(password.count == 24)
            #expect(PasswordPolicy.defaultViolations(of: password).isEmpty, "\(password)")
        }
    }

    @Test("email templates number the trainees")
    func emails() {
        #expect(EmailTemplate.email("trainee{n}@class.example", number: 7) == "trainee7@class.example")
    }

    @Test("lesson progress in a fixture names known lessons and steps")
    func lessonProgress() {
        var fixture = Fixture(
            name: "t", account: .init(accountID: "123456789012", root: .init(email: "a@b.c", password: "p")))
        fixture.account.lessonProgress = [
            .init(lessonID: "root-mfa", completedSteps: ["sign-in", "fly"]),
            .init(lessonID: "nope", completedSteps: []),
        ]
        #expect(
            fixture.problems().map(\.description) == [
                "$.Account.LessonProgress[0].CompletedSteps[1]: no step fly in lesson root-mfa",
                "$.Account.LessonProgress[1].LessonId: unknown lesson nope (lessons: root-mfa)",
            ])
    }
}
