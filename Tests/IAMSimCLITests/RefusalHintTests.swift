import ArgumentParser
import Foundation
import Testing

@testable import IAMSimCLI
@testable import IAMSimCore

/// The hints that explain refused MFA codes (issue 9, item 10), for every reason.
@Suite("Refused MFA codes: the hint says why")
struct RefusalHintTests {
    static let refusals: [CodeRefusal] = [
        .identical, .wrong, .notConsecutive, .tooFarFromNow(steps: 3), .tooFarFromNow(steps: -25), .alreadyUsed,
        .simulatedClockStopped,
    ]

    @Test("every reason a pair is refused has its own hint, for activation and resync alike")
    func pairHints() throws {
        for window in [CodePair.Window.activation, .resync] {
            let hints = try Self.refusals.map { refusal in
                try #require(CodePair.hint(for: .invalidMFACodes, refusal: refusal, window: window))
            }
            #expect(Set(hints).count == hints.count)
            #expect(hints.allSatisfy { $0.hasPrefix("Nothing changed. ") })
        }
        #expect(CodePair.hint(for: .signInFailed, refusal: .wrong, window: .activation) == nil)
        #expect(
            CodePair.hint(for: .invalidMFACodes, refusal: .tooFarFromNow(steps: -25), window: .resync)
                == "Nothing changed. The codes are consecutive, but from 25 steps (12.5 minutes) behind iamsim's clock, and resync takes codes at most 10 minutes either side. If the phone's clock is wrong, set it to automatic (network) time; if the codes were typed late, use two fresh ones."
        )
    }

    @Test(
        "distances read as a trainee would say them",
        arguments: [
            (1, "1 step (30 s)"), (-3, "3 steps (90 s)"), (4, "4 steps (120 s)"), (20, "20 steps (10 minutes)"),
            (25, "25 steps (12.5 minutes)"), (-120, "120 steps (60 minutes)"), (240, "240 steps (2 hours)"),
            (250, "250 steps (2.1 hours)"),
        ] as [(Int64, String)])
    func distances(steps: Int64, text: String) {
        #expect(CodePair.distance(steps) == text)
    }

    @Test("an IAM user's sign-in hint tells how root resyncs the user's device; root's, the sign-in page's resync")
    func signInResyncAdvice() throws {
        let user = try SignIn.parse(["--account", "123456789012", "--user", "bob", "--mfa-code", "123456"])
        let root = try SignIn.parse(["--email", "trainee@example.com", "--mfa-code", "123456"])
        let far = CodeRefusal.tooFarFromNow(steps: 3)
        #expect(
            user.hint(for: .signInFailed, refusal: far)?.hasSuffix(
                "Resync the device with two consecutive codes: sign in as the root user and run iamsim mfa resync DEVICE --user bob --code1 C1 --code2 C2"
            )
                == true)
        #expect(
            root.hint(for: .signInFailed, refusal: far)?.hasSuffix(
                "Resync the device with two consecutive codes: iamsim mfa resync DEVICE --email EMAIL --code1 C1 --code2 C2"
            ) == true)
        // No reason (a wrong password): the general hint, which says nothing about the code.
        #expect(root.hint(for: .signInFailed, refusal: nil) == root.hint(for: .signInFailed))
        for refusal in Self.refusals {
            #expect(root.hint(for: .signInFailed, refusal: refusal) != nil)
        }
    }
}
