import IAMSimApp
import IAMSimCore

extension QueryAPI {
    /// The account password policy.
    static let passwordPolicy: [IAMAction: QueryHandler] = [
        .getAccountPasswordPolicy: { context in
            Shapes.getAccountPasswordPolicy(try context.store.getPasswordPolicy(caller: context.caller))
        },
        .updateAccountPasswordPolicy: noOutput { context in
            // Not a partial update, as in AWS: what the request leaves out is reset to its default.
            let parameters = context.parameters
            let defaults = PasswordPolicy()
            let policy = PasswordPolicy(
                minimumPasswordLength: parameters.integer("MinimumPasswordLength") ?? defaults.minimumPasswordLength,
                requireSymbols: parameters.boolean("RequireSymbols") ?? false,
                requireNumbers: parameters.boolean("RequireNumbers") ?? false,
                requireUppercaseCharacters: parameters.boolean("RequireUppercaseCharacters") ?? false,
                requireLowercaseCharacters: parameters.boolean("RequireLowercaseCharacters") ?? false,
                allowUsersToChangePassword: parameters.boolean("AllowUsersToChangePassword") ?? false,
                maxPasswordAge: parameters.integer("MaxPasswordAge"),
                passwordReusePrevention: parameters.integer("PasswordReusePrevention"),
                hardExpiry: parameters.boolean("HardExpiry") ?? false)
            try context.store.updatePasswordPolicy(caller: context.caller, policy: policy)
        },
        .deleteAccountPasswordPolicy: noOutput { context in
            try context.store.deletePasswordPolicy(caller: context.caller)
        },
    ]
}
