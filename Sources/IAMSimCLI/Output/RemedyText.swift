import IAMSimCore
import IAMSimDatabase

/// How the CLI renders the fixes the lower layers suggest as values (`Remedy`, the cases of
/// `LocalError` and `DatabaseFileError`): as the iamsim command lines that do them, in the words the CLI has
/// always used. No command line is spelled below this target.
enum RemedyText {
    /// `remedy`'s command lines, joined by ", then ": `iamsim access-keys deactivate ID, then
    /// iamsim access-keys delete ID`. Placeholders are in capitals (ID, NAME, C1).
    static func commandLine(_ remedy: Remedy) -> String {
        remedy.steps.map(commandLine).joined(separator: ", then ")
    }

    /// One step's command line.
    static func commandLine(_ step: Remedy.Step) -> String {
        switch step {
        case .deactivateAccessKey: "iamsim access-keys deactivate ID"
        case .deleteAccessKey: "iamsim access-keys delete ID"
        case .createVirtualMFADevice: "iamsim mfa assign NAME"
        case .enableMFADevice(let userNames):
            switch userNames.count {
            case 0: "iamsim mfa activate NAME --code1 C1 --code2 C2"
            case 1: "iamsim mfa activate NAME --user \(userNames[0]) --code1 C1 --code2 C2"
            default: "iamsim mfa activate NAME --user USER --code1 C1 --code2 C2, for each user listed"
            }
        case .enableHardwareMFADevice: "iamsim mfa assign NAME --type hardware-totp --serial SERIAL"
        case .removeVirtualMFADevices: "iamsim mfa remove NAME for each virtual device"
        case .resyncMFADevice: "iamsim mfa resync DEVICE --email EMAIL --code1 C1 --code2 C2"
        case .signIn: "iamsim signin --email EMAIL"
        case .signOut: "iamsim signout"
        case .workAsIAMUser: "work as an IAM user: iamsim users create NAME"
        case .createUser: "iamsim users create NAME"
        case .createGroup: "iamsim groups create NAME"
        case .addUserToGroup: "iamsim groups add-user GROUP USER"
        case .updateAccountPasswordPolicy(let policy): updatePolicyCommand(policy)
        case .generateCredentialReport: "iamsim credential-report generate"
        }
    }

    /// `iamsim password-policy update` with every setting of `policy`, in the aws CLI's flags.
    static func updatePolicyCommand(_ policy: PasswordPolicy) -> String {
        var words = ["iamsim password-policy update", "--minimum-password-length \(policy.minimumPasswordLength)"]
        if policy.requireSymbols { words.append("--require-symbols") }
        if policy.requireNumbers { words.append("--require-numbers") }
        if policy.requireUppercaseCharacters { words.append("--require-uppercase-characters") }
        if policy.requireLowercaseCharacters { words.append("--require-lowercase-characters") }
        if policy.allowUsersToChangePassword { words.append("--allow-users-to-change-password") }
        if let age = policy.maxPasswordAge { words.append("--max-password-age \(age)") }
        if let reuse = policy.passwordReusePrevention { words.append("--password-reuse-prevention \(reuse)") }
        if policy.hardExpiry { words.append("--hard-expiry") }
        return words.joined(separator: " ")
    }

    // MARK: Errors

    /// `error`'s message with the command line of its remedy (`IAMError.remedy`), where the CLI
    /// puts it: after the message ("Sign in first: …"), or after the sentence that suggests a
    /// resync.
    static func message(for error: IAMError) -> String {
        guard let remedy = error.remedy else { return error.message }
        let command = commandLine(remedy)
        switch remedy.steps[0] {
        case .signIn:
            return "\(error.message) Sign in first: \(command)"
        case .generateCredentialReport:
            return "\(error.message) Generate one first: \(command)"
        case .resyncMFADevice:
            // A refused sign-in suggests the resync mid-message; a lockout, in its last sentence.
            let advice = SignInRules.resyncAdvice + "."
            if error.message.contains(advice) {
                return error.message.replacingOccurrences(of: advice, with: "\(SignInRules.resyncAdvice): \(command).")
            }
            return (error.message.hasSuffix(".") ? String(error.message.dropLast()) : error.message) + ": \(command)"
        default:
            return "\(error.message) \(command)"
        }
    }

    /// `error`'s message and what to do about it, in the CLI's commands and options.
    static func message(for error: LocalError) -> String {
        switch error {
        case .invalidSecretKey(.some):
            "\(error.message) Compare it with iamsim mfa assign --show-secret."
        case .invalidSecretKey(nil):
            "The secret key is not valid base32: use the letters A-Z and digits 2-7, as shown by iamsim mfa assign --show-secret."
        case .labelTaken:
            "\(error.message) Choose another --label."
        case .noAccount:
            "\(error.message) Create one with: iamsim init"
        case .noSuchAccount:
            "\(error.message) List them with: iamsim accounts list"
        case .file, .invalidValue, .failed, .noSuchLabel:
            error.message
        }
    }

    /// `error`'s message and what to do about it, naming the CLI's `--db` and `init --force`.
    static func message(for error: DatabaseFileError) -> String {
        switch error {
        case .corrupt(let path, _):
            "\(error.message) Move it aside, or recreate it with: iamsim init --force --db \(path)"
        case .foreignDatabase:
            "\(error.message) Choose another path with --db."
        case .newerSchema:
            "\(error.message) Upgrade iamsim, or use another database with --db."
        case .readOnly(let path):
            "Cannot use the database \(path): the file cannot be opened for writing, and this command writes (audit, events, class report, accounts list and export only read)"
        case .inaccessible, .busy:
            error.message
        }
    }
}
