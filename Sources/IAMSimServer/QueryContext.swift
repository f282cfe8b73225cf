import IAMSimApp
import IAMSimCore
import IAMSimStore

/// What a handler gets: the simulator, the authenticated principal, the checked parameters.
struct QueryContext {
    let simulator: Simulator
    /// Who signed the request.
    let principal: Principal
    let parameters: QueryParameters
    /// The caller, as the store authorizes and logs it: the key's owner, with the same rules as
    /// the CLI's console caller (`Permissions`), the key and its session (temporary
    /// credentials), and where the request came from.
    let caller: Caller

    var store: IAMStore { simulator.store }

    /// `UserName`, or when the request leaves it out, the calling IAM user's name (the model
    /// lets these actions omit it only in an AssumeRoot session, which iamsim has not).
    ///
    /// - Throws: AWS's `ValidationError` for the root user leaving it out.
    func userNameOrCaller() throws(IAMError) -> String {
        if let name = parameters.string("UserName") { return name }
        guard let name = principal.userName else {
            throw .validationError("Must specify userName when calling with non-User credentials")
        }
        return name
    }

    /// The page a list action asks for (`Marker`, `MaxItems`, default 100).
    ///
    /// - Throws: `ValidationError` in AWS's words for values off the model.
    func page() throws -> PageRequest {
        try PageRequest(marker: parameters.string("Marker"), maxItems: parameters.integer("MaxItems"))
    }
}
