import Foundation
import IAMSimApp
import IAMSimCore
import IAMSimStore

/// Account settings: the account's password policy (`GetAccountPasswordPolicy`,
/// `UpdateAccountPasswordPolicy`, `DeleteAccountPasswordPolicy`), the dashboard's fifth item.
extension Console {
    struct PolicyView {
        var state: String
        var hasPolicy: Bool
        var minimumLength: Int
        var requireUppercase: Bool
        var requireLowercase: Bool
        var requireNumbers: Bool
        var requireSymbols: Bool
        var maxAge: String
        var hardExpiry: Bool
        var allowChange: Bool
        var reuse: String
    }

    func passwordPolicyPage(_ visit: Visit) throws -> ConsoleResponse {
        try policyResponse(visit, shown: nil, error: nil)
    }

    /// The page with the stored policy, or `shown` (a form refused) and `error`.
    private func policyResponse(_ visit: Visit, shown: PasswordPolicy?, error: ErrorView?) throws -> ConsoleResponse {
        let stored: PasswordPolicy?
        do {
            stored = try store.getPasswordPolicy(caller: try visit.caller())
        } catch let error as IAMError where error.code == "NoSuchEntity" {
            stored = nil
        }
        let policy = shown ?? stored ?? PasswordPolicy()
        return renderer.page(
            visit, title: "Account settings", template: "password-policy",
            view: PolicyView(
                state: stored == nil
                    ? "This AWS account does not have a password policy: IAM users' passwords need only be 1 to 128 characters."
                    : "This AWS account uses a custom password policy.",
                hasPolicy: stored != nil, minimumLength: policy.minimumPasswordLength,
                requireUppercase: policy.requireUppercaseCharacters,
                requireLowercase: policy.requireLowercaseCharacters,
                requireNumbers: policy.requireNumbers, requireSymbols: policy.requireSymbols,
                maxAge: policy.maxPasswordAge.map(String.init) ?? "", hardExpiry: policy.hardExpiry,
                allowChange: policy.allowUsersToChangePassword,
                reuse: policy.passwordReusePrevention.map(String.init) ?? ""),
            status: error?.status ?? 200, section: .settings, error: error)
    }

    /// `UpdateAccountPasswordPolicy` with the whole form (AWS's update is not partial).
    func updatePasswordPolicy(_ visit: inout Visit) throws -> ConsoleResponse {
        let caller = try visit.caller()
        let request = visit.request
        func number(_ name: String) -> Int?? {
            guard let text = request.field(name) else { return .some(nil) }
            return Int(text).map { .some($0) }
        }
        let checked = { (name: String) in request.field(name) == "yes" }
        guard let minimum = Int(request.field("minimumPasswordLength") ?? ""), let age = number("maxPasswordAge"),
            let reuse = number("passwordReusePrevention")
        else {
            return try policyResponse(
                visit, shown: nil,
                error: ErrorView(title: "ValidationError", message: "Lengths, days and counts are whole numbers."))
        }
        let policy = PasswordPolicy(
            minimumPasswordLength: minimum, requireSymbols: checked("requireSymbols"),
            requireNumbers: checked("requireNumbers"), requireUppercaseCharacters: checked("requireUppercase"),
            requireLowercaseCharacters: checked("requireLowercase"), allowUsersToChangePassword: checked("allowChange"),
            maxPasswordAge: age, passwordReusePrevention: reuse, hardExpiry: checked("hardExpiry"))
        do {
            try store.updatePasswordPolicy(caller: caller, policy: policy)
            return visit.redirect("/password-policy", flash: "The password policy is saved.")
        } catch {
            return try policyResponse(visit, shown: policy, error: ErrorView(error))
        }
    }

    /// `DeleteAccountPasswordPolicy`.
    func deletePasswordPolicy(_ visit: inout Visit) throws -> ConsoleResponse {
        try store.deletePasswordPolicy(caller: try visit.caller())
        return visit.redirect("/password-policy", flash: "The password policy is deleted.")
    }
}
