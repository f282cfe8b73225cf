import Foundation
import Testing

@testable import IAMSimCLI
@testable import IAMSimCore
@testable import IAMSimDatabase

/// The CLI's words for the fixes Core and the database suggest as values: the command lines the
/// audit, the dashboard and error messages have always shown (they moved here from Core).
@Suite("Remedies as the CLI's command lines")
struct RemedyTextTests {
    static let everything = PasswordPolicy(
        minimumPasswordLength: 14, requireSymbols: true, requireNumbers: true, requireUppercaseCharacters: true,
        requireLowercaseCharacters: true, allowUsersToChangePassword: true, maxPasswordAge: 90,
        passwordReusePrevention: 5, hardExpiry: true)

    @Test(
        "every audit remedy reads as before",
        arguments: [
            (
                Remedy(.deactivateAccessKey, .deleteAccessKey),
                "iamsim access-keys deactivate ID, then iamsim access-keys delete ID"
            ),
            (Remedy(.deleteAccessKey), "iamsim access-keys delete ID"),
            (
                Remedy(.createVirtualMFADevice, .enableMFADevice(userNames: [])),
                "iamsim mfa assign NAME, then iamsim mfa activate NAME --code1 C1 --code2 C2"
            ),
            (Remedy(.enableHardwareMFADevice), "iamsim mfa assign NAME --type hardware-totp --serial SERIAL"),
            (
                Remedy(.enableHardwareMFADevice, .removeVirtualMFADevices),
                "iamsim mfa assign NAME --type hardware-totp --serial SERIAL, then iamsim mfa remove NAME for each virtual device"
            ),
            (Remedy(.removeVirtualMFADevices), "iamsim mfa remove NAME for each virtual device"),
            (Remedy(.signOut, .workAsIAMUser), "iamsim signout, then work as an IAM user: iamsim users create NAME"),
            (
                Remedy(.createVirtualMFADevice, .enableMFADevice(userNames: ["carol"])),
                "iamsim mfa assign NAME, then iamsim mfa activate NAME --user carol --code1 C1 --code2 C2"
            ),
            (
                Remedy(.createVirtualMFADevice, .enableMFADevice(userNames: ["carol", "dave"])),
                "iamsim mfa assign NAME, then iamsim mfa activate NAME --user USER --code1 C1 --code2 C2, for each user listed"
            ),
            (Remedy(.createUser), "iamsim users create NAME"),
            (
                Remedy(.createGroup, .addUserToGroup),
                "iamsim groups create NAME, then iamsim groups add-user GROUP USER"
            ),
            (
                Remedy(
                    .updateAccountPasswordPolicy(PasswordPolicy(minimumPasswordLength: 14, passwordReusePrevention: 24))
                ),
                "iamsim password-policy update --minimum-password-length 14 --password-reuse-prevention 24"
            ),
            (
                Remedy(
                    .updateAccountPasswordPolicy(
                        PasswordPolicy(minimumPasswordLength: 14, requireSymbols: true, maxPasswordAge: 90))),
                "iamsim password-policy update --minimum-password-length 14 --require-symbols --max-password-age 90"
            ),
            (
                Remedy(.updateAccountPasswordPolicy(everything)),
                "iamsim password-policy update --minimum-password-length 14 --require-symbols --require-numbers --require-uppercase-characters --require-lowercase-characters --allow-users-to-change-password --max-password-age 90 --password-reuse-prevention 5 --hard-expiry"
            ),
            (
                Remedy(.updateAccountPasswordPolicy(PasswordPolicy(passwordReusePrevention: 24))),
                "iamsim password-policy update --minimum-password-length 6 --password-reuse-prevention 24"
            ),
        ] as [(Remedy, String)])
    func auditRemedies(remedy: Remedy, line: String) {
        #expect(RemedyText.commandLine(remedy) == line)
    }

    @Test(
        "errors the CLI completes with the command that fixes them, as before; Core's message has no command",
        arguments: [
            (
                IAMError.notSignedIn,
                "You are not signed in to the console. Sign in first: iamsim signin --email EMAIL"
            ),
            (
                .credentialReportNotPresent,
                "Credential report not present. Generate one first: iamsim credential-report generate"
            ),
            (
                .signInFailedSuggestingResync(3),
                "Your authentication information is incorrect. Please try again. (3 wrong MFA codes in a row: if your device's codes keep failing, it may be out of sync. Resync it with two consecutive codes: iamsim mfa resync DEVICE --email EMAIL --code1 C1 --code2 C2. After 5 wrong codes, sign-in is locked for 15 minutes.)"
            ),
            (
                .mfaLocked(until: Date(timeIntervalSince1970: 1_767_606_305)),
                "Too many wrong MFA codes: sign-in for this user is locked until 2026-01-05 09:45:05 UTC. Wait until then, or resync the device (two consecutive codes), which also lifts the lock: iamsim mfa resync DEVICE --email EMAIL --code1 C1 --code2 C2"
            ),
            (.signInFailed, "Your authentication information is incorrect. Please try again."),
            (.invalidMFACodes, "Authentication code for device is not valid."),
        ] as [(IAMError, String)])
    func errorMessages(error: IAMError, line: String) {
        #expect(RemedyText.message(for: error) == line)
        #expect(!error.message.contains("iamsim "))
    }

    @Test(
        "database file problems: the fix names the CLI's options, the database's own message does not",
        arguments: [
            (
                DatabaseFileError.corrupt(path: "/x.sqlite"),
                "The database /x.sqlite is not a valid iamsim database (the file is damaged or is not SQLite). Move it aside, or recreate it with: iamsim init --force --db /x.sqlite"
            ),
            (
                .corrupt(path: "/x.sqlite", detail: "column createDate does not hold a date"),
                "The database /x.sqlite is damaged (column createDate does not hold a date). Move it aside, or recreate it with: iamsim init --force --db /x.sqlite"
            ),
            (
                .foreignDatabase(path: "/x.sqlite"),
                "The database /x.sqlite is a SQLite file that iamsim did not create; iamsim will not modify it. Choose another path with --db."
            ),
            (
                .newerSchema(path: "/x.sqlite"),
                "The database /x.sqlite was written by a newer version of iamsim. Upgrade iamsim, or use another database with --db."
            ),
            (
                .readOnly(path: "/x.sqlite"),
                "Cannot use the database /x.sqlite: the file cannot be opened for writing, and this command writes (audit, events, class report, accounts list and export only read)"
            ),
            (.busy(path: "/x.sqlite"), "The database /x.sqlite stayed locked by another iamsim process; try again."),
        ] as [(DatabaseFileError, String)])
    func databaseFiles(error: DatabaseFileError, line: String) {
        #expect(RemedyText.message(for: error) == line)
        #expect(!error.message.contains("--db") && !error.message.contains("iamsim init"))
    }

    @Test("every step of every lesson has a command line, and Core's steps carry none")
    func lessonCommands() {
        for lesson in Lesson.all {
            for step in lesson.steps {
                #expect(LessonCommandLine.template(step).hasPrefix("iamsim "), "\(step.id)")
                #expect(!step.explanation.contains("--"), "\(step.id)")
            }
        }
        #expect(Set(LessonCommandLine.templates.keys) == Set(Lesson.all.flatMap(\.steps).map(\.id)))
    }
}
