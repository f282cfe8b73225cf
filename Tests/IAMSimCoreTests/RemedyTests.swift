import Foundation
import Testing

@testable import IAMSimCore

/// Remedies are values: the errors of iamsim's own rules carry theirs beside AWS's message.
@Suite("Remedies: structured fixes, never command lines")
struct RemedyTests {
    @Test(
        "the errors whose cure iamsim knows carry it; the others carry none",
        arguments: [
            (IAMError.notSignedIn, Remedy(.signIn) as Remedy?),
            (.signInFailedSuggestingResync(3), Remedy(.resyncMFADevice)),
            (.signInFailedSuggestingResync(4), Remedy(.resyncMFADevice)),
            (.mfaLocked(until: Date(timeIntervalSince1970: 1_767_606_305)), Remedy(.resyncMFADevice)),
            (.credentialReportNotPresent, Remedy(.generateCredentialReport)),
            (.signInFailed, nil),
            (.invalidMFACodes, nil),
            (
                .accessDenied(
                    "User: arn:aws:iam::123456789012:user/bob is not authorized to perform: iam:ListUsers on resource: *"
                ), nil
            ),
            (.noSuchUser("bob"), nil),
        ] as [(IAMError, Remedy?)])
    func errorRemedies(error: IAMError, remedy: Remedy?) {
        #expect(error.remedy == remedy)
    }

    @Test("each step names the actions that do it")
    func actions() {
        #expect(Remedy(.deactivateAccessKey, .deleteAccessKey).actions == [.updateAccessKey, .deleteAccessKey])
        #expect(Remedy(.removeVirtualMFADevices).actions == [.deactivateMFADevice, .deleteVirtualMFADevice])
        #expect(Remedy(.signOut, .workAsIAMUser).actions == [.consoleSignOut, .createUser, .consoleLogin])
        #expect(Remedy(.updateAccountPasswordPolicy(PasswordPolicy())).actions == [.updateAccountPasswordPolicy])
    }

    @Test("the sign-in messages keep AWS's first sentence and suggest the resync in words only")
    func signInMessages() {
        let refused = IAMError.signInFailedSuggestingResync(3).message
        #expect(refused.hasPrefix(IAMError.signInFailed.message + " (3 wrong MFA codes in a row"))
        #expect(refused.contains(SignInRules.resyncAdvice + ". After 5 wrong codes"))
        #expect(
            IAMError.mfaLocked(until: Date(timeIntervalSince1970: 1_767_606_305)).message.hasSuffix(
                "which also lifts the lock."))
    }
}
