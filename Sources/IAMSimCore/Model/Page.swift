import IAMSimMacros

/// A list operation's `Marker` and `MaxItems`: where the page starts and how long it may be.
///
/// AWS's rules (botocore's model, `paginators-1.json`): `MaxItems` is 1 to 1,000 and defaults
/// to 100; `Marker` is the `Marker` of the previous page's answer, 1 to 320 characters from
/// U+0020 to U+00FF, opaque to the caller.
public struct PageRequest: Hashable, Sendable {
    /// `MaxItems` when the request leaves it out.
    public static let defaultMaxItems = 100
    /// The largest `MaxItems` AWS accepts.
    public static let maxItemsLimit = 1_000
    /// The longest `Marker` AWS accepts.
    public static let markerMaxLength = 320

    /// Where the page starts: the previous page's `Marker`, or nil for the first page.
    public let marker: String?
    /// The most items the page holds. A page may hold fewer and still be truncated, as in AWS.
    public let maxItems: Int

    /// - Throws: `ValidationError` in AWS's words for a `MaxItems` outside 1…1,000 or a
    ///   `Marker` that is empty, longer than 320 characters or holds a character outside
    ///   U+0020…U+00FF.
    public init(marker: String? = nil, maxItems: Int? = nil) throws(IAMError) {
        let maxItems = maxItems ?? Self.defaultMaxItems
        guard maxItems >= 1 else {
            throw Self.violation(value: "\(maxItems)", "maxItems", "have value greater than or equal to 1")
        }
        guard maxItems <= Self.maxItemsLimit else {
            throw Self.violation(
                value: "\(maxItems)", "maxItems", "have value less than or equal to \(Self.maxItemsLimit)")
        }
        if let marker {
            guard !marker.isEmpty else {
                throw Self.violation(value: marker, "marker", "have length greater than or equal to 1")
            }
            guard marker.unicodeScalars.count <= Self.markerMaxLength else {
                throw Self.violation(
                    value: marker, "marker", "have length less than or equal to \(Self.markerMaxLength)")
            }
            guard marker.unicodeScalars.allSatisfy({ (0x20...0xFF).contains($0.value) }) else {
                throw Self.violation(value: marker, "marker", "satisfy regular expression pattern: [\\u0020-\\u00FF]+")
            }
        }
        self.marker = marker
        self.maxItems = maxItems
    }

    /// AWS's answer to a `Marker` that no previous page gave (altered, or from another list).
    public static let invalidMarker = IAMError.validationError("Invalid Marker.")

    private static func violation(value: String, _ parameter: String, _ constraint: String) -> IAMError {
        .validationError(
            "1 validation error detected: Value '\(value)' at '\(parameter)' failed to satisfy constraint: Member must \(constraint)"
        )
    }
}

/// One page of a list operation's answer: AWS's list member, `IsTruncated` and `Marker`.
@MemberwiseInit
public struct Page<Element> {
    /// The page's items, in the list's order.
    public var items: [Element]
    /// Whether more items follow; ask for them with `marker`.
    public var isTruncated: Bool = false
    /// Where the next page starts (`PageRequest.marker`); present only when truncated.
    public var marker: String?

    /// The same page with each item transformed.
    public func mapItems<T>(_ transform: (Element) throws -> T) rethrows -> Page<T> {
        Page<T>(items: try items.map(transform), isTruncated: isTruncated, marker: marker)
    }
}

/// A page is the collection of its items.
extension Page: RandomAccessCollection {
    public var startIndex: Int { items.startIndex }
    public var endIndex: Int { items.endIndex }
    public subscript(position: Int) -> Element { items[position] }
}

extension Page: Equatable where Element: Equatable {}
extension Page: Hashable where Element: Hashable {}
extension Page: Sendable where Element: Sendable {}
