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

    @Test("a pair s, s+1 is accepted when s+1 is from 10 steps behind to 1 step ahead", arguments: -10...1)
    func pairWindow(offset: Int64) throws {
        let (code1, code2) = pair(now + offset - 1)
        #expect(try MFACodeRules.consecutivePairStep(code1: code1, code2: code2, totp: totp, nowStep: now) == now + offset)
    }

    @Test("a pair outside the window is refused", arguments: [-11, 2, 5, -40] as [Int64])
    func pairOutsideWindow(offset: Int64) {
        let (code1, code2) = pair(now + offset - 1)
        #expect(throws: IAMError.invalidMFACodes) {
            try MFACodeRules.consecutivePairStep(code1: code1, code2: code2, totp: totp, nowStep: now)
        }
    }

    @Test("identical, reversed, non-adjacent, wrong and malformed pairs are refused")
    func badPairs() {
        let c = { (step: Int64) in self.totp.code(atStep: step) }
        let cases: [(String, String)] = [
            (c(now), c(now)), (c(now), c(now - 1)), (c(now - 1), c(now + 1)), ("000000", "111111"),
            ("12345", c(now)), (c(now - 1), "abcdef"), (c(now - 1) + "0", c(now)), ("", ""), ("１２３４５６", c(now)),
        ]
        for (code1, code2) in cases {
            #expect(throws: IAMError.invalidMFACodes, "\(code1), \(code2)") {
                try MFACodeRules.consecutivePairStep(code1: code1, code2: code2, totp: totp, nowStep: now)
            }
        }
    }

    @Test("sign-in accepts the codes one step either side of now, and not two")
    func signInWindow() {
        for offset: Int64 in -1...1 {
            let step = MFACodeRules.signInStep(
                code: totp.code(atStep: now + offset), totp: totp, nowStep: now, drift: 0, lastAcceptedStep: nil)
            #expect(step == now + offset)
        }
        for offset: Int64 in [-2, 2] {
            let step = MFACodeRules.signInStep(
                code: totp.code(atStep: now + offset), totp: totp, nowStep: now, drift: 0, lastAcceptedStep: nil)
            #expect(step == nil)
        }
    }

    @Test("sign-in never accepts a step at or before the last accepted one")
    func noReplay() {
        let code = totp.code(atStep: now)
        #expect(MFACodeRules.signInStep(code: code, totp: totp, nowStep: now, drift: 0, lastAcceptedStep: now) == nil)
        #expect(MFACodeRules.signInStep(code: code, totp: totp, nowStep: now, drift: 0, lastAcceptedStep: now + 1) == nil)
        #expect(MFACodeRules.signInStep(code: code, totp: totp, nowStep: now, drift: 0, lastAcceptedStep: now - 1) == now)
    }

    @Test("a recorded drift moves the sign-in window")
    func drift() {
        let behind = totp.code(atStep: now - 5)
        #expect(MFACodeRules.signInStep(code: behind, totp: totp, nowStep: now, drift: 0, lastAcceptedStep: nil) == nil)
        #expect(MFACodeRules.signInStep(code: behind, totp: totp, nowStep: now, drift: -5, lastAcceptedStep: nil) == now - 5)
    }

    @Test("well-formed codes are exactly six ASCII digits")
    func wellFormed() {
        #expect(MFACodeRules.isWellFormed("012345"))
        for bad in ["", "12345", "1234567", "12345a", " 12345", "١٢٣٤٥٦"] {
            #expect(!MFACodeRules.isWellFormed(bad), "\(bad)")
        }
    }
}
