import IAMSimApp
import IAMSimCore

/// One action's handler: the result's members (a structure from `Shapes`), or nil for an
/// operation with no output.
typealias QueryHandler = @Sendable (QueryContext) throws -> ShapeValue?

// The two shapes most handlers share, said once: an action with no output, and a list action
// (Marker, MaxItems → IsTruncated, Marker). What stays in each handler is what differs: the
// parameters it reads and the store operation it calls as `context.caller`.
extension QueryAPI {
    /// An action without an output shape (`DeleteUser`, `EnableMFADevice`…): `perform` calls
    /// the store, and the response has no `<OpResult>`.
    static func noOutput(_ perform: @escaping @Sendable (QueryContext) throws -> Void) -> QueryHandler {
        { context in
            try perform(context)
            return nil
        }
    }

    /// A list action: `list` fetches the page the request asks for (`QueryContext.page()`:
    /// `Marker`, `MaxItems`), and `shape`, the action's `Shapes` builder, makes the result of
    /// its items, `IsTruncated` and `Marker`.
    static func paged<Item>(
        _ shape: @escaping @Sendable (_ items: [Item], _ isTruncated: Bool, _ marker: String?) -> ShapeValue,
        _ list: @escaping @Sendable (QueryContext, PageRequest) throws -> Page<Item>
    ) -> QueryHandler {
        { context in
            let page = try list(context, context.page())
            return shape(page.items, page.isTruncated, page.marker)
        }
    }

    /// A list action of a kind iamsim does not model, whose pages are always empty
    /// (`Page<Never>`; `Shapes+Unmodelled` shapes them whole).
    static func paged(
        _ shape: @escaping @Sendable (Page<Never>) -> ShapeValue,
        _ list: @escaping @Sendable (QueryContext, PageRequest) throws -> Page<Never>
    ) -> QueryHandler {
        { context in shape(try list(context, context.page())) }
    }
}
