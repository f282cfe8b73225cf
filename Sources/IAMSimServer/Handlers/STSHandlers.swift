import IAMSimApp
import IAMSimCore

extension QueryAPI {
    /// STS: `GetCallerIdentity`, which needs no permission and is nothing but the key's use
    /// (recorded and logged when the request was authenticated).
    static let sts: [IAMAction: QueryHandler] = [
        .getCallerIdentity: { context in Shapes.getCallerIdentity(context.principal) }
    ]
}
