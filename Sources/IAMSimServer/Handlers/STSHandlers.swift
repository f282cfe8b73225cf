import IAMSimApp
import IAMSimCore

extension QueryAPI {
    /// STS: `GetCallerIdentity`, which needs no permission and is nothing but the key's use
    /// (recorded and logged when the request was authenticated), and `GetSessionToken`, which
    /// needs none either: temporary credentials, MFA-authenticated with a device's code.
    static let sts: [IAMAction: QueryHandler] = [
        .getCallerIdentity: { context in Shapes.getCallerIdentity(context.principal) },
        .getSessionToken: { context in
            let credentials = try context.store.getSessionToken(
                caller: context.caller, durationSeconds: context.parameters.integer("DurationSeconds"),
                serialNumber: context.parameters.string("SerialNumber"),
                tokenCode: context.parameters.string("TokenCode"))
            return Shapes.getSessionToken(credentials)
        },
    ]
}
