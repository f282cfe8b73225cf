import Foundation
import Testing

@testable import IAMSimCore

@Suite("Which MFA codes are accepted")
struct MFACodeRulesTests {
    let totp = TOTP(secret: Array("12345678901234567890".utf8))
    let now: Int64 = 41_152_263

    func pair(_ first: Int64) -> (String, String) {
        (totp.code(atStep: first), totp.code(atStep: first + 1))
    }

    func checkPair(
        _ code1: String, _ code2: String, window: ClosedRange<Int64> = MFACodeRules.activationWindow, last: Int64? = nil
    ) -> CodeCheck {
        MFACodeRules.checkPair(
            code1: code1, code2: code2, totp: totp, nowStep: now, window: window, lastAcceptedStep: last)
    }

    func checkSignIn(_ code: String, drift: Int64 = 0, last: Int64? = nil) -> CodeCheck {
        MFACodeRules.checkSignIn(code: code, totp: totp, nowStep: now, drift: drift, lastAcceptedStep: last)
    }

    @Test("activation accepts a pair s, s+1 when s+1 is from 10 steps behind to 1 step ahead", arguments: -10...1)
    func pairWindow(offset: Int64) throws {
        let (code1, code2) = pair(now + offset - 1)
        #expect(checkPair(code1, code2) == .accepted(step: now + offset))
    }

    @Test("activation refuses a pair outside its window, saying how far it is", arguments: [-11, 2, 5, -40] as [Int64])
    func pairOutsideWindow(offset: Int64) {
        let (code1, code2) = pair(now + offset - 1)
        #expect(checkPair(code1, code2) == .refused(.tooFarFromNow(steps: offset)))
    }

    @Test("resync accepts a pair up to 20 steps either side of now", arguments: Array(-20...20))
    func resyncWindow(offset: Int64) {
        let (code1, code2) = pair(now + offset - 1)
        #expect(checkPair(code1, code2, window: MFACodeRules.resyncWindow) == .accepted(step: now + offset))
    }

    @Test(
        "resync refuses a pair farther away, up to two hours, as too far from now",
        arguments: [-21, 21, 120, -239, 240] as [Int64])
    func resyncTooFar(offset: Int64) {
        let (code1, code2) = pair(now + offset - 1)
        #expect(checkPair(code1, code2, window: MFACodeRules.resyncWindow) == .refused(.tooFarFromNow(steps: offset)))
    }

    @Test("beyond two hours, a pair is just wrong")
    func beyondExplanation() {
        let (code1, code2) = pair(now + 300)
        #expect(checkPair(code1, code2, window: MFACodeRules.resyncWindow) == .refused(.wrong))
    }

    @Test("identical, reversed, non-adjacent, wrong and malformed pairs are refused, each with its reason")
    func badPairs() {
        let c = { (step: Int64) in self.totp.code(atStep: step) }
        let cases: [(String, String, CodeRefusal)] = [
            (c(now), c(now), .identical),
            (c(now), c(now - 1), .notConsecutive),
            (c(now - 1), c(now + 1), .notConsecutive),
            ("000000", "111111", .wrong),
            (c(now - 1), "000000", .wrong),
            ("12345", c(now), .wrong),
            (c(now - 1), "abcdef", .wrong),
            (c(now - 1) + "0", c(now), .wrong),
            ("", "", .wrong),
            ("１２３４５６", c(now), .wrong),
        ]
        for (code1, code2, refusal) in cases {
            #expect(checkPair(code1, code2) == .refused(refusal), "\(code1), \(code2)")
        }
    }

    @Test("a pair at or before the last accepted step is already used")
    func pairAlreadyUsed() {
        let (code1, code2) = pair(now - 1)
        #expect(checkPair(code1, code2, last: now - 1) == .refused(.alreadyUsed))
        #expect(checkPair(code1, code2, last: now) == .refused(.alreadyUsed))
        #expect(checkPair(code1, code2, last: now - 2) == .accepted(step: now))
    }

    @Test("sign-in accepts the codes one step either side of now, and not two")
    func signInWindow() {
        for offset: Int64 in -1...1 {
            #expect(checkSignIn(totp.code(atStep: now + offset)) == .accepted(step: now + offset))
        }
        for offset: Int64 in [-2, 2] {
            #expect(checkSignIn(totp.code(atStep: now + offset)) == .refused(.tooFarFromNow(steps: offset)))
        }
        #expect(checkSignIn(totp.code(atStep: now + 21)) == .refused(.wrong))
        #expect(checkSignIn("000000") == .refused(.wrong))
    }

    @Test("sign-in never accepts a step at or before the last accepted one")
    func noReplay() {
        let code = totp.code(atStep: now)
        #expect(checkSignIn(code, last: now) == .refused(.alreadyUsed))
        #expect(checkSignIn(code, last: now + 1) == .refused(.alreadyUsed))
        #expect(checkSignIn(code, last: now - 1) == .accepted(step: now))
        // An older used code, outside the window: used, not merely late.
        #expect(checkSignIn(totp.code(atStep: now - 3), last: now - 1) == .refused(.alreadyUsed))
    }

    @Test("a recorded drift moves the sign-in window, both ways")
    func drift() {
        let behind = totp.code(atStep: now - 5)
        #expect(checkSignIn(behind) == .refused(.tooFarFromNow(steps: -5)))
        #expect(checkSignIn(behind, drift: -5) == .accepted(step: now - 5))
        let ahead = totp.code(atStep: now + 3)
        #expect(checkSignIn(ahead) == .refused(.tooFarFromNow(steps: 3)))
        #expect(checkSignIn(ahead, drift: 3) == .accepted(step: now + 3))
    }

    @Test("well-formed codes are exactly six ASCII digits")
    func wellFormed() {
        #expect(MFACodeRules.isWellFormed("012345"))
        for bad in ["", "12345", "1234567", "12345a", " 12345", "١٢٣٤٥٦"] {
            #expect(!MFACodeRules.isWellFormed(bad), "\(bad)")
        }
    }

    @Test(
        "whitespace is removed, wherever it is, as apps show codes",
        arguments: ["123 456", " 123456", "123456 ", "\t123456\n", "123\u{00A0}456", "12 34 56", "1 2 3 4 5 6\u{2009}"])
    func normalized(typed: String) throws {
        #expect(MFACodeRules.normalized(typed) == "123456")
        #expect(try MFACodeRules.validatedSignInCode(typed) == "123456")
        #expect(try MFACodeRules.validatedPair(typed, typed) == ("123456", "123456"))
    }
}
