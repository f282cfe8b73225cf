import Testing

@testable import IAMSimCore

/// `Marker` and `MaxItems` as AWS's model constrains them.
@Suite("Pages of list operations")
struct PageRequestTests {
    @Test("MaxItems defaults to 100 and takes 1 to 1,000")
    func maxItems() throws {
        #expect(try PageRequest().maxItems == 100)
        #expect(try PageRequest(maxItems: 1).maxItems == 1)
        #expect(try PageRequest(maxItems: 1_000).maxItems == 1_000)
        #expect(
            throws: IAMError.validationError(
                "1 validation error detected: Value '0' at 'maxItems' failed to satisfy constraint: Member must have value greater than or equal to 1"
            )
        ) { try PageRequest(maxItems: 0) }
        #expect(
            throws: IAMError.validationError(
                "1 validation error detected: Value '1001' at 'maxItems' failed to satisfy constraint: Member must have value less than or equal to 1000"
            )
        ) { try PageRequest(maxItems: 1_001) }
    }

    @Test("a Marker is 1 to 320 characters from U+0020 to U+00FF")
    func marker() throws {
        #expect(try PageRequest(marker: String(repeating: "m", count: 320)).marker?.count == 320)
        #expect(try PageRequest(marker: "ÿ ~").marker == "ÿ ~")
        #expect(
            throws: IAMError.validationError(
                "1 validation error detected: Value '' at 'marker' failed to satisfy constraint: Member must have length greater than or equal to 1"
            )
        ) { try PageRequest(marker: "") }
        let long = String(repeating: "m", count: 321)
        #expect(
            throws: IAMError.validationError(
                "1 validation error detected: Value '\(long)' at 'marker' failed to satisfy constraint: Member must have length less than or equal to 320"
            )
        ) { try PageRequest(marker: long) }
        #expect(
            throws: IAMError.validationError(
                "1 validation error detected: Value 'a\nb' at 'marker' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\u0020-\\u00FF]+"
            )
        ) { try PageRequest(marker: "a\nb") }
    }

    @Test("a page is the collection of its items")
    func collection() {
        let page = Page(items: ["a", "b"], isTruncated: true, marker: "m")
        #expect(Array(page) == ["a", "b"])
        #expect(page.mapItems { $0.uppercased() } == Page(items: ["A", "B"], isTruncated: true, marker: "m"))
    }
}
