import IAMSimApp
import IAMSimCore

extension QueryAPI {
    /// IAM users' console passwords (login profiles) and `ChangePassword`.
    static let loginProfiles: [IAMAction: QueryHandler] = [
        .createLoginProfile: { context in
            // The model makes Password optional only for an AssumeRoot session.
            guard let password = context.parameters.string("Password") else {
                throw IAMError.validationError(
                    "1 validation error detected: Value null at 'password' failed to satisfy constraint: Member must not be null"
                )
            }
            let profile = try context.store.createLoginProfile(
                caller: context.caller, userName: try context.userNameOrCaller(), password: password,
                passwordResetRequired: context.parameters.boolean("PasswordResetRequired") ?? false)
            return Shapes.createLoginProfile(profile)
        },
        .getLoginProfile: { context in
            Shapes.getLoginProfile(
                try context.store.getLoginProfile(caller: context.caller, userName: try context.userNameOrCaller()))
        },
        .updateLoginProfile: noOutput { context in
            try context.store.updateLoginProfile(
                caller: context.caller, userName: context.parameters.required("UserName"),
                password: context.parameters.string("Password"),
                passwordResetRequired: context.parameters.boolean("PasswordResetRequired"))
        },
        .deleteLoginProfile: noOutput { context in
            try context.store.deleteLoginProfile(caller: context.caller, userName: try context.userNameOrCaller())
        },
        .changePassword: noOutput { context in
            try context.store.changePassword(
                caller: context.caller, oldPassword: context.parameters.required("OldPassword"),
                newPassword: context.parameters.required("NewPassword"))
        },
    ]
}
