import Foundation
import IAMSimCore

/// The sort key of a list's item, which a marker carries so that the next page starts after it
/// (keyset paging: an item added or deleted meanwhile neither shifts nor repeats the others).
struct PageKey: Equatable {
    /// The key's values, in the list's `ORDER BY` order, as the statement compares them.
    var values: [String]

    init(_ values: String...) {
        self.values = values
    }

    init(values: [String]) {
        self.values = values
    }
}

/// A record a list operation pages through: its sort key in the list's order, which a marker
/// carries, declared once with the record rather than at each list.
protocol PagedRecord {
    /// How many values `pageKey` has: a marker whose key has another length is refused.
    static var pageKeyLength: Int { get }
    var pageKey: PageKey { get }
}

/// A list's order, and how its statement selects the rows after a `PageKey`.
struct ListOrder {
    /// The `ORDER BY` terms.
    let orderBy: String
    /// The condition that holds for rows after a key, its values as `?`.
    let after: String

    /// Oldest first, then by the `tieBreak` column (an id or a serial number).
    static func byCreation(tieBreak: String) -> ListOrder {
        ListOrder(orderBy: "createDate, \(tieBreak)", after: "(createDate, \(tieBreak)) > (?, ?)")
    }

    /// By name, ignoring case (names are unique ignoring case).
    static func byName(_ column: String) -> ListOrder {
        ListOrder(orderBy: "\(column) COLLATE NOCASE", after: "\(column) > ? COLLATE NOCASE")
    }
}

/// Cuts a list operation's answer into pages (`PageRequest`, `Page`), with markers that are
/// opaque to callers: base64 of the list's action name and the last item's `PageKey`.
enum Pagination {
    /// The page `request` asks for, of the list `action` answers.
    ///
    /// - Parameters:
    ///   - request: the page; nil for every item at once (a front end that shows whole lists).
    ///   - keyLength: how many values the list's `PageKey` has.
    ///   - fetch: the items after a key (from the start when nil), in the list's order, at most
    ///     `limit` of them (all when nil).
    ///   - key: an item's sort key.
    /// - Throws: `ValidationError` ("Invalid Marker.") for a marker no page of this list gave.
    static func page<Item>(
        _ request: PageRequest?, of action: IAMAction, keyLength: Int,
        fetch: (_ after: PageKey?, _ limit: Int?) throws -> [Item], key: (Item) -> PageKey
    ) throws -> Page<Item> {
        guard let request else { return Page(items: try fetch(nil, nil)) }
        let after = try request.marker.map { try decode($0, of: action, keyLength: keyLength) }
        let rows = try fetch(after, request.maxItems + 1)
        guard rows.count > request.maxItems else { return Page(items: rows) }
        // The marker names the page's last item. A key too long for a marker (a hardware serial
        // of hundreds of characters) cannot end a page, so the page ends earlier, as AWS's pages
        // may; when no item of the page can end it, the page holds the rest of the list.
        var end = request.maxItems
        while end > 0 {
            if let marker = encode(key(rows[end - 1]), of: action) {
                return Page(items: Array(rows.prefix(end)), isTruncated: true, marker: marker)
            }
            end -= 1
        }
        return Page(items: try fetch(after, nil))
    }

    /// The page `request` asks for, of the list `action` answers with records that carry their
    /// own page key; see `page(_:of:keyLength:fetch:key:)`.
    static func page<Record: PagedRecord>(
        _ request: PageRequest?, of action: IAMAction, fetch: (_ after: PageKey?, _ limit: Int?) throws -> [Record]
    ) throws -> Page<Record> {
        try page(request, of: action, keyLength: Record.pageKeyLength, fetch: fetch) { $0.pageKey }
    }

    /// The marker for the page that starts after `key`, or nil when it would be longer than
    /// AWS lets a caller send back.
    static func encode(_ key: PageKey, of action: IAMAction) -> String? {
        let text = ([action.name] + key.values).joined(separator: "\n")
        let marker = Data(text.utf8).base64EncodedString()
        return marker.utf8.count <= PageRequest.markerMaxLength ? marker : nil
    }

    /// The key `marker` carries.
    ///
    /// - Throws: `ValidationError` ("Invalid Marker.") for text that is not a marker of `action`'s list.
    static func decode(_ marker: String, of action: IAMAction, keyLength: Int) throws -> PageKey {
        guard let data = Data(base64Encoded: marker), let text = String(data: data, encoding: .utf8) else {
            throw PageRequest.invalidMarker
        }
        let parts = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == keyLength + 1, parts[0] == action.name else { throw PageRequest.invalidMarker }
        return PageKey(values: Array(parts.dropFirst()))
    }
}
